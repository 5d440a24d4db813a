package io.tapecast.feed;

import io.tapecast.engine.market.Candle;
import io.tapecast.engine.market.CandleSource;
import io.tapecast.engine.market.Timeframe;
import io.tapecast.feed.publish.KafkaMarketSink;
import io.tapecast.feed.publish.StreamPosition;
import io.tapecast.feed.publish.StreamTail;
import io.tapecast.feed.source.MinuteCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live market feed: every tick (one simulated minute, {@code 60 / speed} real seconds) each symbol advances by
 * one 1m candle. On start each symbol's stream continues where Kafka says it ended (next minute, next seq), after a
 * silent warm-up of the analysers on the preceding history; the synthetic market is deterministic, so a restarted
 * feed tells the same price story.
 */
public final class MarketFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketFeed.class);
    private static final Instant SOURCE_END = Instant.parse("2100-01-01T00:00:00Z");

    private final FeedSettings settings;
    private final CandleSource source;
    private final KafkaMarketSink sink;
    private final StreamTail tail;
    private final List<SymbolFeed> feeds = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    public MarketFeed(FeedSettings settings, CandleSource source, KafkaMarketSink sink, StreamTail tail) {
        this.settings = settings;
        this.source = source;
        this.sink = sink;
        this.tail = tail;
    }

    @Override
    public void start() {
        List<Timeframe> targets = settings.timeframes().stream().map(Timeframe::parse).distinct().sorted().toList();
        for (String symbol : settings.symbols()) {
            StreamPosition position = tail.positionOf(symbol);
            Instant next = position.resumeAfter().map(t -> t.plus(Timeframe.M1.duration())).orElse(settings.start());
            sink.resume(symbol, position.lastSeq());
            SymbolFeed feed = new SymbolFeed(symbol, new MinuteCursor(source, symbol, next, SOURCE_END), targets, sink,
                    settings.formingThrottle());
            Instant warmFrom = Timeframe.D1.floor(next.minus(settings.warmup()));
            List<Candle> history = source.candles(symbol, Timeframe.M1, warmFrom, next);
            feed.warmUp(history);
            feeds.add(feed);
            log.info("market feed for {} starts at {} (seq {}), analysers warmed on {} candles", symbol, next,
                    position.lastSeq() + 1, history.size());
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "market-feed");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(1, settings.candleInterval().toNanos());
        ticker.scheduleAtFixedRate(this::tick, 0, interval, TimeUnit.NANOSECONDS);
        running = true;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            for (SymbolFeed feed : feeds) {
                feed.step(now);
            }
            sink.flush();
        } catch (RuntimeException e) {
            // A failed tick is retried at the next one; the stream's seq stays contiguous because the sink
            // refuses to publish after a failure until the process restarts and resumes from Kafka.
            log.error("market feed tick failed", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sink.flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Kafka clients exist, before the web server (so a standalone's first viewers see candles soon). */
    @Override
    public int getPhase() {
        return 10;
    }

}
