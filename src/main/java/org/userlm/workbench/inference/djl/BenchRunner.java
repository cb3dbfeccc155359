package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.inference.Constraints;
import org.userlm.workbench.inference.InferenceException;

/**
 * Measures prefill and decode speed of a loaded model (argmax decoding, end ids ignored) and the memory
 * bandwidth of its device, which bounds decode speed: every decode step reads all weights once.
 *
 * <p>Over 300 lines on purpose: the prefill/decode, sampling-cost and turn-reuse measurements share the same
 * prompt, sampler and median helpers, and are run together by the bench command; the bound is {@link Bandwidth}.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    /**
     * How long {@link #run} warms up by default before it times anything. Decoding the tiny-128k model, one JVM:
     * 2.9-3.5 ms a token for the first 1.5 s, 1.2-1.4 ms from about 2 s on; with whole sampled runs in the warm-up
     * as well, `bench` after 1.5 s of warm-up still measured 2.84-2.94 ms, after 5 s 1.25-1.77 ms.
     */
    public static final double DEFAULT_WARMUP_SECONDS = 5;

    /** The sampling the benchmark uses next to greedy: UserLM's card (temperature 1.0, top-p 0.8). */
    static final double TEMPERATURE = 1.0;
    static final double TOP_P = 0.8;
    /** The vocabulary of Llama-3 / UserLM-8b, at which the sampling cost is reported. */
    public static final int LLAMA3_VOCAB = 128_256;

    /**
     * Medians over the runs.
     *
     * @param promptTokens         prompt length
     * @param newTokens            tokens generated per run (first from the prefill)
     * @param prefillTokPerS       prompt tokens / prefill time
     * @param decodeTokPerS        greedy: (newTokens - 1) / decode time
     * @param sampledDecodeTokPerS the same with temperature 1.0, top-p 0.8 and three ids banned in place
     * @param sampleMillis         wall time of the sampler per token inside the sampled decode
     * @param ttftMillis           prefill plus sampling of the first token
     * @param bytesPerToken        weight bytes read per decode step (embedding table excluded unless tied)
     * @param bandwidthGBs         measured weight-streaming (matrix-vector) bandwidth of the device, GB/s
     * @param boundTokPerS         bandwidthGBs / bytesPerToken
     * @param productsTokPerS      one decode step's weight products alone (this model's shapes, no other op), as
     *                             tokens/s: how close PyTorch's products at these shapes come to the bound, and
     *                             so how much of the gap the engine's other operations make
     * @param runBoundRatios       each timed greedy run's decode tokens/s over the bound measured right after that
     *                             run (best of 3 products), in run order: on a shared machine the load changes
     *                             within a minute, and a run and its own bound see the same load
     */
    public record Result(int promptTokens, int newTokens, double prefillTokPerS, double decodeTokPerS,
                         double sampledDecodeTokPerS, double sampleMillis, double ttftMillis, long bytesPerToken,
                         double bandwidthGBs, double boundTokPerS, double productsTokPerS, double[] runBoundRatios) {

        /** The median of {@link #runBoundRatios}: decode against the bound, each run judged by its own. */
        public double pairedBoundRatio() {
            return median(runBoundRatios);
        }
    }

    /**
     * Cost of one sampling step (temperature 1.0, top-p 0.8, three bans applied in place) over logits of one size.
     *
     * @param vocab      logits per step
     * @param wallMillis median wall time per token
     * @param cpuMillis  median CPU time of the thread per token (less sensitive to a busy machine)
     */
    public record SamplingCost(int vocab, double wallMillis, double cpuMillis) {
    }

    /**
     * Warms up (whole greedy and sampled runs, for at least {@code warmupSeconds}), then times {@code runs} runs
     * with a random byte-token prompt.
     */
    public static Result run(LocalLlamaModel model, int promptTokens, int newTokens, int runs, double warmupSeconds)
            throws InferenceException {
        if (promptTokens < 1 || newTokens < 2 || promptTokens + newTokens > model.forward().capacity()) {
            throw new IllegalArgumentException("need promptTokens >= 1, newTokens >= 2 and their sum <= "
                    + model.forward().capacity());
        }
        long[] prompt = randomPrompt(model, promptTokens, 1);
        // Warm-up: whole greedy and sampled runs until warmupSeconds have passed, so that the JIT has compiled
        // the step's Java loops, the sampler and the paths into DJL before the first timed run; the 4-token
        // warm-up this replaces left that inside the timed runs of a small model (DEFAULT_WARMUP_SECONDS).
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            once(model, prompt, newTokens, null);
            once(model, prompt, newTokens, sampler());
        } while (System.nanoTime() < until);
        double[] prefill = new double[runs];
        double[] decode = new double[runs];
        double[] sampled = new double[runs];
        double[] sampleMs = new double[runs];
        double[] ttft = new double[runs];
        double[] runBw = new double[runs];
        long bytes = bytesPerToken(model);
        // The bound's matrix is made once, on the worker that owns the model's arrays, and measured right after
        // each greedy run, so that each run is judged against the bandwidth of its own minute.
        Bandwidth probe = model.onWorker(() -> new Bandwidth(model.forward().manager()));
        double bw;
        try {
            for (int i = 0; i < runs; i++) {
                long[] t = once(model, prompt, newTokens, null);
                prefill[i] = promptTokens / (t[0] / 1e9);
                ttft[i] = t[1] / 1e6;
                decode[i] = (newTokens - 1) / (t[2] / 1e9);
                runBw[i] = model.onWorker(() -> probe.best(Bandwidth.PAIRED_TRIES));
                long[] s = once(model, prompt, newTokens, sampler());
                sampled[i] = (newTokens - 1) / (s[2] / 1e9);
                sampleMs[i] = s[3] / 1e6 / newTokens;
            }
            double last = model.onWorker(() -> probe.best(Bandwidth.BOUND_TRIES));
            bw = Math.max(last, Arrays.stream(runBw).max().orElse(last));
        } finally {
            model.onWorker(() -> {
                probe.close();
                return null;
            });
        }
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratios[i] = decode[i] / (runBw[i] * 1e9 / bytes);
        }
        double products = model.onWorker(() -> productsOnly(model.forward().weights(), model.forward().manager(), runs));
        return new Result(promptTokens, newTokens, median(prefill), median(decode), median(sampled),
                median(sampleMs), median(ttft), bytes, bw, bw * 1e9 / bytes, products, ratios);
    }

    /**
     * Tokens/s of the weight products of one decode step alone, median of {@code runs} (at least 21): every
     * layer's QKV, output, gate/up and down product and the head, each a one-row product with the weights as the
     * engine holds them, and nothing else. The same bytes a step reads, in the same calls, without attention,
     * norms, RoPE, activations or the cache.
     */
    static double productsOnly(LlamaWeights w, NDManager base, int runs) {
        int n = Math.max(21, runs); // 5 gave medians below the decode they are part of, on a noisy machine
        double[] t = new double[n];
        try (NDManager m = base.newSubManager()) {
            DataType dt = w.lmHeadT.getDataType();
            NDArray x = m.ones(new Shape(1, w.lmHeadT.getShape().get(0)), dt);
            NDArray attn = m.ones(new Shape(1, w.layers.get(0).woT().getShape().get(0)), dt);
            NDArray act = m.ones(new Shape(1, w.layers.get(0).wdT().getShape().get(0)), dt);
            for (int i = -1; i < n; i++) {
                long t0 = System.nanoTime();
                try (NDManager step = m.newSubManager()) {
                    for (LlamaWeights.Layer l : w.layers) {
                        x.matMul(l.wqkvT()).attach(step);
                        attn.matMul(l.woT()).attach(step);
                        x.matMul(l.wguT()).attach(step);
                        act.matMul(l.wdT()).attach(step);
                    }
                    NDArray logits = x.matMul(w.lmHeadT);
                    logits.attach(step);
                    logits.get(0, 0).getFloat(); // synchronise (GPU)
                }
                if (i >= 0) {
                    t[i] = System.nanoTime() - t0;
                }
            }
        }
        return 1e9 / median(t);
    }

    private static Sampler sampler() {
        return new Sampler(TEMPERATURE, TOP_P, 0, 7L);
    }

    static long[] randomPrompt(LocalLlamaModel model, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] prompt = new long[n];
        for (int i = 0; i < n; i++) {
            prompt[i] = r.nextInt(Math.min(256, model.folder().config().vocabSize()));
        }
        return prompt;
    }

    /** [prefill nanos, first-token nanos, decode nanos, sampling nanos]; argmax when {@code sampler} is null. */
    private static long[] once(LocalLlamaModel model, long[] prompt, int newTokens, Sampler sampler)
            throws InferenceException {
        return model.onWorker(() -> {
            LlamaForward fw = model.forward();
            fw.reset();
            long[] sampling = new long[1];
            long t0 = System.nanoTime();
            float[] logits = fw.forward(prompt);
            long t1 = System.nanoTime();
            long id = pick(logits, sampler, sampling);
            long t2 = System.nanoTime();
            for (int i = 1; i < newTokens; i++) {
                logits = fw.forward(new long[] {id});
                id = pick(logits, sampler, sampling);
            }
            long t3 = System.nanoTime();
            return new long[] {t1 - t0, t2 - t0, t3 - t2, sampling[0]};
        });
    }

    private static int pick(float[] logits, Sampler sampler, long[] sampling) {
        long t0 = System.nanoTime();
        int id;
        if (sampler == null) {
            id = Sampler.argmax(logits);
        } else {
            ban(logits);
            id = sampler.sample(logits);
        }
        sampling[0] += System.nanoTime() - t0;
        return id;
    }

    /** Three ids banned in place, as the first-word guardrail does. */
    private static void ban(float[] logits) {
        for (int i = 1; i <= 3; i++) {
            logits[logits.length * i / 4] = Float.NEGATIVE_INFINITY;
        }
    }

    /**
     * Sampling cost over {@code vocab} logits drawn once from a normal distribution of standard deviation
     * {@code sd}, median of 5 rounds of 200 tokens. sd 2 puts every token within the sampler's 40-nat window, as a
     * trained model's logits spread; sd 0.01 is nearly flat, as a random model's or a high temperature's, and spans
     * 0.1 nats, which the sampler spreads over bins that narrow. With {@code oneBelow} above 0, id 7 is that many
     * logits below 0: at 1,000 it is beyond the sampler's 40-nat window and the bins still narrow; at 39 it is within,
     * the logits span the widest bins, and the flat ones crowd a handful of them unless the sampler's sample of the
     * logits finds the crowd and bins it apart from that one id.
     */
    public static SamplingCost samplingCost(int vocab, double sd, int oneBelow) {
        SplittableRandom r = new SplittableRandom(3);
        float[] logits = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            logits[i] = (float) (r.nextGaussian() * sd);
        }
        if (oneBelow > 0) {
            logits[7] = -oneBelow;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Sampler s = sampler();
        long[] sink = new long[1];
        for (int i = 0; i < 500; i++) {
            pick(logits, s, sink);
        }
        double[] wall = new double[5];
        double[] cpu = new double[5];
        for (int k = 0; k < wall.length; k++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                pick(logits, s, sink);
            }
            wall[k] = (System.nanoTime() - t0) / 1e6 / 200;
            cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / 200;
        }
        return new SamplingCost(vocab, median(wall), median(cpu));
    }

    /**
     * Time to first token of each turn of one growing conversation: turn k's prompt is turn k-1's prompt, its
     * greedy answer and {@code newText} new random tokens, so every turn adds the same amount of new text.
     *
     * @param reusedMillis  TTFT of each turn with prefix reuse (the KV cache kept between turns)
     * @param fullMillis    the same turns with every prompt prefilled in full
     * @param promptTokens  prompt length of each turn
     * @param reusedTokens  prompt tokens taken from the cache at each turn
     */
    public record Turns(double[] reusedMillis, double[] fullMillis, int[] promptTokens, int[] reusedTokens) {
    }

    /**
     * Runs the conversation once to warm up, then {@code runs} times with and without reuse, alternating; each
     * turn's TTFT is the median over the runs. The cache must hold all turns.
     */
    public static Turns turns(LocalLlamaModel model, int turns, int newText, int newTokens, int runs)
            throws InferenceException {
        boolean was = model.prefixReuse();
        try {
            conversation(model, turns, newText, newTokens, false);
            double[][] on = new double[turns][runs];
            double[][] off = new double[turns][runs];
            double[][] last = null;
            for (int r = 0; r < runs; r++) {
                last = conversation(model, turns, newText, newTokens, true);
                double[][] full = conversation(model, turns, newText, newTokens, false);
                for (int k = 0; k < turns; k++) {
                    on[k][r] = last[0][k];
                    off[k][r] = full[0][k];
                }
            }
            double[] onMs = new double[turns];
            double[] offMs = new double[turns];
            int[] len = new int[turns];
            int[] reused = new int[turns];
            for (int k = 0; k < turns; k++) {
                onMs[k] = median(on[k]);
                offMs[k] = median(off[k]);
                len[k] = (int) last[1][k];
                reused[k] = (int) last[2][k];
            }
            return new Turns(onMs, offMs, len, reused);
        } finally {
            model.setPrefixReuse(was);
        }
    }

    /** [TTFT ms per turn, prompt tokens per turn, reused tokens per turn]. */
    private static double[][] conversation(LocalLlamaModel model, int turns, int newText, int newTokens,
                                           boolean reuse) throws InferenceException {
        model.setPrefixReuse(reuse);
        model.onWorker(() -> {
            model.forward().reset();
            return null;
        });
        double[][] out = new double[3][turns];
        long[] prompt = new long[0];
        GenerationParams p = GenerationParams.greedy(newTokens);
        for (int k = 0; k < turns; k++) {
            long[] text = randomPrompt(model, newText, 100 + k);
            long[] next = Arrays.copyOf(prompt, prompt.length + text.length);
            System.arraycopy(text, 0, next, prompt.length, text.length);
            LocalGeneration g = model.generateIds(next, p, Constraints.NONE, List.of(), null, null);
            out[0][k] = g.firstTokenNanos() / 1e6;
            out[1][k] = next.length;
            out[2][k] = g.reusedTokens();
            prompt = Arrays.copyOf(next, next.length + g.generatedIds().length);
            System.arraycopy(g.generatedIds(), 0, prompt, next.length, g.generatedIds().length);
        }
        return out;
    }

    /** Weight bytes one decode step reads in the compute dtype. */
    public static long bytesPerToken(LocalLlamaModel model) {
        LlamaConfig c = model.folder().config();
        long params = model.folder().parameterCount();
        if (!c.tieWordEmbeddings()) {
            params -= (long) c.vocabSize() * c.hiddenSize(); // the embedding table: one row per token
        }
        return params * (model.device().contains("gpu") ? 2 : 4);
    }

    /** Java heap copy bandwidth (System.arraycopy of 256 MiB, read + write), GB/s, best of 5. */
    public static double javaCopyBandwidth() {
        long[] src = new long[32 << 20];
        long[] dst = new long[src.length];
        Arrays.fill(src, 1);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            System.arraycopy(src, 0, dst, 0, src.length);
            long t = System.nanoTime() - t0;
            if (i > 0) {
                best = Math.min(best, t);
            }
        }
        return 2.0 * src.length * 8 / best;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
