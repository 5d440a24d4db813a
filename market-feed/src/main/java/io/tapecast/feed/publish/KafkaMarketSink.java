package io.tapecast.feed.publish;

import io.tapecast.schemas.Envelope;
import io.tapecast.schemas.Payload;
import io.tapecast.schemas.RecordHeaders;
import io.tapecast.schemas.StreamType;
import io.tapecast.schemas.WireJson;
import io.tapecast.schemas.market.CandleEvent;
import io.tapecast.schemas.market.ConfluenceEvent;
import io.tapecast.schemas.market.PatternEvent;
import io.tapecast.schemas.market.StructureEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes market-data envelopes to {@code market.events}: key and {@code stream_id} = the symbol, headers
 * {@code type}, {@code seq} and {@code timeframe}. The feed is each symbol stream's single writer, so it assigns seq, continuing from
 * the stream's last seq after a restart.
 */
public final class KafkaMarketSink implements MarketEventSink {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final Map<String, Long> seqs = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaMarketSink(Producer<String, byte[]> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    /** Continues a symbol's stream after {@code lastSeq} (0 for a new stream). */
    public void resume(String symbol, long lastSeq) {
        seqs.put(symbol, lastSeq);
    }

    @Override
    public void publish(String symbol, Payload payload) {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("publishing to " + topic + " failed", failed);
        }
        long seq = seqs.merge(symbol, 1L, Long::sum);
        byte[] value = WireJson.mapper().writeValueAsBytes(
                Envelope.event(StreamType.MARKET_DATA, symbol, seq, clock.instant(), payload));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, symbol, value);
        record.headers().add(RecordHeaders.TYPE, RecordHeaders.encodeType(payload.eventType()));
        record.headers().add(RecordHeaders.SEQ, RecordHeaders.encodeSeq(seq));
        String timeframe = timeframeOf(payload);
        if (timeframe != null) {
            record.headers().add(RecordHeaders.TIMEFRAME, RecordHeaders.encodeType(timeframe));
        }
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }

    /** Lets gateways filter by timeframe and conflate candles without parsing JSON. */
    static String timeframeOf(Payload payload) {
        if (payload instanceof CandleEvent candle) {
            return candle.timeframe();
        } else if (payload instanceof PatternEvent pattern) {
            return pattern.timeframe();
        } else if (payload instanceof StructureEvent structure) {
            return structure.timeframe();
        } else if (payload instanceof ConfluenceEvent confluence) {
            return confluence.timeframe();
        }
        return null;
    }

    @Override
    public void flush() {
        producer.flush();
        Exception failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("publishing to " + topic + " failed", failed);
        }
    }
}
