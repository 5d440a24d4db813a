package io.tapecast.engine.analysis;

import io.tapecast.engine.market.Candle;
import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.StructureKind;
import io.tapecast.schemas.market.Trend;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Fair value gaps (three-candle imbalances) and their mitigation, one closed candle at a time. With candles
 * a, b, c (c just closed):
 * <ul>
 *   <li><b>bullish gap</b>: low(c) &gt; high(a), strictly; the gap is [high(a), low(c)];</li>
 *   <li><b>bearish gap</b>: high(c) &lt; low(a), strictly; the gap is [high(c), low(a)];</li>
 * </ul>
 * whatever the colour of the middle candle b. A gap is reported at the close of c and identified by b's open time.
 * It is <b>mitigated</b> by the first later candle (from the one after c) that trades back into it: for a bullish
 * gap low ≤ gap high (touching the top edge counts), for a bearish gap high ≥ gap low. Mitigation is reported once,
 * then the gap is forgotten. At most {@code maxOpen} gaps are tracked; the oldest is dropped to make room.
 * Mitigations of older gaps are reported before a new gap of the same candle.
 */
public final class FairValueGaps {

    private final int maxOpen;
    private final CandleWindow window = new CandleWindow(3);
    private final List<FairValueGap> open = new ArrayList<>();

    public FairValueGaps(int maxOpen) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1, got " + maxOpen);
        }
        this.maxOpen = maxOpen;
    }

    /** Feeds the next closed candle; {@code trend} is stamped on the events (the timeframe's trend now). */
    public List<StructureSignal> onCandle(Candle candle, Trend trend) {
        window.add(candle);
        List<StructureSignal> out = new ArrayList<>(1);
        for (Iterator<FairValueGap> it = open.iterator(); it.hasNext(); ) {
            FairValueGap gap = it.next();
            boolean mitigated = gap.direction() == Bias.BULLISH ? candle.low() <= gap.high() : candle.high() >= gap.low();
            if (mitigated) {
                it.remove();
                out.add(StructureSignal.gap(candle.time(), StructureKind.FVG_MITIGATED, gap, trend));
            }
        }
        if (window.count() >= 3) {
            Candle a = window.back(2);
            Candle b = window.back(1);
            FairValueGap gap = null;
            if (candle.low() > a.high()) {
                gap = new FairValueGap(b.time(), Bias.BULLISH, a.high(), candle.low());
            } else if (candle.high() < a.low()) {
                gap = new FairValueGap(b.time(), Bias.BEARISH, candle.high(), a.low());
            }
            if (gap != null) {
                if (open.size() == maxOpen) {
                    open.remove(0);
                }
                open.add(gap);
                out.add(StructureSignal.gap(candle.time(), StructureKind.FVG, gap, trend));
            }
        }
        return out;
    }

    /** The gaps not mitigated yet, oldest first. */
    public List<FairValueGap> openGaps() {
        return List.copyOf(open);
    }
}
