package org.userlm.workbench.models;

import java.util.Locale;
import org.userlm.workbench.models.ModelDescriptor.Architecture;
import org.userlm.workbench.models.ModelDescriptor.MemoryFigure;

/**
 * Memory figures computed from a model's shape, by the same rule the engine checks before loading
 * ({@code inference.djl.MemoryEstimate}): weights in the compute dtype, plus the KV cache, plus 10%, plus 512 MiB.
 * Kept separate from the engine so the UI can show the figures without loading DJL.
 */
public final class ModelMemory {
    private static final double GB = 1e9;

    private ModelMemory() {
    }

    /** Parameter count of a Llama-shaped model (no biases). */
    public static long parameters(Architecture a) {
        long h = a.hiddenSize();
        long perLayer = 2 * h * a.numHeads() * a.headDim() + 2 * h * a.numKvHeads() * a.headDim()
                + 3 * h * a.intermediateSize() + 2 * h;
        long embeddings = (long) a.vocabSize() * h * (a.tieWordEmbeddings() ? 1 : 2);
        return a.numLayers() * perLayer + embeddings + h;
    }

    /** Bytes of the KV cache for {@code tokens} positions at {@code bytesPerValue}. */
    public static long kvCacheBytes(Architecture a, int tokens, int bytesPerValue) {
        return (long) a.numLayers() * 2 * a.numKvHeads() * a.headDim() * (long) tokens * bytesPerValue;
    }

    /** Total bytes: (weights + KV cache) x 1.1 + 512 MiB. */
    public static long totalBytes(long parameters, Architecture a, int tokens, int bytesPerValue) {
        long w = parameters * bytesPerValue;
        return (long) ((w + kvCacheBytes(a, tokens, bytesPerValue)) * 1.1) + (512L << 20);
    }

    /** Bytes per value of a dtype name (F32, F16, BF16). */
    public static int bytesPer(String dtype) {
        return switch (dtype.toUpperCase(Locale.ROOT)) {
            case "F32", "FLOAT32" -> 4;
            case "F16", "FLOAT16", "BF16", "BFLOAT16" -> 2;
            default -> throw new IllegalArgumentException("unknown dtype " + dtype);
        };
    }

    /** The figure for a device and dtype, rounded to 0.01 GB as the descriptors store it. */
    public static MemoryFigure figure(long parameters, Architecture a, int tokens, String device, String dtype) {
        int b = bytesPer(dtype);
        return new MemoryFigure(device, dtype, round(parameters * (double) b), round(kvCacheBytes(a, tokens, b)),
                round(totalBytes(parameters, a, tokens, b)));
    }

    private static double round(double bytes) {
        return Math.round(bytes / GB * 100) / 100.0;
    }
}
