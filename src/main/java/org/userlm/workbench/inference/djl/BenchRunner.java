package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.userlm.workbench.inference.InferenceException;

/**
 * Measures prefill and decode speed of a loaded model (argmax decoding, end ids ignored) and the memory
 * bandwidth of its device, which bounds decode speed: every decode step reads all weights once.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    /**
     * Medians over the runs.
     *
     * @param promptTokens       prompt length
     * @param newTokens          tokens generated per run (first from the prefill)
     * @param prefillTokPerS     prompt tokens / prefill time
     * @param decodeTokPerS      (newTokens - 1) / decode time
     * @param ttftMillis         prefill plus sampling of the first token
     * @param bytesPerToken      weight bytes read per decode step (embedding table excluded unless tied)
     * @param bandwidthGBs       measured weight-streaming (matrix-vector) bandwidth of the device, GB/s
     * @param boundTokPerS       bandwidthGBs / bytesPerToken
     */
    public record Result(int promptTokens, int newTokens, double prefillTokPerS, double decodeTokPerS,
                         double ttftMillis, long bytesPerToken, double bandwidthGBs, double boundTokPerS) {
    }

    /** Runs one warm-up and {@code runs} timed runs with a random byte-token prompt. */
    public static Result run(LocalLlamaModel model, int promptTokens, int newTokens, int runs)
            throws InferenceException {
        if (promptTokens < 1 || newTokens < 2 || promptTokens + newTokens > model.forward().capacity()) {
            throw new IllegalArgumentException("need promptTokens >= 1, newTokens >= 2 and their sum <= "
                    + model.forward().capacity());
        }
        SplittableRandom r = new SplittableRandom(1);
        long[] prompt = new long[promptTokens];
        for (int i = 0; i < promptTokens; i++) {
            prompt[i] = r.nextInt(Math.min(256, model.folder().config().vocabSize()));
        }
        once(model, prompt, Math.min(newTokens, 4));
        double[] prefill = new double[runs];
        double[] decode = new double[runs];
        double[] ttft = new double[runs];
        for (int i = 0; i < runs; i++) {
            long[] t = once(model, prompt, newTokens);
            prefill[i] = promptTokens / (t[0] / 1e9);
            ttft[i] = t[1] / 1e6;
            decode[i] = (newTokens - 1) / (t[2] / 1e9);
        }
        long bytes = bytesPerToken(model);
        double bw = model.onWorker(() -> bandwidth(model.forward().manager()));
        return new Result(promptTokens, newTokens, median(prefill), median(decode), median(ttft), bytes, bw,
                bw * 1e9 / bytes);
    }

    /** [prefill nanos, first-token nanos, decode nanos]. */
    private static long[] once(LocalLlamaModel model, long[] prompt, int newTokens) throws InferenceException {
        return model.onWorker(() -> {
            LlamaForward fw = model.forward();
            fw.reset();
            long t0 = System.nanoTime();
            float[] logits = fw.forward(prompt);
            long t1 = System.nanoTime();
            long id = Sampler.argmax(logits);
            long t2 = System.nanoTime();
            for (int i = 1; i < newTokens; i++) {
                logits = fw.forward(new long[] {id});
                id = Sampler.argmax(logits);
            }
            long t3 = System.nanoTime();
            return new long[] {t1 - t0, t2 - t0, t3 - t2};
        });
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

    /**
     * Weight-streaming bandwidth of the device, GB/s, best of 5: a matrix-vector product over a 256 MiB float32
     * matrix ([1, 8192] x [8192, 8192]), which reads the matrix once, exactly like a decode step reads weights.
     */
    static double bandwidth(NDManager base) {
        int n = 8192;
        try (NDManager m = base.newSubManager()) {
            NDArray w = m.ones(new Shape(n, n), DataType.FLOAT32);
            NDArray x = m.ones(new Shape(1, n), DataType.FLOAT32);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 6; i++) {
                long t0 = System.nanoTime();
                NDArray y = x.matMul(w);
                y.get(0, 0).getFloat(); // synchronise (GPU)
                long t = System.nanoTime() - t0;
                y.close();
                if (i > 0) {
                    best = Math.min(best, t);
                }
            }
            return (double) n * n * 4 / best;
        }
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
