package io.tapecast.cluster.drill;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Drill progress on stdout, with the time of day. */
final class Log {
    private Log() {
    }

    static void info(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
        System.out.flush();
    }
}
