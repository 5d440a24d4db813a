package io.tapecast.loadtest;

import java.util.ArrayList;
import java.util.List;

/** How C clients spread over S streams: client i follows stream i mod S, so stream sizes differ by at most one. */
final class Spread {

    private Spread() {
    }

    static int streamOf(int client, int streams) {
        if (streams < 1) {
            throw new IllegalArgumentException("at least one stream");
        }
        if (client < 0) {
            throw new IllegalArgumentException("client index must not be negative");
        }
        return client % streams;
    }

    /** Clients per stream, indexed by stream. */
    static int[] clientsPerStream(int clients, int streams) {
        int[] counts = new int[streams];
        for (int c = 0; c < clients; c++) {
            counts[streamOf(c, streams)]++;
        }
        return counts;
    }

    /** Stream ids {@code loadtest_<run>_<n>}, n = 0 … streams − 1 (valid backtest ids and nchan channel ids). */
    static List<String> streamIds(String run, int streams) {
        List<String> ids = new ArrayList<>(streams);
        for (int n = 0; n < streams; n++) {
            ids.add("loadtest_" + run + "_" + n);
        }
        return ids;
    }
}
