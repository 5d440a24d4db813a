package io.tapecast.schemas.market;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tapecast.schemas.EventTypes;
import io.tapecast.schemas.Payload;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Objects;

/**
 * A market-structure event, sent at the close of the candle that makes it known ({@code time} = that candle's open
 * time). Fair value gaps travel as structure events too (kinds {@code fvg} and {@code fvg_mitigated}), so a client
 * filtering on {@code structure} sees the whole picture.
 * <ul>
 *   <li>{@code swing_high} / {@code swing_low}: a swing confirmed {@code lookback} candles after the swing candle;
 *       {@code reference_time} is the swing candle's open time, {@code price} its high / low; direction
 *       {@code bearish} for a high (a turn down), {@code bullish} for a low.</li>
 *   <li>{@code bos} / {@code choch}: the close broke the last confirmed swing; {@code price} is the broken level,
 *       {@code reference_time} the broken swing's time, {@code direction} the direction of the break.</li>
 *   <li>{@code fvg}: a three-candle imbalance between {@code gap_low} and {@code gap_high}; {@code reference_time}
 *       is the middle candle's open time (the gap's id), {@code time} the third candle's.</li>
 *   <li>{@code fvg_mitigated}: price traded back into that gap; same {@code reference_time}, {@code gap_low},
 *       {@code gap_high} and {@code direction} as the {@code fvg} event.</li>
 * </ul>
 * {@code trend} is the timeframe's trend after the event. {@code price} is absent on gap events, {@code gap_low} and
 * {@code gap_high} on the others.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StructureEvent(
        String symbol,
        String timeframe,
        Instant time,
        StructureKind kind,
        Bias direction,
        Double price,
        Instant referenceTime,
        Double gapLow,
        Double gapHigh,
        Trend trend) implements Payload {

    public StructureEvent {
        MarketFields.requireSymbolAndTimeframe(symbol, timeframe, time);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(trend, "trend");
        if (direction == Bias.NEUTRAL) {
            throw new IllegalArgumentException("a structure event is bullish or bearish");
        }
        if (referenceTime.isAfter(time)) {
            throw new IllegalArgumentException("reference_time must not be after time");
        }
        boolean gap = kind == StructureKind.FVG || kind == StructureKind.FVG_MITIGATED;
        if (gap) {
            if (price != null || gapLow == null || gapHigh == null) {
                throw new IllegalArgumentException(kind.wireName() + " carries gap_low and gap_high, no price");
            }
            MarketFields.requirePrice("gap_low", gapLow);
            MarketFields.requirePrice("gap_high", gapHigh);
            if (!(gapLow < gapHigh)) {
                throw new IllegalArgumentException("gap_low must be below gap_high");
            }
        } else {
            if (price == null || gapLow != null || gapHigh != null) {
                throw new IllegalArgumentException(kind.wireName() + " carries a price, no gap bounds");
            }
            MarketFields.requirePrice("price", price);
        }
        if (kind == StructureKind.SWING_HIGH && direction != Bias.BEARISH
                || kind == StructureKind.SWING_LOW && direction != Bias.BULLISH) {
            throw new IllegalArgumentException("a swing high is bearish, a swing low bullish");
        }
    }

    @Override
    public String eventType() {
        return EventTypes.STRUCTURE;
    }
}
