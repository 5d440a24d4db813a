package io.tapecast.gateway.stream;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a client asked for in the handshake URL of {@code /api/ws/stream/backtest/{id}?from_seq=N}.
 * {@code from_seq} is the last seq the client already has: events follow from {@code from_seq + 1}.
 */
record StreamRequest(String streamId, long fromSeq) {

    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    StreamRequest {
        if (streamId == null || !STREAM_ID.matcher(streamId).matches()) {
            throw new IllegalArgumentException("stream id must be 1-128 characters of letters, digits, '_', '.', '-'");
        }
        if (fromSeq < 0) {
            throw new IllegalArgumentException("from_seq must be 0 or more");
        }
    }

    /** Parses the handshake URI; IllegalArgumentException names what is wrong. */
    static StreamRequest parse(URI uri) {
        UriComponents components = UriComponentsBuilder.fromUri(uri).build();
        List<String> segments = components.getPathSegments();
        String id = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        MultiValueMap<String, String> query = components.getQueryParams();
        String fromSeq = query.getFirst("from_seq");
        long from;
        try {
            from = fromSeq == null || fromSeq.isBlank() ? 0 : Long.parseLong(fromSeq.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("from_seq must be a whole number, was '" + fromSeq + "'");
        }
        return new StreamRequest(id, from);
    }
}
