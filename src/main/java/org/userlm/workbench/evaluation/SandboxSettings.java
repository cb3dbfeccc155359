package org.userlm.workbench.evaluation;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the code sandbox ({@link CodeSandbox}).
 *
 * @param python           the Python executable ({@code python3} on the PATH by default, or the
 *                         {@code userlm.python} system property)
 * @param perTestTimeout   wall-clock limit of one test (LiC: 6 s)
 * @param memoryBytes      memory cap (LiC: 4 GB): of the whole process tree where a control group can be made,
 *                         and per process ({@code RLIMIT_AS}) always; 0 = none
 * @param networkNamespace kept for compatibility; the sandbox always has its own empty network namespace
 * @param maxProcesses     most processes the answer's tree may hold at once (control group {@code pids.max})
 * @param maxOutputBytes   most bytes the harness may report before the run is stopped
 * @param allowUnsandboxed the explicit, per-run opt-in to run code without a sandbox where none is available;
 *                         recorded with every result it produces
 */
public record SandboxSettings(String python, Duration perTestTimeout, long memoryBytes, boolean networkNamespace,
                              int maxProcesses, long maxOutputBytes, boolean allowUnsandboxed) {
    /** Default per-test timeout (6 s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);
    /** Default memory cap (4 GB). */
    public static final long DEFAULT_MEMORY_BYTES = 4L << 30;
    /** Default process cap. */
    public static final int DEFAULT_MAX_PROCESSES = 32;
    /** Default cap on what the harness may report (16 MB). */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L << 20;

    public SandboxSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(perTestTimeout, "perTestTimeout");
        if (perTestTimeout.isNegative() || perTestTimeout.isZero()) {
            throw new IllegalArgumentException("perTestTimeout must be positive");
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0");
        }
        if (maxProcesses < 1 || maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxProcesses and maxOutputBytes must be positive");
        }
    }

    /** The earlier four-value form, with the default process and output caps and no unsandboxed opt-in. */
    public SandboxSettings(String python, Duration perTestTimeout, long memoryBytes, boolean networkNamespace) {
        this(python, perTestTimeout, memoryBytes, networkNamespace, DEFAULT_MAX_PROCESSES, DEFAULT_MAX_OUTPUT_BYTES,
                false);
    }

    /** The LiC defaults: 6 s per test, 4 GB, python from {@code userlm.python} or {@code python3}. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(System.getProperty("userlm.python", "python3"), DEFAULT_TIMEOUT,
                DEFAULT_MEMORY_BYTES, true);
    }

    /** A copy with another per-test timeout. */
    public SandboxSettings withTimeout(Duration timeout) {
        return new SandboxSettings(python, timeout, memoryBytes, networkNamespace, maxProcesses, maxOutputBytes,
                allowUnsandboxed);
    }

    /** A copy with another memory cap in bytes. */
    public SandboxSettings withMemoryBytes(long bytes) {
        return new SandboxSettings(python, perTestTimeout, bytes, networkNamespace, maxProcesses, maxOutputBytes,
                allowUnsandboxed);
    }

    /** A copy with another process cap. */
    public SandboxSettings withMaxProcesses(int n) {
        return new SandboxSettings(python, perTestTimeout, memoryBytes, networkNamespace, n, maxOutputBytes,
                allowUnsandboxed);
    }

    /** A copy with another output cap. */
    public SandboxSettings withMaxOutputBytes(long n) {
        return new SandboxSettings(python, perTestTimeout, memoryBytes, networkNamespace, maxProcesses, n,
                allowUnsandboxed);
    }

    /** A copy that may (or may not) run code without a sandbox when none is available. */
    public SandboxSettings withAllowUnsandboxed(boolean allow) {
        return new SandboxSettings(python, perTestTimeout, memoryBytes, networkNamespace, maxProcesses,
                maxOutputBytes, allow);
    }
}
