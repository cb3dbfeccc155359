package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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

    /** The distribution by the book: sort everything, temperature, top-k (ties kept), top-p, renormalise. */
    private static double[] reference(float[] logits, double t, int topK, double topP) {
        Integer[] order = IntStream.range(0, logits.length).boxed()
                .filter(i -> logits[i] != Float.NEGATIVE_INFINITY).toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -logits[i]).thenComparingInt(i -> i));
        int keep = order.length;
        if (topK > 0 && topK < keep) {
            float kth = logits[order[topK - 1]];
            keep = 0;
            while (keep < order.length && logits[order[keep]] >= kth) {
                keep++;
            }
        }
        double max = logits[order[0]];
        double[] w = new double[keep];
        double z = 0;
        for (int i = 0; i < keep; i++) {
            w[i] = Math.exp((logits[order[i]] - max) / t);
            z += w[i];
        }
        double[] p = new double[logits.length];
        double before = 0;
        double kept = 0;
        int cut = 0;
        while (cut < keep && (topP >= 1 || before < topP)) {
            before += w[cut] / z;
            kept += w[cut];
            cut++;
        }
        for (int i = 0; i < cut; i++) {
            p[order[i]] = w[i] / kept;
        }
        return p;
    }

    private static float[] randomLogits(int v, long seed, boolean ties) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] l = new float[v];
        for (int i = 0; i < v; i++) {
            double x = r.nextGaussian() * 2;
            l[i] = (float) (ties ? Math.round(x * 2) / 2.0 : x);
        }
        return l;
    }

    @Test
    void probabilitiesEqualTheSortedReferenceAtEveryVocabularySize() {
        double[][] configs = {{1.0, 0, 1.0}, {0.7, 0, 0.8}, {1.5, 50, 1.0}, {1.0, 5, 0.9}, {1.0, 0, 0.3},
            {0.5, 1, 1.0}, {2.0, 1000, 0.95}, {50.0, 0, 0.5}};
        long seed = 7;
        for (int v : new int[] {10, 1000, 128_256}) {
            for (boolean ties : new boolean[] {false, true}) {
                float[] logits = randomLogits(v, seed++, ties);
                logits[3] = Float.NEGATIVE_INFINITY;
                for (double[] c : configs) {
                    double[] want = reference(logits, c[0], (int) c[1], c[2]);
                    double[] got = new Sampler(c[0], c[2], (int) c[1], 1L).probabilities(logits);
                    String what = "v=" + v + " ties=" + ties + " config=" + Arrays.toString(c);
                    for (int i = 0; i < v; i++) {
                        assertEquals(want[i] > 0, got[i] > 0, what + " id " + i + " kept");
                        assertEquals(want[i], got[i], 1e-6 + 1e-4 * want[i], what + " id " + i);
                    }
                }
            }
        }
    }

    @Test
    void drawsFollowTheDistributionChiSquare() {
        float[] l = {0.5f, 2f, 1.2f, -1f, 1.9f, 0f, Float.NEGATIVE_INFINITY, 1f};
        double[][] configs = {{1.0, 0, 1.0}, {0.8, 4, 1.0}, {1.0, 0, 0.8}};
        for (double[] c : configs) {
            Sampler s = new Sampler(c[0], c[2], (int) c[1], 42L);
            double[] p = reference(l, c[0], (int) c[1], c[2]);
            int draws = 40_000;
            int[] counts = new int[l.length];
            for (int i = 0; i < draws; i++) {
                counts[s.sample(l)]++;
            }
            double chi = 0;
            int df = -1;
            for (int i = 0; i < l.length; i++) {
                if (p[i] == 0) {
                    assertEquals(0, counts[i], "id " + i + " is outside the kept set " + Arrays.toString(c));
                } else {
                    double e = p[i] * draws;
                    chi += (counts[i] - e) * (counts[i] - e) / e;
                    df++;
                }
            }
            // 99.9% quantile of chi-square: df 3 -> 16.3, df 6 -> 22.5
            assertTrue(chi < (df <= 3 ? 16.3 : 22.5), "chi-square " + chi + " with df " + df + " for "
                    + Arrays.toString(c) + " counts " + Arrays.toString(counts));
        }
    }

    @Test
    void everythingBannedButOneGivesThatOne() {
        float[] l = new float[128_256];
        Arrays.fill(l, Float.NEGATIVE_INFINITY);
        l[99_999] = -3f;
        for (long s = 0; s < 20; s++) {
            assertEquals(99_999, new Sampler(1.0, 0.8, 40, s).sample(l));
        }
    }

    @Test
    void nanLogitsOfEitherSignAreNeverChosen() {
        float[] l = randomLogits(1000, 11, false);
        float negativeNan = Float.intBitsToFloat(0xffc00000); // x86's default NaN, e.g. from 0f / 0f
        l[10] = Float.NaN;
        l[20] = negativeNan;
        l[30] = 50f; // the best token by far, so the NaNs would be near it if they were binned as numbers
        for (double[] c : new double[][] {{1.0, 0, 1.0}, {1.0, 0, 0.8}, {0.7, 5, 1.0}}) {
            double[] p = new Sampler(c[0], c[2], (int) c[1], 1L).probabilities(l);
            assertEquals(0, p[10]);
            assertEquals(0, p[20]);
        }
        Sampler s = new Sampler(200.0, 1.0, 0, 5L); // flat enough that every id comes up
        for (int i = 0; i < 20_000; i++) {
            int x = s.sample(l);
            assertTrue(x != 10 && x != 20, "drew the NaN id " + x);
        }
    }

    /**
     * Logits placed on the rounding edges of the bins (half a bin from a centre) and just beside them: a token's
     * weight must not depend on which side of an edge it rounds to. Once with the widest bins (40/2048 nats, kept
     * when the logits span more than 2,046 of them: one id 39.99 nats down), once with the narrower bins of logits
     * that span 5 nats (from 0 to -5 over 2,046 bins).
     */
    @Test
    void logitsOnBinEdgesMatchTheReference() {
        float[] l = new float[4001];
        double widest = 40.0 / 2048;
        for (int i = 0; i < 4000; i++) {
            l[i] = (float) (-(i / 4 + 0.5) * widest + (i % 4 - 1.5) * 1e-6);
        }
        l[4000] = -39.99f;
        assertEdgesMatchTheReference(l);
        float[] narrow = new float[4002];
        double width = 5.0 / 2046;
        for (int i = 0; i < 4000; i++) {
            narrow[i] = (float) (-(i / 4 + 0.5) * width + (i % 4 - 1.5) * 1e-7);
        }
        narrow[4000] = 0f;
        narrow[4001] = -5f;
        assertEdgesMatchTheReference(narrow);
    }

    private static void assertEdgesMatchTheReference(float[] l) {
        for (double[] c : new double[][] {{1.0, 0, 1.0}, {1.0, 0, 0.8}, {1.0, 1000, 0.9}}) {
            double[] want = reference(l, c[0], (int) c[1], c[2]);
            double[] got = new Sampler(c[0], c[2], (int) c[1], 1L).probabilities(l);
            for (int i = 0; i < l.length; i++) {
                assertEquals(want[i] > 0, got[i] > 0, Arrays.toString(c) + " id " + i + " kept");
                assertEquals(want[i], got[i], 1e-6 + 1e-4 * want[i], Arrays.toString(c) + " id " + i);
            }
        }
    }

    @Test
    void aTemperatureTooSmallForFloatsIsGreedy() {
        float[] l = randomLogits(1000, 12, false);
        int best = Sampler.argmax(l);
        for (long s = 0; s < 20; s++) {
            assertEquals(best, new Sampler(1e-45, 0.8, 0, s).sample(l));
        }
    }

    /** Far below the best (more than the 40-nat window) is out; within the window is in. */
    @Test
    void theWindowKeepsTokensWithin39NatsAndDropsThoseBeyond40() {
        float[] l = {0f, -39.5f, -40.5f, -100f};
        double[] p = new Sampler(1.0, 1.0, 0, 1L).probabilities(l);
        assertTrue(p[1] > 0);
        assertEquals(Math.exp(-39.5), p[1], Math.exp(-39.5) * 1e-4);
        assertEquals(0, p[2]);
        assertEquals(0, p[3]);
    }

    /**
     * The bins narrow to the span of the logits the widest bins keep: an id 39.985 nats down (in the widest bins' last
     * one) keeps them wide and is kept; one 40.01 down is beyond them, out, and lets the other three narrow.
     */
    @Test
    void theWindowsEdgeDecidesWhichLogitsSetTheBinWidth() {
        for (float far : new float[] {-39.985f, -40.01f}) {
            float[] l = {0f, -0.001f, -0.002f, far};
            double[] p = new Sampler(1.0, 1.0, 0, 1L).probabilities(l);
            double[] w = new double[l.length];
            double z = 0;
            for (int i = 0; i < l.length; i++) {
                w[i] = i < 3 || far > -40 ? Math.exp(l[i]) : 0;
                z += w[i];
            }
            for (int i = 0; i < l.length; i++) {
                assertEquals(w[i] > 0, p[i] > 0, far + " id " + i + " kept");
                assertEquals(w[i] / z, p[i], w[i] / z * 1e-4, far + " id " + i);
            }
        }
    }

    /**
     * Nearly flat logits (a random model's, or a high temperature's). Spread ones get bins narrow enough that the
     * boundary bin holds a few hundred, also with one id far below (beyond the window, so out). With one id within
     * reach (39 nats down), also with 640 more between 1 and 2 nats down, the bins narrow to the crowd that a sample of
     * the logits shows, and the ids past them (the tail) are weighed one by one. With over 10,000 such ids (ids 0-9 of
     * every 125), which that sample (every 125th id from id 62) misses, the tail is too large and the bins go back to
     * the widest, where tens of thousands of distinct logits share the boundary bin and the sampler splits it level by
     * level; top-p 0.9995 puts the boundary in the 640-id tail and top-k 128,254 keeps every id, so the bins go back to
     * the widest too (top-k 128,100 keeps part of a tail). Ties (stepped, half equal) crowd one bin whatever its width;
     * all equal (with or without one id far below) takes no bins at all, and so do ties with a tail (641 ids 1 to 2
     * nats below them, one 39 below). Kept sets and probabilities equal the reference.
     */
    @Test
    void flatLogitsAtTheFullVocabularyMatchTheReference() {
        int v = 128_256;
        SplittableRandom r = new SplittableRandom(21);
        float[] spread = new float[v];
        float[] stepped = new float[v];
        float[] halfEqual = new float[v];
        float[] equal = new float[v];
        float[] farBelow = new float[v];
        float[] withinReach = new float[v];
        float[] equalFarBelow = new float[v];
        float[] tail = new float[v];
        float[] unseenTail = new float[v];
        float[] equalTail = new float[v];
        for (int i = 0; i < v; i++) {
            double x = r.nextGaussian() * 0.01;
            spread[i] = (float) x;
            farBelow[i] = (float) x;
            withinReach[i] = (float) x;
            equalFarBelow[i] = -2f;
            tail[i] = i % 200 == 0 ? (float) (-1 - (i % 7) / 7.0) : (float) x;
            unseenTail[i] = i % 125 < 10 ? (float) (-1 - (i % 11) / 11.0) : (float) x;
            equalTail[i] = i % 200 == 0 ? (float) (-3 - (i % 7) / 7.0) : -2f;
            stepped[i] = (float) (Math.round(x * 2000) / 2000.0); // ~40 distinct values, thousands of each
            halfEqual[i] = i % 2 == 0 ? 0.25f : (float) x;
            equal[i] = 0.5f;
        }
        farBelow[7] = -1000f;
        withinReach[7] = -39f;
        equalFarBelow[7] = -1000f;
        tail[11] = -39f; // the span: the widest bins, which the crowd fills a handful of
        unseenTail[11] = -39f;
        equalTail[11] = -41f;
        double[][] configs = {{1.0, 0, 0.8}, {1.0, 40_000, 1.0}, {1.0, 300, 0.9}, {1.0, 70_000, 0.5}, {1.0, 0, 0.3},
            {1.0, 0, 0.9995}, {1.0, 128_254, 1.0}, {1.0, 128_100, 0.5}};
        float[][] cases = {spread, stepped, halfEqual, equal, farBelow, withinReach, equalFarBelow, tail, unseenTail,
            equalTail};
        String[] names = {"spread", "stepped", "half equal", "all equal", "one far below", "one within reach",
            "all equal, one far below", "a tail of 640", "a tail the sample misses", "all equal but a tail of 641"};
        for (int c = 0; c < cases.length; c++) {
            float[] l = cases[c];
            l[3] = Float.NEGATIVE_INFINITY;
            l[5] = Float.NEGATIVE_INFINITY; // 128,254 allowed: no top-p mass lands exactly on a token's edge
            for (double[] cfg : configs) {
                double[] want = reference(l, cfg[0], (int) cfg[1], cfg[2]);
                double[] got = new Sampler(cfg[0], cfg[2], (int) cfg[1], 1L).probabilities(l);
                int keptWant = 0;
                for (int i = 0; i < v; i++) {
                    String what = names[c] + " " + Arrays.toString(cfg) + " id " + i;
                    assertEquals(want[i] > 0, got[i] > 0, what + " kept");
                    assertEquals(want[i], got[i], 1e-9 + 1e-4 * want[i], what);
                    keptWant += want[i] > 0 ? 1 : 0;
                }
                assertTrue(keptWant > 256, names[c] + " " + Arrays.toString(cfg) + " keeps " + keptWant);
            }
        }
    }

    /** Draws from a nearly flat (or all equal) 128k vocabulary land only in the kept set, spread over all of it. */
    @Test
    void drawsFromFlatLogitsStayInTheKeptSetAndCoverIt() {
        int v = 128_256;
        SplittableRandom r = new SplittableRandom(5);
        float[] l = new float[v];
        for (int i = 0; i < v; i++) {
            l[i] = (float) (r.nextGaussian() * 0.001);
        }
        double[] p = reference(l, 1.0, 0, 0.5);
        Sampler s = new Sampler(1.0, 0.5, 0, 11L);
        int draws = 4_000;
        int[] byDecile = new int[10];
        double keptMass = 0;
        for (int i = 0; i < v; i++) {
            keptMass += p[i];
        }
        assertEquals(1.0, keptMass, 1e-9);
        for (int k = 0; k < draws; k++) {
            int id = s.sample(l);
            assertTrue(p[id] > 0, "drew " + id + ", outside the kept set");
            byDecile[id * 10 / v]++;
        }
        // about half the ids are kept, spread evenly over the vocabulary: each tenth of it gets ~10% of the draws
        for (int d = 0; d < 10; d++) {
            assertTrue(byDecile[d] > draws / 10 * 0.75 && byDecile[d] < draws / 10 * 1.25,
                    "draws by tenth of the vocabulary " + Arrays.toString(byDecile));
        }
        // all equal: top-p 0.5 keeps the first half of the ids, and the draws cover that half evenly
        Arrays.fill(l, 1.5f);
        Sampler equal = new Sampler(1.0, 0.5, 0, 12L);
        int[] byTenth = new int[10];
        for (int k = 0; k < draws; k++) {
            int id = equal.sample(l);
            assertTrue(id < v / 2, "drew " + id + ", outside the first half");
            byTenth[id * 10 / v]++;
        }
        for (int d = 0; d < 5; d++) {
            assertTrue(byTenth[d] > draws / 5 * 0.8 && byTenth[d] < draws / 5 * 1.2,
                    "draws by tenth of the vocabulary " + Arrays.toString(byTenth));
        }
    }

    /**
     * Two values a subnormal apart (0 and 1e-40) share the boundary bin: 255 / (largest - smallest) overflows a
     * float (a first version of the split did that, got infinite and NaN positions, and failed on an array index).
     * The timeout stands for a split that would never narrow.
     */
    @Test
    void membersASubnormalApartAreSplitAndFinish() {
        int v = 128_256;
        float[] l = new float[v];
        for (int i = 0; i < v; i++) {
            l[i] = i % 3 == 0 ? 1e-40f : 0f;
        }
        double[][] configs = {{1.0, 0, 0.5}, {1.0, 1_000, 1.0}};
        for (double[] cfg : configs) {
            double[] want = reference(l, cfg[0], (int) cfg[1], cfg[2]);
            double[] got = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> new Sampler(cfg[0], cfg[2], (int) cfg[1], 1L).probabilities(l));
            for (int i = 0; i < v; i++) {
                assertEquals(want[i] > 0, got[i] > 0, Arrays.toString(cfg) + " id " + i + " kept");
                assertEquals(want[i], got[i], 1e-9 + 1e-4 * want[i], Arrays.toString(cfg) + " id " + i);
            }
        }
    }

    /**
     * Two ids in one bin (0.0097 nats apart; a third 100 nats down keeps the bins 40/2048 nats wide): the draw
     * inside a crowded bin keeps each id in proportion to its weight, not uniformly. With 1.6M draws one sd of the
     * share of id 0 is 0.0004; the share must be within 4 sd of 0.50242, and a uniform pick (0.5) is 6 sd off.
     */
    @Test
    void drawsInsideACrowdedBinFollowTheWeights() {
        float[] l = {0f, -0.0097f, -100f};
        double want = 1 / (1 + Math.exp(-0.0097));
        Sampler s = new Sampler(1.0, 1.0, 0, 99L);
        int draws = 1_600_000;
        int zeros = 0;
        for (int k = 0; k < draws; k++) {
            zeros += s.sample(l) == 0 ? 1 : 0;
        }
        double sd = Math.sqrt(want * (1 - want) / draws);
        assertEquals(want, (double) zeros / draws, 4 * sd, "share of id 0");
    }
}
