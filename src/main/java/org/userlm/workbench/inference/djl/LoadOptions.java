package org.userlm.workbench.inference.djl;

/**
 * How to load a local model.
 *
 * @param device       {@code auto} (GPU when DJL sees one, else CPU), {@code cpu} or {@code gpu}; the system
 *                     property {@code userlm.device} overrides {@code auto}
 * @param maxSeqLen    KV-cache length in tokens (prompt + generated); 0 means min(max_position_embeddings, 8192)
 * @param checkMemory  refuse to load when the estimate does not fit in free memory
 */
public record LoadOptions(String device, int maxSeqLen, boolean checkMemory) {
    public LoadOptions {
        device = device == null || device.isBlank() ? "auto" : device;
        if (maxSeqLen < 0) {
            throw new IllegalArgumentException("maxSeqLen must be >= 0");
        }
    }

    /** Auto device, default cache length, memory check on. */
    public static LoadOptions defaults() {
        return new LoadOptions("auto", 0, true);
    }

    /** A copy with another cache length. */
    public LoadOptions withMaxSeqLen(int n) {
        return new LoadOptions(device, n, checkMemory);
    }

    /** A copy with another device. */
    public LoadOptions withDevice(String d) {
        return new LoadOptions(d, maxSeqLen, checkMemory);
    }
}
