package io.tapecast.engine.market;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolsTest {

    @Test
    void acceptsTickersAndPairs() {
        assertThat(Symbols.isValid("BTC-USD")).isTrue();
        assertThat(Symbols.isValid("ETH/USD")).isTrue();
        assertThat(Symbols.isValid("AAPL")).isTrue();
        assertThat(Symbols.isValid("GOOG")).isTrue();
    }

    @Test
    void rejectsAnythingThatCouldEscapeADirectory() {
        assertThat(Symbols.isValid("btc-usd")).isFalse();
        assertThat(Symbols.isValid("../ETC")).isFalse();
        assertThat(Symbols.isValid("A-B-C")).isFalse();
        assertThat(Symbols.isValid("")).isFalse();
        assertThat(Symbols.isValid(null)).isFalse();
        assertThat(Symbols.isValid("ABCDEFGHIJKLM")).isFalse();
    }

    @Test
    void fileNamesReplaceTheSlash() {
        assertThat(Symbols.fileName("ETH/USD")).isEqualTo("ETH-USD");
        assertThat(Symbols.fileName("AAPL")).isEqualTo("AAPL");
        assertThatThrownBy(() -> Symbols.fileName("../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
