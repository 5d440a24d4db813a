package io.tapecast.engine.analysis;

import io.tapecast.schemas.market.Bias;
import io.tapecast.schemas.market.ConfluenceComponent;
import io.tapecast.schemas.market.Trend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A confluence result: both directional scores, the larger as {@code score} with its {@code bias}, the components
 * of each direction and the trends taken into account (label → trend, finest first). See {@link Confluence}.
 */
public record ConfluenceScore(double score, Bias bias, double bullishScore, double bearishScore,
                              List<ConfluenceComponent> bullishComponents, List<ConfluenceComponent> bearishComponents,
                              Map<String, Trend> trends) {

    public ConfluenceScore {
        bullishComponents = List.copyOf(bullishComponents);
        bearishComponents = List.copyOf(bearishComponents);
        trends = Collections.unmodifiableMap(new LinkedHashMap<>(trends));
    }

    /** The score of a direction: {@link #bullishScore()} for bullish, {@link #bearishScore()} for bearish. */
    public double scoreFor(Bias direction) {
        return switch (direction) {
            case BULLISH -> bullishScore;
            case BEARISH -> bearishScore;
            case NEUTRAL -> throw new IllegalArgumentException("a direction is bullish or bearish");
        };
    }

    /** The components of the bias direction (the bullish ones when neutral), as the wire message carries them. */
    public List<ConfluenceComponent> components() {
        return bias == Bias.BEARISH ? bearishComponents : bullishComponents;
    }
}
