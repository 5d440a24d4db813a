package io.tapecast.gateway.stream;

import io.tapecast.engine.market.Symbols;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.schemas.EventTypes;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/ws/stream/market-data/{symbol}?timeframes=1m,1h&types=candle,confluence}: which symbol, and optional
 * filters (empty = everything). Unknown timeframes or types are refused rather than silently matching nothing.
 */
record MarketRequest(String symbol, Set<String> timeframes, Set<String> types) {

    static final Set<String> TYPES = Set.of(EventTypes.CANDLE, EventTypes.PATTERN, EventTypes.STRUCTURE, EventTypes.CONFLUENCE);

    static MarketRequest parse(URI uri) {
        UriComponents components = UriComponentsBuilder.fromUri(uri).build();
        List<String> segments = components.getPathSegments();
        String symbol = segments.isEmpty() ? "" : segments.get(segments.size() - 1).toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(symbol)) {
            throw new IllegalArgumentException("symbol must look like BTC-USD or AAPL");
        }
        MultiValueMap<String, String> query = components.getQueryParams();
        Set<String> timeframes = new LinkedHashSet<>();
        for (String tf : list(query.getFirst("timeframes"))) {
            if (!Timeframe.isValid(tf)) {
                throw new IllegalArgumentException("unknown timeframe '" + tf + "'; use " + Timeframe.validLabels());
            }
            timeframes.add(Timeframe.parse(tf).label());
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : list(query.getFirst("types"))) {
            String normalised = type.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(normalised)) {
                throw new IllegalArgumentException("unknown type '" + type + "'; use candle, pattern, structure, confluence");
            }
            types.add(normalised);
        }
        return new MarketRequest(symbol, Set.copyOf(timeframes), Set.copyOf(types));
    }

    boolean wants(String type, String timeframe) {
        return (types.isEmpty() || types.contains(type)) && (timeframes.isEmpty() || timeframe == null || timeframes.contains(timeframe));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
