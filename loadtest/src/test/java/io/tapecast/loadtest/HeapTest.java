package io.tapecast.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapTest {

    @Test
    void readsTheWholeHeapsUsedFigureOfG1() {
        String out = """
                12345:
                 garbage-first heap   total 262144K, used 81234K [0x0000000700000000, 0x0000000800000000)
                  region size 2048K, 3 young (6144K), 0 survivors (0K)
                 Metaspace       used 71234K, committed 72000K, reserved 1114112K
                """;
        assertThat(Heap.parseUsedBytes(out)).hasValue(81234L * 1024);
    }

    @Test
    void readsOtherUnitsAndCollectors() {
        assertThat(Heap.parseUsedBytes(" def new generation   total 9792K, used 2M")).hasValue(2L * 1024 * 1024);
        assertThat(Heap.parseUsedBytes("nothing here")).isEmpty();
    }
}
