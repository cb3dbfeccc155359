package org.userlm.workbench.evaluation.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.userlm.workbench.evaluation.metrics.Interval;

/**
 * The paired difference of two simulators' success on the same (task, run) pairs: the mean difference with a 95%
 * percentile bootstrap interval (resampling pairs, seeded), and the exact McNemar test (a two-sided sign test on the
 * discordant pairs, binomial with p = 1/2).
 */
public final class PairedTest {
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 2000;

    private PairedTest() {
    }

    /**
     * One pair's outcomes.
     *
     * @param a simulator A succeeded
     * @param b simulator B succeeded
     */
    public record Pair(boolean a, boolean b) {
    }

    /** Mean of a − b with its bootstrap interval; NaN estimate without pairs. */
    public static Interval difference(List<Pair> pairs, long seed) {
        int n = pairs.size();
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        int[] d = new int[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = (pairs.get(i).a() ? 1 : 0) - (pairs.get(i).b() ? 1 : 0);
            sum += d[i];
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            long s = 0;
            for (int i = 0; i < n; i++) {
                s += d[rnd.nextInt(n)];
            }
            means[r] = (double) s / n;
        }
        Arrays.sort(means);
        return new Interval((double) sum / n, means[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    /** Exact two-sided McNemar p-value: 2 · P(X ≤ min(b, c)) for X ~ Binomial(b + c, 1/2), at most 1. */
    public static double mcNemarExact(List<Pair> pairs) {
        int b = 0;
        int c = 0;
        for (Pair p : pairs) {
            if (p.a() && !p.b()) {
                b++;
            } else if (!p.a() && p.b()) {
                c++;
            }
        }
        return signTest(b, c);
    }

    /** Two-sided exact sign test of b successes against c. */
    public static double signTest(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        // log-space binomial terms: stable for large n
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1.0, 2 * tail);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
