package io.tapecast.examples.leaderboard;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardTest {

    @Test
    void strategyKeysNameParamsInOrderAndCombineStrategies() {
        var request = JsonMapper.builder().build().readTree("""
                {"strategy_ids":["sma-crossover","rsi-reversion"],
                 "params":{"sma-crossover":{"slow":30.0,"fast":10.0},"rsi-reversion":{"oversold":25.5}}}""");
        assertThat(Leaderboard.strategyKey(request)).isEqualTo("sma-crossover fast=10 slow=30 + rsi-reversion oversold=25.5");
    }
}
