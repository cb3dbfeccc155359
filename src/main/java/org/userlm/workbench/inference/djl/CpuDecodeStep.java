package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * One decode step (one token, float32, on the CPU) that leaves to PyTorch only the weight products and the
 * attention over the cache, and does the small vector work of a step in Java: the RMSNorms, RoPE, the residual
 * adds and SwiGLU's activation, on arrays of a few thousand floats.
 *
 * <p>Why: at one token a step's other operations cost far more than their arithmetic. Measured on the 30M model
 * (docs/performance.md, "Decode"): the weight products alone take ~6 ms a step, the whole PyTorch step ~9–10 ms,
 * for ~390 native operations of ~10 µs each (the weights streamed in between leave every cache cold). This step
 * makes ~18 native calls a layer instead of ~48. Prefill (many tokens) and the GPU keep {@link LlamaForward}'s
 * tensor path, which is also the reference this step is tested against.
 *
 * <p>The inputs of the products are direct buffers that PyTorch arrays wrap without copying: Java writes a
 * buffer, and the next product reads it. Owned by the model's worker thread, like the forward pass.
 */
final class CpuDecodeStep implements AutoCloseable {
    private final LlamaConfig c;
    private final LlamaWeights w;
    private final int hd;
    private final int half;
    private final int nh;
    private final int nkv;
    private final float eps;
    private final float scale;
    private final float[] cos;
    private final float[] sin;
    private final float[][] inNorm;
    private final float[][] postNorm;
    private final float[] finalNorm;
    private final float[] x;
    private final float[] qkv;
    private final float[] gu;
    private final float[] out;
    private final FloatBuffer h;
    private final FloatBuffer q;
    private final FloatBuffer k;
    private final FloatBuffer v;
    private final FloatBuffer act;
    private final NDArray hArr;
    private final NDArray qArr;
    private final NDArray kArr;
    private final NDArray vArr;
    private final NDArray actArr;

    /**
     * Returns the step, or null when the arrays made from direct buffers do not share their memory on this
     * engine (then only the tensor path is used).
     *
     * @param cos the RoPE cosines, {@code [maxSeq * headDim]}, position-major
     * @param sin the sines, likewise
     */
    static CpuDecodeStep create(LlamaConfig c, LlamaWeights w, NDManager base, float[] cos, float[] sin) {
        CpuDecodeStep s = new CpuDecodeStep(c, w, base, cos, sin);
        if (s.sharesMemory()) {
            return s;
        }
        s.close();
        return null;
    }

    private CpuDecodeStep(LlamaConfig c, LlamaWeights w, NDManager base, float[] cos, float[] sin) {
        this.c = c;
        this.w = w;
        this.hd = c.headDim();
        this.half = hd / 2;
        this.nh = c.numHeads();
        this.nkv = c.numKvHeads();
        this.eps = (float) c.rmsNormEps();
        this.scale = (float) (1.0 / Math.sqrt(hd));
        this.cos = cos;
        this.sin = sin;
        int layers = c.numLayers();
        this.inNorm = new float[layers][];
        this.postNorm = new float[layers][];
        for (int l = 0; l < layers; l++) {
            inNorm[l] = w.layers.get(l).inNorm().toFloatArray();
            postNorm[l] = w.layers.get(l).postNorm().toFloatArray();
        }
        this.finalNorm = w.norm.toFloatArray();
        int hidden = c.hiddenSize();
        int ff = c.intermediateSize();
        this.x = new float[hidden];
        this.qkv = new float[(nh + 2 * nkv) * hd];
        this.gu = new float[2 * ff];
        this.out = new float[hidden];
        ByteBuffer hb = direct(hidden);
        ByteBuffer qb = direct(nh * hd);
        ByteBuffer kb = direct(nkv * hd);
        ByteBuffer vb = direct(nkv * hd);
        ByteBuffer ab = direct(ff);
        this.h = hb.asFloatBuffer();
        this.q = qb.asFloatBuffer();
        this.k = kb.asFloatBuffer();
        this.v = vb.asFloatBuffer();
        this.act = ab.asFloatBuffer();
        this.hArr = base.create(hb, new Shape(1, hidden), DataType.FLOAT32);
        this.qArr = base.create(qb, new Shape(nkv, nh / nkv, hd), DataType.FLOAT32);
        this.kArr = base.create(kb, new Shape(nkv, 1, hd), DataType.FLOAT32);
        this.vArr = base.create(vb, new Shape(nkv, 1, hd), DataType.FLOAT32);
        this.actArr = base.create(ab, new Shape(1, ff), DataType.FLOAT32);
    }

    private static ByteBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder());
    }

    /** True when a value written into a buffer is what its array reads. */
    private boolean sharesMemory() {
        h.put(0, 1.5f);
        float a = hArr.getFloat(0, 0);
        h.put(0, -2.25f);
        float b = hArr.getFloat(0, 0);
        h.put(0, 0f);
        return a == 1.5f && b == -2.25f;
    }

    /**
     * Runs token {@code id} at position {@code p}, writing its keys and values into the caches, and returns the
     * float32 logits.
     */
    float[] step(long id, int p, List<NDArray> cacheK, List<NDArray> cacheV, NDManager s) {
        NDArray idArr = s.create(new long[] {id});
        System.arraycopy(w.embedRows(idArr, s).toFloatArray(), 0, x, 0, x.length);
        NDIndex slot = new NDIndex().addAllDim().addSliceDim(p, p + 1);
        NDIndex upto = new NDIndex().addAllDim().addSliceDim(0, p + 1);
        for (int l = 0; l < c.numLayers(); l++) {
            LlamaWeights.Layer lw = w.layers.get(l);
            rmsNorm(x, inNorm[l], h);
            read(hArr.matMul(lw.wqkvT()), s, qkv);
            rope(p);
            NDArray ck = cacheK.get(l);
            NDArray cv = cacheV.get(l);
            ck.set(slot, kArr);
            cv.set(slot, vArr);
            NDArray kAll = attach(ck.get(upto), s);
            NDArray vAll = attach(cv.get(upto), s);
            // qArr belongs to the model's manager: its product is moved to the step's, and what follows stays there
            NDArray probs = attach(qArr.matMul(kAll.transpose(0, 2, 1)), s).softmax(-1);
            NDArray attn = probs.matMul(vAll).reshape(1, (long) nh * hd);
            read(attn.matMul(lw.woT()), s, out);
            addInto(x, out);
            rmsNorm(x, postNorm[l], h);
            read(hArr.matMul(lw.wguT()), s, gu);
            swiglu();
            read(actArr.matMul(lw.wdT()), s, out);
            addInto(x, out);
        }
        rmsNorm(x, finalNorm, h);
        float[] logits = new float[Math.toIntExact(w.lmHeadT.getShape().get(1))];
        read(hArr.matMul(w.lmHeadT), s, logits);
        return logits;
    }

    private static NDArray attach(NDArray a, NDManager s) {
        a.attach(s);
        return a;
    }

    /**
     * Copies a product's result into {@code dst} through a direct view of its memory (one bulk copy;
     * {@code toFloatArray} went through a heap buffer float by float, ~1 ns each: 0.1 ms at 128k logits); the
     * array stays owned by the step's manager.
     */
    private static void read(NDArray a, NDManager s, float[] dst) {
        a.attach(s);
        a.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(dst);
    }

    /** RMSNorm in float32 as the tensor path computes it, the sum of squares accumulated in double. */
    private void rmsNorm(float[] in, float[] weight, FloatBuffer dst) {
        double ss = 0;
        for (float f : in) {
            ss += f * f;
        }
        float inv = (float) (1.0 / Math.sqrt((float) (ss / in.length) + eps));
        for (int i = 0; i < in.length; i++) {
            dst.put(i, in[i] * inv * weight[i]);
        }
    }

    /** RoPE at position {@code p} on the Q and K heads of {@link #qkv}; Q also takes the attention scale. */
    private void rope(int p) {
        int base = p * hd;
        for (int head = 0; head < nh + nkv; head++) {
            int o = head * hd;
            boolean isQ = head < nh;
            FloatBuffer dst = isQ ? q : k;
            int d = isQ ? o : o - nh * hd;
            float f = isQ ? scale : 1f;
            for (int i = 0; i < half; i++) {
                float a = qkv[o + i];
                float b = qkv[o + i + half];
                dst.put(d + i, (a * cos[base + i] - b * sin[base + i]) * f);
                dst.put(d + i + half, (b * cos[base + i + half] + a * sin[base + i + half]) * f);
            }
        }
        int vo = (nh + nkv) * hd;
        for (int i = 0; i < nkv * hd; i++) {
            v.put(i, qkv[vo + i]);
        }
    }

    /** SwiGLU's activation: silu(gate) * up, gate and up being the halves of {@link #gu}. */
    private void swiglu() {
        int ff = gu.length / 2;
        for (int i = 0; i < ff; i++) {
            float g = gu[i];
            float sig = (float) (1.0 / (1.0 + Math.exp(-g)));
            act.put(i, g * sig * gu[ff + i]);
        }
    }

    private static void addInto(float[] acc, float[] add) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += add[i];
        }
    }

    @Override
    public void close() {
        hArr.close();
        qArr.close();
        kArr.close();
        vArr.close();
        actArr.close();
    }
}
