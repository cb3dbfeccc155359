package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuThreadsTest {

    private static int auto(int cores, double load) {
        return CpuThreads.choose(0, 0, null, null, cores, load).threads();
    }

    @Test
    void automaticTakesTheCoresTheLoadLeavesFreeKeepingOneForTheUi() {
        assertEquals(7, auto(8, 0.2)); // idle: all but one core
        assertEquals(5, auto(8, 2.3)); // floor(8 - 2.3)
        assertEquals(1, auto(8, 7.6)); // busy: one thread, never zero
        assertEquals(1, auto(8, 40));
        assertEquals(1, auto(2, 0.0)); // the 2-core case: one core for the UI and the OS
        assertEquals(1, auto(1, 0.0));
        assertEquals(3, auto(4, -1)); // no load average (Windows): cores - 1
        assertTrue(CpuThreads.choose(0, 0, null, null, 8, 2.3).reason().contains("2.30"));
    }

    @Test
    void overridesWinInOrderAndBadValuesAreIgnored() {
        assertEquals(6, CpuThreads.choose(6, 3, "2", "5", 8, 7.9).threads());
        assertEquals(3, CpuThreads.choose(0, 3, "2", "5", 8, 7.9).threads());
        assertEquals(2, CpuThreads.choose(0, 0, "2", "5", 8, 7.9).threads());
        assertEquals(5, CpuThreads.choose(0, 0, null, "5", 8, 7.9).threads());
        assertEquals(5, CpuThreads.choose(0, 0, "many", " 5 ", 8, 7.9).threads());
        assertEquals(1, CpuThreads.choose(0, 0, "0", "-3", 8, 7.9).threads());
        assertTrue(CpuThreads.choose(0, 0, null, "5", 8, 7.9).reason().contains("OMP_NUM_THREADS"));
    }

    @Test
    void loadOptionsRefuseANegativeThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> new LoadOptions("cpu", 0, true, -1));
        assertEquals(4, LoadOptions.defaults().withThreads(4).threads());
        assertEquals(0, new LoadOptions("cpu", 64, true).threads());
    }
}
