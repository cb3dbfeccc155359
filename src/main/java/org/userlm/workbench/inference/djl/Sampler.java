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
 * bucketed by logit into {@value #BINS} bins of 40/{@value #BINS} nats each, or narrower when the logits within those
 * bins' reach span less than that (nearly flat logits, a random model's or a high temperature's, are spread over the
 * bins rather than piled into a handful, also when an id lies far beyond the window), a token going to the bin whose
 * centre is nearest; when every token kept has the same logit (ties) there are no bins to fill. When a sample of the
 * logits shows nearly all of them crowding a few bins (flat logits with a few ids far below them but within reach), the
 * bins narrow to the crowd, or the ties take no bins, and the few ids below (the tail) are weighed one by one; top-k or
 * top-p must cut them all, else the sampler bins again at the usual width. A token's weight e^x is the bin centre's
 * tabulated e^c times a quadratic in the remainder x - c (|x - c| at most half a bin: truncation error below 2e-7, the
 * order of float rounding, and far cheaper than {@code Math.exp}); the bins above the top-k or top-p boundary are taken
 * whole, and only the members of the one boundary bin are ordered: sorted when there are at most {@value
 * #SORT_AT_MOST}, else split into {@value #SUB} sub-bins by logit in the same way, level after level, until that few
 * remain (ties among other logits, or a crowd the sample missed, put tens of thousands of ids into one bin). A draw
 * picks a bin by its mass, then a token inside it. Tokens more than about {@value #CUTOFF_NATS} nats (after
 * temperature) below the best are left out; each has a probability below e^-39.9 relative to the best one.
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
    /** A boundary bin with more members than this is split into {@value #SUB} sub-bins before anything is sorted. */
    static final int SORT_AT_MOST = 256;
    static final int SUB = 256;
    /** A crowd is {@link #BULK} of a sample within this many bins of the best. */
    static final int CROWD = 32;
    private static final double BULK = 0.95;
    /** The tail may hold at most 1/2^this of the ids. */
    private static final int TAIL_SHIFT = 4;
    /** The widest bin, in nats (after temperature). */
    private static final double WIDTH = CUTOFF_NATS / BINS;
    /** Bins per logit unit at most: two logits a subnormal apart must not make the scale infinite. */
    private static final double MAX_SCALE = 1e30;
    /** Marks a token that is out (below the cutoff, banned, NaN, or cut by top-k/top-p); also its dump bin. */
    private static final short OUT = (short) BINS;
    /** 1.5 * 2^23: adding it to a float in [0, 2^22) leaves the nearest integer in the low mantissa bits. */
    private static final float MAGIC = 12582912f;
    private static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);
    /** The widest bins' centre weights, e^(-b * 40/2048), whatever the temperature: the tail is weighed with them. */
    private static final float[] EDGE_WIDEST = new float[BINS];
    private static final float Q1_WIDEST = (float) WIDTH;
    private static final float Q2_WIDEST = (float) (WIDTH * WIDTH / 2);

    static {
        double step = Math.exp(-WIDTH);
        double e = 1;
        for (int b = 0; b < BINS; b++) {
            EDGE_WIDEST[b] = (float) e;
            e *= step;
        }
    }

    private final double temperature;
    private final double topP;
    private final int topK;
    private final Random random;
    private short[] bin = new short[0];
    /** The members of the boundary bin still undecided (ids). */
    private int[] cand = new int[0];
    /** Sort keys for at most {@value #SORT_AT_MOST} members. */
    private final long[] keys = new long[SORT_AT_MOST];
    private final int[] subCount = new int[SUB];
    private final double[] subMass = new double[SUB];
    /** The sub-bin of each member of {@link #cand} while a boundary bin is split. */
    private byte[] sub = new byte[0];
    private final int[] count = new int[BINS + 1];
    /** {@link #crowdScale}'s histogram: the first {@value #CROWD} bins, then the rest within reach, then out. */
    private final int[] crowdCount = new int[CROWD + 2];
    /** Mass of each bin; the extra last one collects the tokens left out and is never read. */
    private final double[] mass = new double[BINS + 1];
    /** e^(-b * width): the weight of a bin's centre, for the {@link #width} of the last call. */
    private final float[] edge = new float[BINS];
    /** This call's bin width in nats (after temperature); NaN before the first call. */
    private double width = Double.NaN;
    /** e^(t * width) ~ 1 + t * (q1 + t * q2) for |t| <= 1/2 (t in bins). */
    private float q1;
    private float q2;
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
        if (!crowded(b, logits.length)) {
            // a scan that stops at the drawn id (halfway on average)
            int last = -1;
            for (int i = 0; i < logits.length; i++) {
                if (bin[i] == b) {
                    last = i;
                    r -= weightOf(logits[i], b);
                    if (r < 0) {
                        return i;
                    }
                }
            }
            return last >= 0 ? last : argmax(logits); // rounding left r a hair above zero
        }
        // A crowded bin (more than 1/64 of the ids): rejection sampling, exact and with no scan. A uniformly random
        // id is kept when it is in the bin, with probability its weight over the largest weight a member can have
        // (|t| <= 1/2, where the quadratic rises with t); every member's weight is within 2% of that, so ~65 tries
        // at most on average.
        int v = logits.length;
        float t = 0.5001f;
        double top = edge[b] * (1f + t * (q1 + t * q2));
        while (true) {
            int i = random.nextInt(v);
            if (bin[i] == b && random.nextDouble() * top < weightOf(logits[i], b)) {
                return i;
            }
        }
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
        // Two passes, the largest logit, then the smallest within reach of it: one pass for both cost about as much,
        // and could not tell the span that counts from that of an id far below the window (a logit bias of -100).
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
            cand = new int[v];
            sub = new byte[v];
        }
        double widest = 1 / (temperature * WIDTH);
        if ((float) widest == Float.POSITIVE_INFINITY) {
            return argmax(logits); // a temperature so small that only the best token has any weight
        }
        float low = lowestKept(logits, top, (float) widest);
        if (low == top) {
            allEqual(logits, Float.NaN);
            return -1;
        }
        // The logits kept over BINS - 2 bins when that makes the bins narrower: the smallest then lands a bin and a
        // half inside the last one, whatever the rounding; those beyond the widest bins stay beyond these.
        double s = Math.max(widest, Math.min((BINS - 2) / ((double) top - low), MAX_SCALE));
        double crowd = (topK > 0 || topP < 1) && v >= 1 << 15 ? crowdScale(logits, (float) s) : 0;
        boolean done = crowd == Double.POSITIVE_INFINITY ? allEqual(logits, (float) widest)
                : crowd > 0 && cut(logits, crowd, (float) widest);
        if (!done) {
            cut(logits, s, Float.NaN);
        }
        return -1;
    }

    /**
     * Bins every token at {@code s} bins per logit unit, then applies top-k and top-p. With a finite
     * {@code tailReach} (the widest bins' scale) the bins may end before the window does: the tokens within reach
     * past them (the tail) are weighed one by one, and they must all be cut; false (nothing kept yet) when they are
     * too many or top-k or top-p would reach them.
     */
    private boolean cut(float[] logits, double s, float tailReach) {
        int v = logits.length;
        Arrays.fill(mass, 0);
        scale = (float) s;
        widthFor(1 / (s * temperature));
        binAll(logits, max, scale, q1, q2, bin, mass);
        for (int b = 0; b < BINS; b++) {
            mass[b] *= edge[b];
        }
        boolean tailed = !Float.isNaN(tailReach);
        double tail = tailed ? tailMass(logits, tailReach) : 0;
        if (tail < 0) {
            return false;
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
                mass[b] = keepTopK(logits, members(logits, b), topK - above);
                lastBin = b;
                tail = 0; // every tail token is below the k-th largest
            } else if (tailed) {
                return false;
            }
        }
        double z = 0;
        for (int b = 0; b <= lastBin; b++) {
            z += mass[b];
        }
        nucleus = z;
        if (topP < 1) {
            double target = topP * (z + tail);
            if (z < target) {
                return false; // the tail holds the boundary (only with a tail: else z + tail = z >= target)
            }
            double cum = 0;
            int b = 0;
            while (b < lastBin && cum + mass[b] < target) {
                cum += mass[b++];
            }
            mass[b] = keepTopP(logits, members(logits, b), cum, target);
            lastBin = b;
            nucleus = cum + mass[b];
        }
        return true;
    }

    /**
     * Bins per logit unit that spread a crowd, or 0 when there is none: where 95% of 1,024 evenly spaced tokens
     * within reach lie within the first {@value #CROWD} of the bins at scale {@code s} (nearly flat logits whose span
     * is set by a few tokens far below them), bins spanning twice that reach and two bins more. The tokens past them
     * form the tail. Infinity when 95% of them equal the best: the crowd is ties. A small histogram of its own, so
     * that the common case (no crowd) pays for 1,024 scattered reads and little else.
     */
    private double crowdScale(float[] logits, float s) {
        int step = logits.length >> 10;
        int[] near = crowdCount;
        Arrays.fill(near, 0);
        int best = 0;
        for (int i = step >> 1; i < logits.length; i += step) {
            float u = (max - logits[i]) * s;
            int b = Math.min((Float.floatToRawIntBits(u + MAGIC) - MAGIC_BITS) & 0x7fffffff, BINS);
            near[b < CROWD ? b : b < BINS ? CROWD : CROWD + 1]++; // the first bins, the others within reach, out
            best += logits[i] == max ? 1 : 0;
        }
        int in = 0;
        for (int b = 0; b <= CROWD; b++) {
            in += near[b];
        }
        if (in == 0) {
            return 0; // the sample holds only ids out of reach
        }
        if (best >= BULK * in) {
            return Double.POSITIVE_INFINITY;
        }
        int bulk = 0;
        int b = 0;
        while (b < CROWD && (bulk += near[b]) < BULK * in) {
            b++;
        }
        if (b == CROWD) {
            return 0;
        }
        double narrower = Math.min(s * (BINS - 2) / (2 * (b + 0.5) + 2), MAX_SCALE);
        return narrower >= 4 * s ? narrower : 0;
    }

    /**
     * The tail's mass: the tokens the bins left out (dump bin {@code BINS}) that are within reach of the best (the
     * widest bins' test, as {@link #lowestKept}), each weighed as the widest bins weigh it; -1 when they are more
     * than 1/16 of the ids.
     */
    private double tailMass(float[] logits, float widest) {
        int n = 0;
        double m = 0;
        int most = logits.length >> TAIL_SHIFT;
        for (int i = 0; i < logits.length; i++) {
            if (bin[i] == BINS) {
                float u = (max - logits[i]) * widest;
                if (u < BINS - 0.5f) {
                    if (++n > most) {
                        return -1;
                    }
                    float f = u + MAGIC;
                    int b = Float.floatToRawIntBits(f) - MAGIC_BITS;
                    float t = (f - MAGIC) - u;
                    m += EDGE_WIDEST[b] * (1f + t * (Q1_WIDEST + t * Q2_WIDEST));
                }
            }
        }
        return m;
    }

    /**
     * The smallest logit the widest bins keep: the same float product as {@link #binAll}'s, below BINS - 1/2 bins
     * from the best (the nearest integer is then at most BINS - 1). Banned and NaN logits fail the comparison.
     */
    private static float lowestKept(float[] logits, float top, float widest) {
        float low = top;
        for (float l : logits) {
            if (l < low && (top - l) * widest < BINS - 0.5f) {
                low = l;
            }
        }
        return low;
    }

    /**
     * The tokens equal to the best (ties) weigh 1 each and take bin 0, with no sums: top-k keeps all of them (ties
     * kept), top-p the first ones in id order while the mass before them is below its share, as {@link #keepTopP}
     * would. Without {@code tailReach} (NaN) they are every token within reach. With it (the widest bins' scale) the
     * others within reach form a tail, weighed one by one, which top-k or top-p must cut whole: false (nothing kept
     * yet) when it is too large or they would not.
     */
    private boolean allEqual(float[] logits, float tailReach) {
        scale = (float) (1 / (temperature * WIDTH));
        widthFor(WIDTH); // any width: every token kept sits at its bin's centre, where the weight is edge[0] = 1
        int n = markEqual(logits, max, bin);
        double tail = Float.isNaN(tailReach) ? 0 : tailMass(logits, tailReach);
        if (tail < 0) {
            return false;
        }
        if (topK > 0 && n >= topK) {
            tail = 0; // below the k-th largest
        } else if (topK > 0 && tail > 0) {
            return false; // top-k keeps some of the tail
        }
        int keep = n;
        if (topP < 1) {
            double target = topP * (n + tail);
            if (n < target) {
                return false;
            }
            keep = (int) Math.ceil(target);
        } else if (tail > 0) {
            return false; // nothing cuts the tail
        }
        if (keep < n) {
            int seen = 0;
            int i = 0;
            while (seen < keep) {
                seen += bin[i++] == 0 ? 1 : 0;
            }
            Arrays.fill(bin, i, logits.length, OUT); // the ids after the keep-th
        }
        Arrays.fill(mass, 0);
        mass[0] = keep;
        lastBin = 0;
        nucleus = keep;
        return true;
    }

    /** Bin 0 for the ids whose logit is {@code top}, out for the others; returns how many are in. */
    private static int markEqual(float[] logits, float top, short[] bin) {
        int n = 0;
        for (int i = 0; i < logits.length; i++) {
            boolean in = logits[i] == top;
            bin[i] = in ? 0 : OUT;
            n += in ? 1 : 0;
        }
        return n;
    }

    /** Tabulates the bin centres' weights and the remainder's quadratic for bins {@code w} nats wide. */
    private void widthFor(double w) {
        if (w == width) {
            return;
        }
        width = w;
        q1 = (float) w;
        q2 = (float) (w * w / 2);
        double step = Math.exp(-w);
        double e = 1;
        for (int b = 0; b < BINS; b++) {
            edge[b] = (float) e; // the product's relative error stays below 1e-12 over the 2,048 steps
            e *= step;
        }
    }

    /**
     * The hot loop: each token's bin (0 = the best) into {@code bin}, its weight relative to the bin centre added to
     * the bin's mass. Static with everything passed in: the same loop reading the fields ran 1.5-2.5x slower.
     */
    private static void binAll(float[] logits, float max, float scale, float q1, float q2, short[] bin,
                               double[] mass) {
        for (int i = 0; i < logits.length; i++) {
            float u = (max - logits[i]) * scale; // >= 0; +inf when banned; NaN for NaN
            float f = u + MAGIC;
            // the nearest integer to u; inf, NaN (either sign) and u >= BINS - 1/2 land in the dump bin OUT
            int b = Math.min((Float.floatToRawIntBits(f) - MAGIC_BITS) & 0x7fffffff, BINS);
            float t = (f - MAGIC) - u; // b - u, in [-1/2, 1/2] for the tokens kept
            bin[i] = (short) b;
            mass[b] += 1f + t * (q1 + t * q2); // times edge[b] below
        }
    }

    /**
     * e^((l - max) / temperature) for a token of bin {@code b}, computed exactly as the binning pass does (the bin
     * centre's tabulated value times the quadratic). Recomputed where needed rather than stored: one store less per
     * token in the hot loop.
     */
    private float weightOf(float l, int b) {
        float t = b - (max - l) * scale;
        return edge[b] * (1f + t * (q1 + t * q2));
    }

    /** Puts the ids of bin {@code b} into {@code cand}, in id order; returns how many. */
    private int members(float[] logits, int b) {
        if (crowded(b, logits.length)) {
            return membersMany(bin, logits.length, (short) b, cand);
        }
        // a branch that is rarely taken: cheapest when the bin holds few of the ids
        int m = 0;
        for (int i = 0; i < logits.length; i++) {
            if (bin[i] == b) {
                cand[m++] = i;
            }
        }
        return m;
    }

    /**
     * Whether bin {@code b} holds more than 1/64 of the vocabulary, where a branch on membership would mispredict
     * often. A bin's mass over its centre's weight is about its count (each member within e^0.01 of the centre).
     */
    private boolean crowded(int b, int v) {
        return mass[b] > edge[b] * (v >> 6);
    }

    /** No branch to mispredict when the bin holds a good part of the ids: every id is written, members counted. */
    private static int membersMany(short[] bin, int v, short b, int[] cand) {
        int m = 0;
        for (int i = 0; i < v; i++) {
            cand[m] = i;
            m += bin[i] == b ? 1 : 0;
        }
        return m;
    }

    /**
     * Top-k inside the boundary bin: keeps the members of {@code cand[0..m)} at least as large as the
     * {@code need}-th largest of them (ties kept), marks the others out, and returns the kept mass.
     */
    private double keepTopK(float[] logits, int m, int need) {
        double taken = 0;
        while (m > SORT_AT_MOST && split(logits, m)) {
            int j = 0;
            int before = 0;
            while (before + subCount[j] < need) {
                before += subCount[j++];
            }
            taken += subMassBefore(j);
            m = narrow(m, j);
            need -= before;
        }
        if (m > SORT_AT_MOST) {
            return taken + keepAll(logits, m); // all equal: every one ties with the need-th
        }
        sortDescending(logits, m);
        float kth = logits[cand[need - 1]];
        double kept = 0;
        for (int k = 0; k < m; k++) {
            int i = cand[k];
            if (logits[i] >= kth) {
                kept += weightOf(logits[i], bin[i]);
            } else {
                bin[i] = OUT;
            }
        }
        return taken + kept;
    }

    /**
     * Top-p inside the boundary bin: walks the members of {@code cand[0..m)} from the largest (lower id first on
     * ties), keeping each while the mass before it ({@code cum} from the bins above, plus what this bin kept so far)
     * is below {@code target}; marks the rest out and returns the kept mass.
     */
    private double keepTopP(float[] logits, int m, double cum, double target) {
        double taken = 0;
        while (m > SORT_AT_MOST && split(logits, m)) {
            int j = 0;
            while (j < SUB - 1 && cum + (taken + subMass[j]) < target) {
                taken += subMass[j++];
            }
            m = narrow(m, j);
        }
        // more than SORT_AT_MOST left means all are equal, and their order is their ids'
        if (m <= SORT_AT_MOST) {
            sortDescending(logits, m);
        }
        double kept = taken;
        for (int k = 0; k < m; k++) {
            int i = cand[k];
            if (cum + kept < target) {
                kept += weightOf(logits[i], bin[i]);
            } else {
                bin[i] = OUT;
            }
        }
        return kept;
    }

    /**
     * Splits {@code cand[0..m)} (members of one bin) into {@value #SUB} sub-bins by logit, sub-bin 0 holding the
     * largest: (largest - logit) * (SUB - 1) / (largest - smallest), rounded: a monotone map, so a
     * sub-bin's members are all at least as large as every later one's. Stores each member's sub-bin in
     * {@link #sub} and fills {@link #subCount} and {@link #subMass}; false when all members are equal.
     */
    private boolean split(float[] logits, int m) {
        float hi = Float.NEGATIVE_INFINITY;
        float lo = Float.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            float l = logits[cand[k]];
            hi = Math.max(hi, l);
            lo = Math.min(lo, l);
        }
        if (hi == lo) {
            return false;
        }
        Arrays.fill(subCount, 0);
        Arrays.fill(subMass, 0);
        int b = bin[cand[0]];
        // Scaled by a power of two (exact) where the range would overflow a float: two floats a subnormal apart (0
        // and 1e-40) make (SUB - 1) / (hi - lo) infinite, and hi - lo itself overflows for hi = -lo = 3e38.
        double d = (double) hi - lo;
        float pre = d < 1e-30 ? 0x1p100f : d > 1e30 ? 0x1p-100f : 1f;
        float f = (float) ((SUB - 1) / (d * pre));
        subAll(logits, cand, m, hi * pre, pre, f, sub, subCount, subMass, b, max, scale, q1, q2);
        for (int j = 0; j < SUB; j++) {
            subMass[j] *= edge[b];
        }
        return true;
    }

    /** {@link #split}'s loop, static over locals like {@link #binAll}; the weights are {@link #weightOf}'s. */
    private static void subAll(float[] logits, int[] cand, int m, float hiScaled, float pre, float f, byte[] sub,
                               int[] subCount, double[] subMass, int b, float max, float scale, float q1,
                               float q2) {
        for (int k = 0; k < m; k++) {
            float l = logits[cand[k]];
            float u = (hiScaled - l * pre) * f; // in [0, SUB - 1]: the largest at 0, the smallest at SUB - 1
            int j = Math.min(Float.floatToRawIntBits(u + MAGIC) - MAGIC_BITS, SUB - 1); // rounded
            sub[k] = (byte) j;
            subCount[j]++;
            float t = b - (max - l) * scale;
            subMass[j] += 1f + t * (q1 + t * q2);
        }
    }

    private double subMassBefore(int j) {
        double s = 0;
        for (int k = 0; k < j; k++) {
            s += subMass[k];
        }
        return s;
    }

    /**
     * Keeps the members of sub-bins above {@code j} as they are, marks those below it out, and leaves the members
     * of sub-bin {@code j} in {@code cand}, still in id order; returns how many.
     */
    private int narrow(int m, int j) {
        return m == 0 ? 0 : narrowAll(cand, m, sub, j, bin, bin[cand[0]]);
    }

    /** No branch on the sub-bin (they come in no order): every member is written and its bin rewritten. */
    private static int narrowAll(int[] cand, int m, byte[] sub, int j, short[] bin, short b) {
        int n = 0;
        for (int k = 0; k < m; k++) {
            int i = cand[k];
            int s = sub[k] & 0xff;
            cand[n] = i; // n <= k: never overwrites a member not yet read
            n += s == j ? 1 : 0;
            bin[i] = s > j ? OUT : b;
        }
        return n;
    }

    private double keepAll(float[] logits, int m) {
        double kept = 0;
        for (int k = 0; k < m; k++) {
            int i = cand[k];
            kept += weightOf(logits[i], bin[i]);
        }
        return kept;
    }

    /** Orders {@code cand[0..m)} largest logit first, lower id first on ties. */
    private void sortDescending(float[] logits, int m) {
        for (int k = 0; k < m; k++) {
            int i = cand[k];
            int bits = Float.floatToIntBits(logits[i]);
            int ordered = bits ^ ((bits >> 31) & 0x7fffffff); // ascending with the float value
            keys[k] = ((long) ~ordered << 32) | i;
        }
        Arrays.sort(keys, 0, m);
        for (int k = 0; k < m; k++) {
            cand[k] = (int) keys[k];
        }
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
