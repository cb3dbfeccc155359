package org.userlm.workbench.inference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation shared between the caller and a generation. Backends check {@link #isCancelled()}
 * between tokens and register {@link #onCancel(Runnable)} hooks to close streams at once.
 * Thread-safe.
 */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** Requests cancellation and runs the hooks (on the calling thread). Idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable r : hooks) {
                try {
                    r.run();
                } catch (RuntimeException ignored) {
                    // a hook that fails to close a stream must not stop the others
                }
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Registers a hook; runs it at once if already cancelled. Returns a handle that removes it. */
    public Runnable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }
}
