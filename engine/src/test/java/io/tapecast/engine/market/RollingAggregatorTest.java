package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingAggregatorTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void closedCandlesEqualAggregatingTheSameMinutesDirectly() {
        List<Candle> minutes = new SyntheticCandleSource().candles("BTC-USD", Timeframe.M1, START, START.plusSeconds(3 * 86_400));
        RollingAggregator aggregator = new RollingAggregator(Timeframe.M1, List.of(Timeframe.M5, Timeframe.H1, Timeframe.D1));
        List<Candle> hours = new ArrayList<>();
        List<Candle> days = new ArrayList<>();
        for (Candle minute : minutes) {
            for (RollingAggregator.Update update : aggregator.accept(minute)) {
                if (update.closed() && update.timeframe() == Timeframe.H1) {
                    hours.add(update.candle());
                }
                if (update.closed() && update.timeframe() == Timeframe.D1) {
                    days.add(update.candle());
                }
            }
        }
        assertThat(hours).isEqualTo(Aggregation.aggregate(minutes, Timeframe.H1));
        assertThat(days).isEqualTo(Aggregation.aggregate(minutes, Timeframe.D1));
    }

    @Test
    void reportsTheFormingCandleUntilTheLastMinuteClosesItOnce() {
        RollingAggregator aggregator = new RollingAggregator(Timeframe.M1, List.of(Timeframe.M5));
        List<RollingAggregator.Update> fiveMinute = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            aggregator.accept(minute(i, 100 + i)).stream().filter(u -> u.timeframe() == Timeframe.M5).forEach(fiveMinute::add);
        }
        assertThat(fiveMinute).extracting(RollingAggregator.Update::closed).containsExactly(false, false, false, false, true);
        Candle closed = fiveMinute.get(4).candle();
        assertThat(closed.time()).isEqualTo(START);
        assertThat(closed.open()).isEqualTo(100);
        assertThat(closed.close()).isEqualTo(104.5);
        assertThat(closed.high()).isEqualTo(105);
        assertThat(closed.volume()).isEqualTo(50);
        assertThat(fiveMinute.get(1).candle().close()).isEqualTo(101.5);
    }

    @Test
    void aBucketLeftOpenByAGapIsClosedWhenTheNextBucketStarts() {
        RollingAggregator aggregator = new RollingAggregator(Timeframe.M1, List.of(Timeframe.M5));
        aggregator.accept(minute(0, 100));
        aggregator.accept(minute(1, 101));
        List<RollingAggregator.Update> updates = aggregator.accept(minute(7, 107));
        assertThat(updates).extracting(u -> u.timeframe().label() + ":" + u.closed() + ":" + u.candle().time())
                .containsExactly("1m:true:" + START.plusSeconds(420), "5m:true:" + START, "5m:false:" + START.plusSeconds(300));
    }

    @Test
    void rejectsTargetsThatCannotBeBuiltAndCandlesOutOfOrder() {
        assertThatThrownBy(() -> new RollingAggregator(Timeframe.H1, List.of(Timeframe.M5))).hasMessageContaining("5m");
        RollingAggregator aggregator = new RollingAggregator(Timeframe.M1, List.of(Timeframe.M5));
        aggregator.accept(minute(3, 100));
        assertThatThrownBy(() -> aggregator.accept(minute(2, 100))).hasMessageContaining("time order");
    }

    private static Candle minute(int index, double open) {
        return new Candle(START.plusSeconds(60L * index), open, open + 1, open - 1, open + 0.5, 10);
    }
}
