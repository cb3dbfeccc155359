package org.userlm.workbench.evaluation;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the Python code sandbox.
 *
 * @param python           the Python executable ({@code python3} on the PATH by default, or the
 *                         {@code userlm.python} system property)
 * @param perTestTimeout   wall-clock limit of one test (LiC: 6 s)
 * @param memoryBytes      address-space cap applied with {@code RLIMIT_AS} (LiC: 4 GB); 0 = none
 * @param networkNamespace also run inside a fresh network namespace ({@code unshare -rn}) when that works
 *                         here; never required (sockets are blocked in the harness regardless)
 */
public record SandboxSettings(String python, Duration perTestTimeout, long memoryBytes, boolean networkNamespace) {
    /** Default per-test timeout (6 s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);
    /** Default memory cap (4 GB). */
    public static final long DEFAULT_MEMORY_BYTES = 4L << 30;

    public SandboxSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(perTestTimeout, "perTestTimeout");
        if (perTestTimeout.isNegative() || perTestTimeout.isZero()) {
            throw new IllegalArgumentException("perTestTimeout must be positive");
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0");
        }
    }

    /** The LiC defaults: 6 s per test, 4 GB, python from {@code userlm.python} or {@code python3}. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(System.getProperty("userlm.python", "python3"), DEFAULT_TIMEOUT,
                DEFAULT_MEMORY_BYTES, true);
    }

    /** A copy with another per-test timeout. */
    public SandboxSettings withTimeout(Duration timeout) {
        return new SandboxSettings(python, timeout, memoryBytes, networkNamespace);
    }

    /** A copy with another memory cap in bytes. */
    public SandboxSettings withMemoryBytes(long bytes) {
        return new SandboxSettings(python, perTestTimeout, bytes, networkNamespace);
    }
}
