package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SamplerTest {
    private final float[] logits = {1f, 3f, 2f, Float.NEGATIVE_INFINITY, 2.9f};

    @Test
    void greedyTakesArgmax() {
        assertEquals(1, new Sampler(0, 1, 0, null).sample(logits));
    }

    @Test
    void topKOneAndTinyTopPAreGreedy() {
        for (long s = 0; s < 50; s++) {
            assertEquals(1, new Sampler(1.0, 1.0, 1, s).sample(logits));
            assertEquals(1, new Sampler(1.0, 0.01, 0, s).sample(logits));
        }
    }

    @Test
    void bannedTokenNeverSampledAndSeedReproducible() {
        int[] counts = new int[logits.length];
        Sampler a = new Sampler(5.0, 1.0, 0, 3L);
        Sampler b = new Sampler(5.0, 1.0, 0, 3L);
        for (int i = 0; i < 2000; i++) {
            int x = a.sample(logits);
            assertEquals(x, b.sample(logits));
            counts[x]++;
        }
        assertEquals(0, counts[3]);
        assertNotEquals(0, counts[0]);
    }

    @Test
    void topPKeepsOnlyTheNucleus() {
        // p(1) ~ 0.47, p(4) ~ 0.43: top-p 0.8 keeps ids 1 and 4 only
        for (long s = 0; s < 200; s++) {
            int x = new Sampler(1.0, 0.8, 0, s).sample(logits);
            assertEquals(true, x == 1 || x == 4, "got " + x);
        }
    }
}
