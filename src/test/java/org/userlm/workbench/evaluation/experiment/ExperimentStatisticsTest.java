package org.userlm.workbench.evaluation.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.evaluation.metrics.Interval;

class ExperimentStatisticsTest {
    @Test
    void exactSignTestMatchesHandComputedBinomialTails() {
        assertEquals(2.0 / 32, PairedTest.signTest(0, 5), 1e-12);
        assertEquals(2.0 * (1 + 10) / 1024, PairedTest.signTest(1, 9), 1e-12);
        assertEquals(1.0, PairedTest.signTest(3, 3), 1e-12);
        assertEquals(1.0, PairedTest.signTest(0, 0), 1e-12);
    }

    @Test
    void bootstrapIntervalContainsTheMeanDifferenceAndIsSeeded() {
        List<PairedTest.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pairs.add(new PairedTest.Pair(i % 4 != 0, i % 2 == 0));
        }
        Interval d = PairedTest.difference(pairs, 3);
        assertEquals((30 - 20) / 40.0, d.estimate(), 1e-12);
        assertTrue(d.lower() < d.estimate() && d.estimate() < d.upper(), d.toString());
        assertEquals(d, PairedTest.difference(pairs, 3));
    }

    @Test
    void distinctNAndMtldFollowTheirDefinitions() {
        List<String> texts = List.of("a b a b", "a c");
        assertEquals(3.0 / 6, LexicalDiversity.distinct(texts, 1), 1e-12);
        assertEquals(3.0 / 4, LexicalDiversity.distinct(texts, 2), 1e-12); // "a b", "b a", "a b", "a c"
        // All-different words never drop the TTR below 0.72: one partial factor of TTR 1 -> words / 0 factors...
        // MTLD then equals the word count by convention.
        assertEquals(5.0, LexicalDiversity.mtld(List.of("one two three four five")), 1e-12);
        // "x x x x": TTR 1, 0.5 (factor), 1, 0.5 (factor): 2 factors over 4 words, both directions.
        assertEquals(2.0, LexicalDiversity.mtld(List.of("x x x x")), 1e-12);
    }

    @Test
    void entropyInBits() {
        assertEquals(1.0, Stats.entropy(List.of("a", "b", "a", "b")), 1e-12);
        assertEquals(0.0, Stats.entropy(List.of("a", "a")), 1e-12);
    }
}
