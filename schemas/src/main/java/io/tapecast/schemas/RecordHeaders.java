package io.tapecast.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Kafka record headers that let consumers route without parsing JSON: {@code type} is the envelope type
 * as UTF-8, {@code seq} the envelope seq as an 8-byte big-endian long, {@code timeframe} (market data) a UTF-8
 * timeframe label, {@code symbol} (live trading) a UTF-8 symbol.
 */
public final class RecordHeaders {

    public static final String TYPE = "type";
    public static final String SEQ = "seq";
    /** On market-data records that belong to one timeframe (candles and their analysis): the label, e.g. {@code 1h}. */
    public static final String TIMEFRAME = "timeframe";

    /**
     * On live-trading records that belong to one symbol ({@code order}, {@code position}): the symbol, e.g.
     * {@code BTC-USD}; absent on account-level records ({@code pnl}, {@code risk}).
     */
    public static final String SYMBOL = "symbol";

    private RecordHeaders() {
    }

    public static byte[] encodeSeq(long seq) {
        return ByteBuffer.allocate(Long.BYTES).putLong(seq).array();
    }

    public static long decodeSeq(byte[] value) {
        if (value == null || value.length != Long.BYTES) {
            throw new IllegalArgumentException("seq header must be 8 bytes");
        }
        return ByteBuffer.wrap(value).getLong();
    }

    public static byte[] encodeType(String type) {
        return type.getBytes(StandardCharsets.UTF_8);
    }

    public static String decodeType(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
