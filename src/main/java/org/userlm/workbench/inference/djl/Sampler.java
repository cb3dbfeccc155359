package org.userlm.workbench.inference.djl;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from float32 logits: greedy when temperature is 0 (or absent), otherwise temperature, then
 * top-k, then top-p (nucleus) sampling with a seeded {@link Random}, with the semantics of transformers' warpers:
 * top-k keeps every token at least as large as the k-th largest (ties kept), top-p keeps the largest tokens while
 * the mass before them is below p (so the token that crosses p is kept). Tokens at -infinity (banned in place by a
 * logits processor) and NaN are never chosen while any other token is allowed.
 *
 * <p>Cost per token is a few linear passes over the logits, with no sort and no copy of the vocabulary: tokens are
 * bucketed by logit into {@value #BINS} bins of 40/{@value #BINS} nats each, a token going to the bin whose centre
 * is nearest; its weight e^x is the bin centre's tabulated e^c times a quadratic in the remainder x - c (|x - c| at
 * most half a bin: truncation error below 2e-7, the order of float rounding, and far cheaper than {@code Math.exp});
 * the bins above the top-k or top-p boundary are taken whole, and only the members of the one boundary bin are
 * sorted. A draw picks a bin by its mass, then a token inside it. Tokens more than about {@value #CUTOFF_NATS} nats
 * (after temperature) below the best are left out; each has a probability below e^-39.9 relative to the best one.
 * Scratch arrays are reused between calls, so a sampler belongs to one thread (the model's worker).
 *
 * <p>The binning pass is the hot loop (docs/performance.md has the measurements): the bin index is rounded with the
 * float "magic number" trick (add 1.5 * 2^23, read the low bits) rather than a float-to-int conversion, which also
 * sends NaN and -infinity to the extra last bin without a branch. Masses are summed in double: float sums ran no
 * faster and, with thousands of equal weights in a bin, moved the top-p boundary by a token.
 */
public final class Sampler {
    static final double CUTOFF_NATS = 40;
    static final int BINS = 2048;
    /** Bin width in nats (after temperature). */
    private static final double WIDTH = CUTOFF_NATS / BINS;
    /** e^(-b * WIDTH): the weight of a bin's centre. */
    private static final float[] EDGE = new float[BINS];
    /** Marks a token that is out (below the cutoff, banned, NaN, or cut by top-k/top-p); also its dump bin. */
    private static final short OUT = (short) BINS;
    /** 1.5 * 2^23: adding it to a float in [0, 2^22) leaves the nearest integer in the low mantissa bits. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
    /** e^(t * WIDTH) ~ 1 + t * (Q1 + t * Q2) for |t| <= 1/2 (t in bins). */
    private static final float Q1 = (float) WIDTH;
    private static final float Q2 = (float) (WIDTH * WIDTH / 2);

    static {
        for (int b = 0; b < BINS; b++) {
            EDGE[b] = (float) Math.exp(-b * WIDTH);
        }
    }

    private final double temperature;
    private final double topP;
    private final int topK;
    private final Random random;
    private short[] bin = new short[0];
    private long[] keys = new long[0];
    private final int[] count = new int[BINS + 1];
    /** Mass of each bin; the extra last one collects the tokens left out and is never read. */
    private final double[] mass = new double[BINS + 1];
    private int lastBin;
    private float max;
    /** Bins per logit unit: (max - logit) * scale is a token's distance below the best, in bins. */
    private float scale;
    private double nucleus;

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

    /** Chooses an id; does not modify {@code logits}. */
    public int sample(float[] logits) {
        if (greedy()) {
            return argmax(logits);
        }
        int forced = prepare(logits);
        if (forced >= 0) {
            return forced;
        }
        double r = random.nextDouble() * nucleus;
        int b = 0;
        while (b < lastBin && r >= mass[b]) {
            r -= mass[b++];
        }
        int last = -1;
        for (int i = 0; i < logits.length; i++) {
            if (bin[i] == b) {
                last = i;
                r -= weightOf(logits[i], bin[i]);
                if (r < 0) {
                    return i;
                }
            }
        }
        return last >= 0 ? last : argmax(logits); // rounding left r a hair above zero
    }

    /** The probability of every id as {@link #sample} draws it (tests). */
    double[] probabilities(float[] logits) {
        double[] p = new double[logits.length];
        if (greedy()) {
            p[argmax(logits)] = 1;
            return p;
        }
        int forced = prepare(logits);
        if (forced >= 0) {
            p[forced] = 1;
            return p;
        }
        for (int i = 0; i < logits.length; i++) {
            if (bin[i] <= lastBin) {
                p[i] = weightOf(logits[i], bin[i]) / nucleus;
            }
        }
        return p;
    }

    /**
     * Fills the weights, the bins and their masses, applies top-k and top-p; returns an id when the choice is
     * forced (everything banned, or an infinite logit), else -1.
     */
    private int prepare(float[] logits) {
        float top = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            if (v > top) {
                top = v;
            }
        }
        max = top;
        if (max == Float.NEGATIVE_INFINITY || max == Float.POSITIVE_INFINITY) {
            return argmax(logits);
        }
        int v = logits.length;
        if (bin.length < v) {
            bin = new short[v];
            keys = new long[v];
        }
        Arrays.fill(mass, 0);
        scale = (float) (1 / (temperature * WIDTH));
        if (scale == Float.POSITIVE_INFINITY) {
            return argmax(logits); // a temperature so small that only the best token has any weight
        }
        binAll(logits, max, scale, bin, mass);
        for (int b = 0; b < BINS; b++) {
            mass[b] *= EDGE[b];
        }
        lastBin = BINS - 1;
        if (topK > 0) {
            Arrays.fill(count, 0);
            for (int i = 0; i < v; i++) {
                count[bin[i]]++; // OUT counts in the extra last slot
            }
            int above = 0;
            int b = 0;
            while (b < BINS && above + count[b] < topK) {
                above += count[b++];
            }
            if (b < BINS) {
                int m = sortedMembers(logits, b);
                float kth = logits[(int) keys[topK - above - 1]];
                double kept = 0;
                for (int k = 0; k < m; k++) {
                    int i = (int) keys[k];
                    if (logits[i] >= kth) {
                        kept += weightOf(logits[i], bin[i]);
                    } else {
                        bin[i] = OUT;
                    }
                }
                mass[b] = kept;
                lastBin = b;
            }
        }
        double z = 0;
        for (int b = 0; b <= lastBin; b++) {
            z += mass[b];
        }
        nucleus = z;
        if (topP < 1) {
            double target = topP * z;
            double cum = 0;
            int b = 0;
            while (b < lastBin && cum + mass[b] < target) {
                cum += mass[b++];
            }
            int m = sortedMembers(logits, b);
            double kept = 0;
            for (int k = 0; k < m; k++) {
                int i = (int) keys[k];
                if (cum + kept < target) {
                    kept += weightOf(logits[i], bin[i]);
                } else {
                    bin[i] = OUT;
                }
            }
            mass[b] = kept;
            lastBin = b;
            nucleus = cum + mass[b];
        }
        return -1;
    }

    /**
     * The hot loop: each token's bin (0 = the best) into {@code bin}, its weight relative to the bin centre added to
     * the bin's mass. Static with everything passed in: the same loop reading the fields ran 1.5-2.5x slower.
     */
    private static void binAll(float[] logits, float max, float scale, short[] bin, double[] mass) {
        for (int i = 0; i < logits.length; i++) {
            float u = (max - logits[i]) * scale; // >= 0; +inf when banned; NaN for NaN
            float f = u + MAGIC;
            // the nearest integer to u; inf, NaN (either sign) and u >= BINS - 1/2 land in the dump bin OUT
            int b = Math.min((Float.floatToRawIntBits(f) - MAGIC_BITS) & 0x7fffffff, BINS);
            float t = (f - MAGIC) - u; // b - u, in [-1/2, 1/2] for the tokens kept
            bin[i] = (short) b;
            mass[b] += 1f + t * (Q1 + t * Q2); // times EDGE[b] below
        }
    }

    /**
     * e^((l - max) / temperature) for a token of bin {@code b}, computed exactly as the binning pass does (the bin
     * centre's tabulated value times the quadratic). Recomputed where needed rather than stored: one store less per
     * token in the hot loop.
     */
    private float weightOf(float l, int b) {
        float t = b - (max - l) * scale;
        return EDGE[b] * (1f + t * (Q1 + t * Q2));
    }

    /** Fills {@code keys} with the ids of one bin, largest logit first and lower id first on ties; returns how many. */
    private int sortedMembers(float[] logits, int b) {
        int m = 0;
        for (int i = 0; i < logits.length; i++) {
            if (bin[i] == b) {
                int bits = Float.floatToIntBits(logits[i]);
                int ordered = bits ^ ((bits >> 31) & 0x7fffffff); // ascending with the float value
                keys[m++] = ((long) ~ordered << 32) | i;
            }
        }
        Arrays.sort(keys, 0, m);
        for (int k = 0; k < m; k++) {
            keys[k] &= 0xffffffffL;
        }
        return m;
    }

    /** Index of the largest logit (the first one on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        float max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > max) {
                max = logits[i];
                best = i;
            }
        }
        return best;
    }
}
