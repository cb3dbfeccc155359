package org.userlm.workbench.inference.djl;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory a model needs before it is loaded: parameters in the compute dtype, the KV cache
 * (layers x 2 x kvHeads x headDim x maxSeq x bytes), the largest transient conversion chunk and a margin.
 *
 * @param weightBytes  weights in the compute dtype
 * @param kvBytes      KV cache
 * @param totalBytes   weights + cache + 10% + 512 MiB of working memory
 */
public record MemoryEstimate(long weightBytes, long kvBytes, long totalBytes) {
    private static final double GB = 1e9;

    /** Estimates for a config, a compute dtype size and a cache length. */
    public static MemoryEstimate of(LlamaConfig c, long parameters, int dtypeBytes, int maxSeq) {
        long w = parameters * dtypeBytes;
        long kv = (long) c.numLayers() * 2 * c.numKvHeads() * c.headDim() * (long) maxSeq * dtypeBytes;
        long total = (long) ((w + kv) * 1.1) + (512L << 20);
        return new MemoryEstimate(w, kv, total);
    }

    /**
     * Memory available to a new process: Linux {@code MemAvailable} (free plus reclaimable page cache), else the
     * JVM's free physical memory, or -1 when unknown.
     */
    public static long freeHostBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: fall back to the MXBean
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return -1;
    }

    /** Throws when the model does not fit in {@code freeBytes} (negative = unknown, no check). */
    public void check(long freeBytes, String where) throws ModelLoadException {
        if (freeBytes >= 0 && totalBytes > freeBytes) {
            throw new ModelLoadException(String.format(Locale.ROOT,
                    "the model needs %.1f GB on %s (weights %.1f GB + KV cache %.1f GB + margin), %.1f GB free; "
                            + "use a GPU, a shorter context (maxSeqLen) or a smaller model",
                    totalBytes / GB, where, weightBytes / GB, kvBytes / GB, freeBytes / GB));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f GB (weights %.2f GB, KV cache %.2f GB)", totalBytes / GB,
                weightBytes / GB, kvBytes / GB);
    }
}
