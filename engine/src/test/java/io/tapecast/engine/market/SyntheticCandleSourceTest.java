package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCandleSourceTest {

    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-08T00:00:00Z");

    @Test
    void independentInstancesProduceIdenticalCandles() {
        List<Candle> a = new SyntheticCandleSource().candles("BTC-USD", Timeframe.M15, FROM, TO);
        List<Candle> b = new SyntheticCandleSource().candles("BTC-USD", Timeframe.M15, FROM, TO);
        assertThat(a).hasSize(7 * 96).isEqualTo(b);
    }

    @Test
    void anHourlyCandleIsTheAggregateOfItsSixtyMinutes() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        Instant hour = Instant.parse("2024-03-04T13:00:00Z");
        List<Candle> minutes = source.candles("ETH-USD", Timeframe.M1, hour, hour.plusSeconds(3600));
        List<Candle> hourly = source.candles("ETH-USD", Timeframe.H1, hour, hour.plusSeconds(3600));

        assertThat(minutes).hasSize(60);
        assertThat(hourly).containsExactlyElementsOf(Aggregation.aggregate(minutes, Timeframe.H1));
    }

    @Test
    void allTimeframesTellTheSamePriceStory() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        List<Candle> minutes = source.candles("AAPL", Timeframe.M1, FROM, TO);
        List<Candle> days = source.candles("AAPL", Timeframe.D1, FROM, TO);

        assertThat(days).hasSize(7).containsExactlyElementsOf(Aggregation.aggregate(minutes, Timeframe.D1));
        assertThat(source.candles("AAPL", Timeframe.H4, FROM, TO))
                .containsExactlyElementsOf(Aggregation.aggregate(minutes, Timeframe.H4));
        // Prices are continuous: each day opens at the previous day's close.
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i).open()).isEqualTo(days.get(i - 1).close());
        }
    }

    @Test
    void requestsWithDifferentStartsAgreeWhereTheyOverlap() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        List<Candle> longer = source.candles("BTC-USD", Timeframe.H1, Instant.parse("2023-06-01T00:00:00Z"), TO);
        List<Candle> shorter = new SyntheticCandleSource().candles("BTC-USD", Timeframe.H1,
                Instant.parse("2024-03-05T07:30:00Z"), TO);

        assertThat(shorter.get(0).time()).isEqualTo(Instant.parse("2024-03-05T08:00:00Z"));
        assertThat(longer.subList(longer.size() - shorter.size(), longer.size())).isEqualTo(shorter);
    }

    @Test
    void differentSymbolsHaveDifferentMarkets() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        List<Candle> btc = source.candles("BTC-USD", Timeframe.D1, FROM, TO);
        List<Candle> eth = source.candles("ETH-USD", Timeframe.D1, FROM, TO);
        List<Candle> aapl = source.candles("AAPL", Timeframe.D1, FROM, TO);
        List<Candle> goog = source.candles("GOOG", Timeframe.D1, FROM, TO);

        assertThat(btc).isNotEqualTo(eth);
        assertThat(aapl).isNotEqualTo(goog);
        assertThat(aapl.get(0).close()).isNotEqualTo(goog.get(0).close());
    }

    @Test
    void pricesStayPlausibleForTheSymbolOverTheWholeCentury() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        for (int year = 2000; year < 2100; year++) {
            Instant from = Instant.parse(year + "-01-01T00:00:00Z");
            Instant to = from.plusSeconds(3 * 86_400);
            assertThat(source.candles("BTC-USD", Timeframe.D1, from, to))
                    .allSatisfy(c -> assertThat(c.close()).isBetween(8_000.0, 120_000.0));
            assertThat(source.candles("ETH-USD", Timeframe.D1, from, to))
                    .allSatisfy(c -> assertThat(c.close()).isBetween(300.0, 12_000.0));
            assertThat(source.candles("AAPL", Timeframe.D1, from, to))
                    .allSatisfy(c -> assertThat(c.close()).isBetween(2.0, 2_000.0));
        }
    }

    @Test
    void dailyVolatilityMatchesTheSymbolsCharacter() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant to = Instant.parse("2022-01-01T00:00:00Z");
        assertThat(dailyVolatility(source.candles("BTC-USD", Timeframe.D1, from, to))).isBetween(0.025, 0.045);
        assertThat(dailyVolatility(source.candles("ETH-USD", Timeframe.D1, from, to))).isBetween(0.035, 0.055);
        assertThat(dailyVolatility(source.candles("AAPL", Timeframe.D1, from, to))).isBetween(0.008, 0.035);
    }

    private static double dailyVolatility(List<Candle> days) {
        double sumSquares = 0;
        for (int i = 1; i < days.size(); i++) {
            double r = Math.log(days.get(i).close() / days.get(i - 1).close());
            sumSquares += r * r;
        }
        return Math.sqrt(sumSquares / (days.size() - 1));
    }

    @Test
    void thereAreNoCandlesBefore2000() {
        SyntheticCandleSource source = new SyntheticCandleSource();
        assertThat(source.candles("BTC-USD", Timeframe.D1, Instant.parse("1999-01-01T00:00:00Z"),
                Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(source.candles("BTC-USD", Timeframe.D1, Instant.parse("1999-12-30T00:00:00Z"),
                Instant.parse("2000-01-03T00:00:00Z"))).extracting(Candle::time)
                .containsExactly(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2000-01-02T00:00:00Z"));
    }

    @Test
    void candlesAreAscendingAndCoverTheRange() {
        List<Candle> candles = new SyntheticCandleSource().candles("GOOG", Timeframe.M5,
                Instant.parse("2024-03-01T23:00:00Z"), Instant.parse("2024-03-02T01:00:00Z"));
        assertThat(candles).hasSize(24);
        assertThat(candles.get(0).time()).isEqualTo(Instant.parse("2024-03-01T23:00:00Z"));
        assertThat(candles.get(23).time()).isEqualTo(Instant.parse("2024-03-02T00:55:00Z"));
    }
}
