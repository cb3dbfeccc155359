package org.userlm.workbench.inference.djl;

/**
 * How to load a local model.
 *
 * @param device       {@code auto} (GPU when DJL sees one, else CPU), {@code cpu} or {@code gpu}; the system
 *                     property {@code userlm.device} overrides {@code auto}
 * @param maxSeqLen    KV-cache length in tokens (prompt + generated); 0 means min(max_position_embeddings, 8192)
 * @param checkMemory  refuse to load when the estimate does not fit in free memory
 * @param threads      PyTorch intra-op threads on the CPU; 0 = automatic (see {@link CpuThreads})
 */
public record LoadOptions(String device, int maxSeqLen, boolean checkMemory, int threads) {
    public LoadOptions {
        device = device == null || device.isBlank() ? "auto" : device;
        if (maxSeqLen < 0) {
            throw new IllegalArgumentException("maxSeqLen must be >= 0");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = automatic)");
        }
    }

    /** Automatic thread count. */
    public LoadOptions(String device, int maxSeqLen, boolean checkMemory) {
        this(device, maxSeqLen, checkMemory, 0);
    }

    /** Auto device, default cache length, memory check on. */
    public static LoadOptions defaults() {
        return new LoadOptions("auto", 0, true);
    }

    /** A copy with another cache length. */
    public LoadOptions withMaxSeqLen(int n) {
        return new LoadOptions(device, n, checkMemory, threads);
    }

    /** A copy with another device. */
    public LoadOptions withDevice(String d) {
        return new LoadOptions(d, maxSeqLen, checkMemory, threads);
    }

    /** A copy with another thread count (0 = automatic). */
    public LoadOptions withThreads(int n) {
        return new LoadOptions(device, maxSeqLen, checkMemory, n);
    }
}
