package org.userlm.workbench.storage.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps SQLite off threads that must never wait on it (the FX thread). Storage does not know JavaFX: the
 * application installs the check ({@code Platform::isFxApplicationThread}); tests install it too and fail on any
 * recorded violation. In the app a violation is logged with its call site; with {@code strict} it also throws.
 */
public final class ThreadGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadGuard.class);
    private static volatile BooleanSupplier forbidden = () -> false;
    private static volatile boolean strict;
    private static final List<IllegalStateException> VIOLATIONS = new ArrayList<>();

    private ThreadGuard() {
    }

    /** From now on, database calls on a thread for which {@code forbiddenThread} is true are violations. */
    public static void install(BooleanSupplier forbiddenThread, boolean throwOnViolation) {
        forbidden = forbiddenThread;
        strict = throwOnViolation;
    }

    /** Violations recorded since the last call, cleared. */
    public static List<IllegalStateException> drainViolations() {
        synchronized (VIOLATIONS) {
            List<IllegalStateException> v = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return v;
        }
    }

    static void check(String operation, Object file) {
        if (!forbidden.getAsBoolean()) {
            return;
        }
        IllegalStateException e = new IllegalStateException("SQLite " + operation + " of " + file + " on "
                + Thread.currentThread().getName() + ": run it through the task executor");
        synchronized (VIOLATIONS) {
            VIOLATIONS.add(e);
        }
        LOG.error("database access on a UI thread", e);
        if (strict) {
            throw e;
        }
    }
}
