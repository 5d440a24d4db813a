package io.tapecast.gateway.start;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Ids like {@code backtest_20240211_143022_k3x9qa}: the original service's shape (UTC start time) plus six
 * random base-36 characters, so two starts in one second on any number of gateways do not collide
 * (36^6 ≈ 2.2 billion per second).
 */
final class BacktestIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next(Instant now) {
        char[] suffix = new char[6];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return "backtest_" + STAMP.format(now) + "_" + new String(suffix);
    }
}
