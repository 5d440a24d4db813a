/**
 * Trading strategies: the {@link io.tapecast.engine.strategy.Strategy} contract, the built-in ones, and the
 * {@link io.tapecast.engine.strategy.StrategyCatalog} that describes, validates and creates them by id.
 */
package io.tapecast.engine.strategy;
