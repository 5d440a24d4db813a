package io.tapecast.worker.paper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Paper trading is off by default and binds its accounts from properties when on. */
class PaperSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
            .withUserConfiguration(PaperTradingConfiguration.class)
            // no broker here: the started trader must give up quickly when the context closes
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "spring.kafka.producer.properties.max.block.ms=200");

    @Test
    void offByDefault() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PaperTrading.class));
    }

    @Test
    void bindsAccountsWithTheirStrategiesParametersAndCosts() {
        runner.withPropertyValues(
                        "tapecast.paper.enabled=true",
                        "tapecast.paper.accounts[0].id=demo",
                        "tapecast.paper.accounts[0].symbols=BTC-USD,ETH-USD",
                        "tapecast.paper.accounts[0].timeframe=1m",
                        "tapecast.paper.accounts[0].higher-timeframes=5m",
                        "tapecast.paper.accounts[0].strategies=sma-crossover",
                        "tapecast.paper.accounts[0].params.sma-crossover.fast=5",
                        "tapecast.paper.accounts[0].params.sma-crossover.slow=20",
                        "tapecast.paper.accounts[0].initial-capital=20000",
                        "tapecast.paper.accounts[0].fee-bps=10")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(PaperTrading.class);
                    PaperSettings settings = context.getBean(PaperSettings.class);
                    PaperSettings.Account account = settings.accounts().get(0);
                    assertThat(account.symbols()).containsExactly("BTC-USD", "ETH-USD");
                    assertThat(account.params()).containsKey("sma-crossover");
                    assertThat(account.params().get("sma-crossover")).containsEntry("fast", 5.0).containsEntry("slow", 20.0);
                    assertThat(account.options().initialCapital()).isEqualTo(20_000);
                    assertThat(account.options().feeBps()).isEqualTo(10);
                    assertThat(account.capitalPerBook()).isEqualTo(10_000);
                    assertThat(account.startFromEarliest()).isFalse();
                    assertThat(settings.groupPrefix()).isEqualTo("tapecast-paper-");
                    assertThat(context.getBean(PaperTrading.class).traders()).singleElement()
                            .satisfies(t -> assertThat(t.accountId()).isEqualTo("demo"));
                });
    }

    @Test
    void refusesAnUnknownStrategyAtStartup() {
        runner.withPropertyValues(
                        "tapecast.paper.enabled=true",
                        "tapecast.paper.accounts[0].id=demo",
                        "tapecast.paper.accounts[0].symbols=BTC-USD",
                        "tapecast.paper.accounts[0].strategies=nope")
                .run(context -> assertThat(context).hasFailed());
    }
}
