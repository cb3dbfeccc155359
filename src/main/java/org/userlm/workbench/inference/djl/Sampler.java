package org.userlm.workbench.inference.djl;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from float32 logits: greedy when temperature is 0 (or absent), otherwise temperature,
 * top-k, then top-p (nucleus) sampling with a seeded {@link Random}. Tokens at -infinity (banned by a logits
 * processor) are never chosen while any other token is allowed.
 */
public final class Sampler {
    private final double temperature;
    private final double topP;
    private final int topK;
    private final Random random;

    /**
     * @param temperature 0 = greedy
     * @param topP        nucleus mass in (0, 1]; values outside mean 1
     * @param topK        0 = off
     * @param seed        null = random seed
     */
    public Sampler(double temperature, double topP, int topK, Long seed) {
        this.temperature = Math.max(0, temperature);
        this.topP = topP > 0 && topP < 1 ? topP : 1.0;
        this.topK = Math.max(0, topK);
        this.random = seed == null ? new Random() : new Random(seed);
    }

    /** True when decoding is greedy. */
    public boolean greedy() {
        return temperature == 0;
    }

    /** Chooses an id. */
    public int sample(float[] logits) {
        if (greedy()) {
            return argmax(logits);
        }
        int n = logits.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        int keep = topK > 0 ? Math.min(topK, n) : n;
        double max = logits[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            double l = logits[order[i]];
            p[i] = l == Double.NEGATIVE_INFINITY ? 0 : Math.exp((l - max) / temperature);
            sum += p[i];
        }
        if (!(sum > 0)) {
            return order[0];
        }
        double cum = 0;
        int cut = keep;
        for (int i = 0; i < keep; i++) {
            p[i] /= sum;
            cum += p[i];
            if (cum >= topP) {
                cut = i + 1;
                break;
            }
        }
        double mass = 0;
        for (int i = 0; i < cut; i++) {
            mass += p[i];
        }
        double r = random.nextDouble() * mass;
        for (int i = 0; i < cut; i++) {
            r -= p[i];
            if (r <= 0 && p[i] > 0) {
                return order[i];
            }
        }
        for (int i = cut - 1; i >= 0; i--) {
            if (p[i] > 0) {
                return order[i];
            }
        }
        return order[0];
    }

    /** Index of the largest logit (the first one on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
