package io.tapecast.gateway.strategies;

import io.tapecast.engine.strategy.ParameterSpec;
import io.tapecast.engine.strategy.StrategyCatalog;
import io.tapecast.engine.strategy.StrategyDescriptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** {@code GET /api/strategies}: what a start request may name in {@code strategy_ids}, with parameters and defaults. */
@RestController
final class StrategiesController {

    private final StrategyCatalog catalog;

    StrategiesController(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/strategies")
    List<StrategyView> strategies() {
        return catalog.descriptors().stream().map(StrategyView::of).toList();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StrategyView(String id, String description, List<ParameterView> parameters) {
        static StrategyView of(StrategyDescriptor d) {
            return new StrategyView(d.id(), d.description(), d.parameters().stream().map(ParameterView::of).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ParameterView(String name, String description, String type, double defaultValue, double min, double max) {
        static ParameterView of(ParameterSpec p) {
            return new ParameterView(p.name(), p.description(), p.integer() ? "integer" : "number", p.defaultValue(), p.min(), p.max());
        }
    }
}
