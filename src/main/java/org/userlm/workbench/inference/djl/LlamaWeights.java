package org.userlm.workbench.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The weights of a Llama model as NDArrays on one device, in the compute dtype, with Q/K/V and gate/up fused
 * and every projection stored transposed, as a contiguous {@code [in, out]} matrix, so that a step computes
 * {@code x @ W^T} by streaming it in memory order. Owned by the model's worker thread. BF16 (and any dtype
 * differing from the compute dtype) is converted in Java before DJL sees it.
 *
 * <p>Why contiguous rather than a transposed view of the checkpoint's {@code [out, in]} tensor: on the CPU a
 * one-row product with the view streamed 13–16 GB/s at this model family's shapes, with the contiguous copy
 * 19–25 GB/s, in the same run (docs/performance.md, "Decode"). The copy is made one tensor at a time at load.
 * With tied embeddings the transposed head is the only copy kept: {@link #embed} is then null and a token's
 * embedding is read as a column of {@link #lmHeadT}.
 */
final class LlamaWeights {
    /** Largest block converted at once; tensors above it are converted by rows and concatenated. */
    static volatile long chunkBytes = 128L << 20;
    private static final int BLOCK = 1 << 16;

    /** One decoder layer. */
    record Layer(NDArray inNorm, NDArray postNorm, NDArray wqkvT, NDArray woT, NDArray wguT, NDArray wdT) {
    }

    /** {@code [vocab, hidden]}; null when the embeddings are tied to the head (read {@link #lmHeadT}'s columns). */
    final NDArray embed;
    final List<Layer> layers;
    final NDArray norm;
    final NDArray lmHeadT;

    private LlamaWeights(NDArray embed, List<Layer> layers, NDArray norm, NDArray lmHeadT) {
        this.embed = embed;
        this.layers = layers;
        this.norm = norm;
        this.lmHeadT = lmHeadT;
    }

    /** Loads all weights; checks {@code cancelled} between tensors. */
    static LlamaWeights load(ModelFolder folder, NDManager m, DataType dt, ProgressListener progress,
                             BooleanSupplier cancelled) throws ModelLoadException, InterruptedException {
        LlamaConfig c = folder.config();
        Loader ld = new Loader(folder, m, dt);
        boolean tied = !folder.tensors().containsKey("lm_head.weight") || c.tieWordEmbeddings();
        NDArray embed = ld.tensor("model.embed_tokens.weight");
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < c.numLayers(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException("load cancelled");
            }
            String p = "model.layers." + i + ".";
            NDArray qkv = ld.fused(p + "self_attn.q_proj.weight", p + "self_attn.k_proj.weight",
                    p + "self_attn.v_proj.weight");
            NDArray gu = ld.fused(p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight");
            layers.add(new Layer(ld.tensor(p + "input_layernorm.weight"), ld.tensor(p + "post_attention_layernorm.weight"),
                    inputMajor(qkv), inputMajor(ld.tensor(p + "self_attn.o_proj.weight")), inputMajor(gu),
                    inputMajor(ld.tensor(p + "mlp.down_proj.weight"))));
            progress.onProgress("weights", 0.1 + 0.85 * (i + 1) / c.numLayers());
        }
        NDArray norm = ld.tensor("model.norm.weight");
        if (tied) {
            return new LlamaWeights(null, layers, norm, inputMajor(embed));
        }
        return new LlamaWeights(embed, layers, norm, inputMajor(ld.tensor("lm_head.weight")));
    }

    /** The rows of {@code ids} of the embedding table, {@code [t, hidden]}, owned by {@code step}. */
    NDArray embedRows(NDArray ids, NDManager step) {
        NDArray rows = embed != null ? embed.get(new NDIndex("{}", ids)) : lmHeadT.get(new NDIndex(":, {}", ids));
        rows.attach(step);
        return embed != null ? rows : rows.transpose();
    }

    /**
     * {@code w^T} of an {@code [out, in]} weight as a contiguous {@code [in, out]} array; {@code w} is closed.
     * ({@code flatten} of the transposed view is what copies: a view cannot be flattened.)
     */
    private static NDArray inputMajor(NDArray w) {
        Shape s = w.getShape();
        NDArray view = w.transpose();
        NDArray flat = view.flatten();
        NDArray out = flat.reshape(s.get(1), s.get(0));
        flat.close();
        view.close();
        w.close();
        return out;
    }

    /** Copies tensors from the mapped files into device arrays of the compute dtype. */
    private static final class Loader {
        private final ModelFolder folder;
        private final NDManager m;
        private final DataType dt;
        private ByteBuffer scratch;

        Loader(ModelFolder folder, NDManager m, DataType dt) {
            this.folder = folder;
            this.m = m;
            this.dt = dt;
        }

        NDArray fused(String... names) throws ModelLoadException {
            NDList parts = new NDList();
            for (String n : names) {
                parts.add(tensor(n));
            }
            NDArray out = NDArrays.concat(parts, 0);
            parts.close();
            return out;
        }

        NDArray tensor(String name) throws ModelLoadException {
            TensorInfo t = folder.tensors().get(name);
            ByteBuffer src = SafetensorsFile.map(t);
            long rows = t.shape().length == 0 ? 1 : t.shape()[0];
            long rowElems = t.numel() / Math.max(1, rows);
            int outBytes = dt == DataType.FLOAT32 ? 4 : 2;
            long rowsPerChunk = Math.max(1, chunkBytes / Math.max(1, rowElems * outBytes));
            NDList chunks = new NDList();
            for (long r0 = 0; r0 < rows; r0 += rowsPerChunk) {
                long r1 = Math.min(rows, r0 + rowsPerChunk);
                chunks.add(chunk(t, src, r0, r1, rowElems, outBytes));
            }
            if (chunks.size() == 1) {
                return chunks.get(0);
            }
            NDArray out = NDArrays.concat(chunks, 0);
            chunks.close();
            return out;
        }

        private NDArray chunk(TensorInfo t, ByteBuffer src, long r0, long r1, long rowElems, int outBytes) {
            int n = Math.toIntExact((r1 - r0) * rowElems);
            int need = n * outBytes;
            if (scratch == null || scratch.capacity() < need) {
                scratch = ByteBuffer.allocateDirect(need).order(ByteOrder.nativeOrder());
            }
            ByteBuffer out = scratch.duplicate().order(ByteOrder.nativeOrder());
            out.clear().limit(need);
            int base = Math.toIntExact(r0 * rowElems * t.dtype().bytes());
            if (t.dtype() == StDType.F32 && outBytes == 4) {
                ByteBuffer in = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                in.position(base).limit(base + 4 * n);
                out.asFloatBuffer().put(in.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
            } else {
                // element-wise conversion (BF16/F16 -> F32, or anything -> F16), in parallel blocks
                IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(b -> {
                    int end = Math.min(n, (b + 1) * BLOCK);
                    for (int i = b * BLOCK; i < end; i++) {
                        float f = switch (t.dtype()) {
                            case F32 -> src.getFloat(base + 4 * i);
                            case F16 -> HalfFloats.f16ToFloat(src.getShort(base + 2 * i));
                            case BF16 -> HalfFloats.bf16ToFloat(src.getShort(base + 2 * i));
                        };
                        if (outBytes == 4) {
                            out.putFloat(4 * i, f);
                        } else {
                            out.putShort(2 * i, HalfFloats.floatToF16(f));
                        }
                    }
                });
            }
            long[] shape = t.shape().clone();
            if (shape.length > 0) {
                shape[0] = r1 - r0;
            }
            NDArray a = m.create(out, new Shape(shape), dt);
            if (m.getDevice().isGpu()) {
                return a; // already copied to the device
            }
            // on CPU the array wraps the reused scratch buffer: make it own its memory
            NDArray owned = a.duplicate();
            a.close();
            return owned;
        }
    }
}
