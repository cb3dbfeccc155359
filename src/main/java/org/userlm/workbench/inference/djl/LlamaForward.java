package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Llama forward pass (RMSNorm, grouped-query attention with RoPE, SwiGLU) over a preallocated KV cache that
 * is written in place. Not thread-safe: used only on the model's worker thread. Every call runs inside a
 * sub-manager that is closed before it returns, so nothing but the weights and the cache stays allocated.
 */
final class LlamaForward implements AutoCloseable {
    private final LlamaConfig c;
    private final LlamaWeights w;
    private final NDManager base;
    private final DataType dt;
    private final int maxSeq;
    private final int groups;
    private final NDArray cos;
    private final NDArray sin;
    private final NDArray rotate;
    private final NDArray eps;
    private final NDArray scale;
    private final List<NDArray> cacheK = new ArrayList<>();
    private final List<NDArray> cacheV = new ArrayList<>();
    private final NDIndex qkHeads;
    private final NDIndex vHeads;
    private final NDIndex qHeads;
    private final NDIndex kHeads;
    /** The one-token step on the CPU in float32 (null on a GPU or in another dtype): {@link CpuDecodeStep}. */
    private final CpuDecodeStep cpuStep;
    /** Whether one-token steps take {@link #cpuStep}; {@code -Duserlm.engine.cpuStep=false} keeps the tensor path. */
    private boolean useCpuStep = !"false".equals(System.getProperty("userlm.engine.cpuStep"));
    /**
     * Tokens per prefill chunk: 256 unless {@code -Duserlm.engine.prefillChunk=N}. A whole 1,856-token prefill of the
     * 30M model took 15–16 s (its scores, 110 MB a layer, and their temporaries all held to the end); see
     * docs/performance.md, "Prefix reuse".
     */
    private int prefillChunk = Math.max(1, Integer.getInteger("userlm.engine.prefillChunk", 256));
    /**
     * Whether each layer's temporaries (a prefill's attention scores above all) are freed after the layer rather
     * than with the chunk: on a GPU, whose caching allocator reuses the memory at once. On the CPU, freeing and
     * allocating tens of megabytes per layer through glibc made a 129-token prefill over 1,727 cached tokens take
     * 140–660 ms instead of 141–174 ms (fresh pages are expensive there), so the chunk bounds the memory instead.
     */
    private boolean freeEachLayer;
    /** The id at each cached position (0 .. length - 1). */
    private final long[] history;
    private int length;

    LlamaForward(LlamaConfig c, LlamaWeights w, NDManager base, DataType dt, int maxSeq) {
        this.c = c;
        this.w = w;
        this.base = base;
        this.dt = dt;
        this.maxSeq = maxSeq;
        this.groups = c.numHeads() / c.numKvHeads();
        this.history = new long[maxSeq];
        int hd = c.headDim();
        int half = hd / 2;
        double[] inv = c.inverseFrequencies();
        float[] cs = new float[maxSeq * hd];
        float[] sn = new float[maxSeq * hd];
        for (int p = 0; p < maxSeq; p++) {
            for (int i = 0; i < hd; i++) {
                double a = p * inv[i % half];
                cs[p * hd + i] = (float) Math.cos(a);
                sn[p * hd + i] = (float) Math.sin(a);
            }
        }
        float[] r = new float[hd * hd];
        for (int i = 0; i < half; i++) {
            r[(i + half) * hd + i] = -1f; // out[i] = -x[i + half]
            r[i * hd + i + half] = 1f;    // out[i + half] = x[i]
        }
        this.cos = base.create(cs, new Shape(maxSeq, hd)).toType(dt, false);
        this.sin = base.create(sn, new Shape(maxSeq, hd)).toType(dt, false);
        this.rotate = base.create(r, new Shape(hd, hd)).toType(dt, false);
        this.eps = base.create((float) c.rmsNormEps()).toType(DataType.FLOAT32, false);
        this.scale = base.create((float) (1.0 / Math.sqrt(hd))).toType(dt, false);
        for (int l = 0; l < c.numLayers(); l++) {
            cacheK.add(base.zeros(new Shape(c.numKvHeads(), maxSeq, hd), dt));
            cacheV.add(base.zeros(new Shape(c.numKvHeads(), maxSeq, hd), dt));
        }
        int nh = c.numHeads();
        int nkv = c.numKvHeads();
        this.qkHeads = new NDIndex().addAllDim().addSliceDim(0, nh + nkv);
        this.vHeads = new NDIndex().addAllDim().addSliceDim(nh + nkv, nh + 2L * nkv);
        this.qHeads = new NDIndex().addAllDim().addSliceDim(0, nh);
        this.kHeads = new NDIndex().addAllDim().addSliceDim(nh, nh + nkv);
        this.freeEachLayer = base.getDevice().isGpu();
        this.cpuStep = !base.getDevice().isGpu() && dt == DataType.FLOAT32
                ? CpuDecodeStep.create(c, w, base, cs, sn) : null;
    }

    /** Turns the Java one-token step on or off (tests compare the two paths; benchmarks measure both). */
    void setCpuStep(boolean on) {
        useCpuStep = on;
    }

    /** Whether one-token steps run {@link CpuDecodeStep}. */
    boolean cpuStepActive() {
        return useCpuStep && cpuStep != null;
    }

    /** The manager that owns the weights and the cache. */
    NDManager manager() {
        return base;
    }

    /** The weights this pass reads. */
    LlamaWeights weights() {
        return w;
    }

    /** Tokens in the cache. */
    int length() {
        return length;
    }

    /** Cache capacity in tokens. */
    int capacity() {
        return maxSeq;
    }

    /** Empties the cache (the stale values are overwritten before they are read). */
    void reset() {
        length = 0;
    }

    /**
     * Keeps the cached positions whose ids equal the start of {@code ids} and drops the rest: after an edit or a
     * fork the cache is cut at the first differing token. At most {@code ids.length - 1} positions are kept, so
     * the caller always has a token left to run for the logits. Returns how many were kept.
     */
    int keepPrefix(long[] ids) {
        int n = Math.min(length, ids.length - 1);
        int same = 0;
        while (same < n && history[same] == ids[same]) {
            same++;
        }
        length = Math.max(0, same);
        return length;
    }

    /**
     * Runs {@code ids} at positions {@code length() ..}, appends them to the cache, and returns the float32
     * logits of the last position. A long prompt runs in chunks of {@link #prefillChunk} tokens, each attending to
     * the cache and to itself, so the attention scores of a chunk are {@code chunk x length} instead of
     * {@code length x length}.
     */
    float[] forward(long[] ids) {
        int t = ids.length;
        if (t == 0) {
            throw new IllegalArgumentException("no tokens");
        }
        if (length + t > maxSeq) {
            throw new IllegalStateException("context full: " + (length + t) + " tokens > cache of " + maxSeq);
        }
        if (t == 1 && cpuStepActive()) {
            int p = length;
            try (NDManager s = base.newSubManager()) {
                float[] out = cpuStep.step(ids[0], p, cacheK, cacheV, s);
                history[p] = ids[0];
                length = p + 1;
                return out;
            }
        }
        for (int from = 0; ; from += prefillChunk) {
            int to = Math.min(t, from + prefillChunk);
            long[] chunk = from == 0 && to == t ? ids : Arrays.copyOfRange(ids, from, to);
            if (to == t) {
                return run(chunk, true);
            }
            run(chunk, false);
        }
    }

    /** Frees each layer's temporaries after it (the GPU's default; tests run it on the CPU). */
    void setFreeEachLayer(boolean on) {
        freeEachLayer = on;
    }

    /** Sets the prefill chunk (tests compare chunked and whole prefills). */
    void setPrefillChunk(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("chunk < 1");
        }
        prefillChunk = tokens;
    }

    /** Runs {@code ids} through the tensor path; the last position's logits when {@code logits}, else null. */
    private float[] run(long[] ids, boolean logits) {
        int t = ids.length;
        int p = length;
        try (NDManager s = base.newSubManager()) {
            NDArray idArr = s.create(ids);
            NDArray x = w.embedRows(idArr, s);
            NDIndex rows = new NDIndex().addSliceDim(p, p + t);
            NDArray cosT = local(cos.get(rows), s).reshape(t, 1, c.headDim());
            NDArray sinT = local(sin.get(rows), s).reshape(t, 1, c.headDim());
            NDArray mask = t > 1 ? causalMask(s, p, t) : null;
            for (int l = 0; l < c.numLayers(); l++) {
                if (!freeEachLayer) {
                    x = layer(l, x, p, t, cosT, sinT, mask);
                    continue;
                }
                try (NDManager layerScope = s.newSubManager()) {
                    x.attach(layerScope);
                    x = layer(l, x, p, t, cosT, sinT, mask);
                    x.attach(s);
                }
            }
            float[] out = null;
            if (logits) {
                NDArray last = x.get(new NDIndex().addSliceDim(t - 1, t));
                out = rmsNorm(last, w.norm).matMul(w.lmHeadT).toType(DataType.FLOAT32, false).toFloatArray();
            }
            System.arraycopy(ids, 0, history, p, t);
            length = p + t;
            return out;
        }
    }

    private NDArray layer(int l, NDArray x, int p, int t, NDArray cosT, NDArray sinT, NDArray mask) {
        LlamaWeights.Layer lw = w.layers.get(l);
        int nh = c.numHeads();
        int nkv = c.numKvHeads();
        int hd = c.headDim();
        NDArray h = rmsNorm(x, lw.inNorm());
        NDArray qkv = h.matMul(lw.wqkvT()).reshape(t, nh + 2L * nkv, hd);
        NDArray qk = qkv.get(qkHeads);
        qk = qk.mul(cosT).add(qk.matMul(rotate).mul(sinT));
        NDArray q = qk.get(qHeads).transpose(1, 0, 2);
        NDArray k = qk.get(kHeads).transpose(1, 0, 2);
        NDArray v = qkv.get(vHeads).transpose(1, 0, 2);
        NDArray ck = cacheK.get(l);
        NDArray cv = cacheV.get(l);
        NDIndex slot = new NDIndex().addAllDim().addSliceDim(p, p + t);
        ck.set(slot, k);
        cv.set(slot, v);
        NDIndex upto = new NDIndex().addAllDim().addSliceDim(0, p + t);
        NDManager s = x.getManager();
        NDArray kAll = local(ck.get(upto), s);
        NDArray vAll = local(cv.get(upto), s);
        NDArray qg = q.reshape(nkv, (long) groups * t, hd);
        NDArray scores = qg.matMul(kAll.transpose(0, 2, 1)).mul(scale);
        if (mask != null) {
            scores = scores.reshape(nkv, groups, t, p + t).add(mask).reshape(nkv, (long) groups * t, p + t);
        }
        NDArray probs = scores.softmax(-1);
        NDArray attn = probs.matMul(vAll).reshape(nh, t, hd).transpose(1, 0, 2).reshape(t, (long) nh * hd);
        x = x.add(attn.matMul(lw.woT()));
        NDArray h2 = rmsNorm(x, lw.postNorm());
        NDArray gu = h2.matMul(lw.wguT());
        long ff = c.intermediateSize();
        NDArray gate = gu.get(new NDIndex().addAllDim().addSliceDim(0, ff));
        NDArray up = gu.get(new NDIndex().addAllDim().addSliceDim(ff, 2 * ff));
        NDArray act = gate.mul(Activation.sigmoid(gate)).mul(up);
        return x.add(act.matMul(lw.wdT()));
    }

    /** Moves an array made from a base-owned array (weights, tables, cache) into the step's manager. */
    private static NDArray local(NDArray a, NDManager step) {
        a.attach(step);
        return a;
    }

    /** RMSNorm computed in float32 (as transformers does), then cast back to the compute dtype. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        boolean f32 = dt == DataType.FLOAT32;
        NDArray xf = f32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray inv = xf.square().mean(new int[] {-1}, true).add(eps).pow(-0.5);
        NDArray y = xf.mul(inv);
        return (f32 ? y : y.toType(dt, false)).mul(weight);
    }

    private NDArray causalMask(NDManager s, int p, int t) {
        int len = p + t;
        float[] m = new float[t * len];
        for (int i = 0; i < t; i++) {
            for (int j = p + i + 1; j < len; j++) {
                m[i * len + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return s.create(m, new Shape(t, len)).toType(dt, false);
    }

    @Override
    public void close() {
        if (cpuStep != null) {
            cpuStep.close();
        }
        for (NDArray a : cacheK) {
            a.close();
        }
        for (NDArray a : cacheV) {
            a.close();
        }
        cos.close();
        sin.close();
        rotate.close();
        eps.close();
        scale.close();
    }
}
