package org.userlm.workbench.inference.djl;

import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How many intra-op threads PyTorch uses for CPU inference. PyTorch's OpenMP threads meet at a barrier after every
 * op, so a step is as slow as its slowest thread: one thread that shares its core with a busy process stalls all of
 * them. On a shared 2-core machine, 2 threads decoded the 30M model 4.5-18x slower than 1 thread while other processes
 * were busy (docs/performance.md, "Threads under load"). The automatic choice therefore takes only the cores that the
 * load average says are free when the model loads: {@code floor(cores - load)}, at least 1 and at most cores - 1 (one
 * core stays with the UI and the OS).
 *
 * <p>Overrides, strongest first: {@link LoadOptions#threads()} ({@code --threads} on the command line), the system
 * property {@value #PROPERTY}, then DJL's own {@code -Dai.djl.pytorch.num_threads} or {@code OMP_NUM_THREADS} as the
 * user started the JVM with them.
 */
final class CpuThreads {
    /** System property with a fixed thread count for every local model, e.g. {@code -Duserlm.threads=4}. */
    static final String PROPERTY = "userlm.threads";
    private static final String DJL_PROPERTY = "ai.djl.pytorch.num_threads";
    /** DJL's property as the JVM was started, read before {@link #beforeEngineStart} may write it. */
    private static final String USER_DJL = System.getProperty(DJL_PROPERTY);

    private CpuThreads() {
    }

    /**
     * A thread count and why it was chosen.
     *
     * @param threads intra-op threads
     * @param reason  one line for the bench output and the log
     */
    record Choice(int threads, String reason) {
    }

    /**
     * The choice for this machine now.
     *
     * @param requested threads from {@link LoadOptions}, 0 = decide
     */
    static Choice choose(int requested) {
        return choose(requested, Integer.getInteger(PROPERTY, 0), USER_DJL, System.getenv("OMP_NUM_THREADS"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    /** The policy with every input given (tests). Unparseable overrides are ignored. */
    static Choice choose(int requested, int property, String djlProperty, String ompEnv, int cores, double load) {
        if (requested > 0) {
            return new Choice(requested, "set with --threads");
        }
        if (property > 0) {
            return new Choice(property, "set by -D" + PROPERTY);
        }
        int djl = positive(djlProperty);
        if (djl > 0) {
            return new Choice(djl, "set by -D" + DJL_PROPERTY);
        }
        int omp = positive(ompEnv);
        if (omp > 0) {
            return new Choice(omp, "set by OMP_NUM_THREADS");
        }
        int most = Math.max(1, cores - 1);
        if (load < 0) {
            return new Choice(most, String.format(Locale.ROOT, "auto: %d cores, load average unknown, cores - 1",
                    cores));
        }
        int free = (int) Math.floor(cores - load);
        int n = Math.max(1, Math.min(most, free));
        return new Choice(n, String.format(Locale.ROOT, "auto: %d cores, 1-minute load average %.2f; floor(cores -"
                + " load) = %d, kept within 1..%d", cores, load, free, most));
    }

    /**
     * Before the first engine start in this JVM: DJL reads its property once when PyTorch starts; give it the
     * automatic count unless the user set one, so threads PyTorch starts for other callers follow the same rule.
     */
    static void beforeEngineStart() {
        if (USER_DJL == null && System.getenv("OMP_NUM_THREADS") == null) {
            System.setProperty(DJL_PROPERTY, String.valueOf(choose(0).threads()));
        }
    }

    /**
     * Chooses and sets the count for the calling thread's PyTorch ops; call it on the model's worker thread (OpenMP
     * keeps the count per calling thread) after the engine has started.
     */
    static Choice apply(int requested) {
        Choice c = choose(requested);
        JniUtils.setNumThreads(c.threads());
        return c;
    }

    /** The 1-minute load average, or -1 where the platform does not have one (Windows). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int positive(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
