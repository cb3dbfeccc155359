package org.userlm.workbench.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** bench-ui runs headless and accounts for every token (frame times are reported, not asserted: CI is noisy). */
class StreamBenchTest {

    @Test
    void streamsEveryTokenIntoTheView() throws Exception {
        FxToolkit.registerPrimaryStage();
        StreamBench.Result r = StreamBench.run(1000, 1.5, 300);
        assertEquals(1500, r.tokens());
        assertTrue(r.turns() >= 5, r.toString());
        assertTrue(r.achievedRate() > 100, r.toString());
        assertTrue(r.frames() > 0, r.toString());
    }
}
