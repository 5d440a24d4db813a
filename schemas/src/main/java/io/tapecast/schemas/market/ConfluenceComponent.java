package io.tapecast.schemas.market;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Objects;

/**
 * One part of a confluence score: {@code points} = {@code weight} × {@code value} (rounded to 0.01), where
 * {@code value} in [0, 1] says how fully the factor supports the score's direction; {@code detail} explains it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConfluenceComponent(
        ConfluenceFactor factor,
        double weight,
        double value,
        double points,
        String detail) {

    public ConfluenceComponent {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(detail, "detail");
        if (!(weight >= 0 && weight <= 100) || !(value >= 0 && value <= 1) || !(points >= 0 && points <= weight)) {
            throw new IllegalArgumentException("need 0 ≤ weight ≤ 100, 0 ≤ value ≤ 1, 0 ≤ points ≤ weight");
        }
    }
}
