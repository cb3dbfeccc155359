package org.userlm.workbench.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs blocking work (network, SQLite, file parsing) off the FX thread and hands the result back through an
 * {@code fxExecutor} ({@code Platform::runLater} in the app, a direct executor in view-model tests).
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private final ExecutorService pool;
    private final Executor fx;

    public Background(Executor fxExecutor) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.fx = fxExecutor;
    }

    /** Runs {@code work} in the background, then {@code onDone} or {@code onError} on the FX thread. */
    public <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        if (pool.isShutdown()) {
            return; // the window is closing: late refreshes have nowhere to go
        }
        pool.execute(() -> {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException | Error e) {
                LOG.warn("background task failed", e);
                fx.execute(() -> onError.accept(e));
                return;
            }
            fx.execute(() -> onDone.accept(value));
        });
    }

    /** Runs a long task (a conversation) on its own daemon thread. */
    public void spawn(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** Hands a result to the FX thread. */
    public void fx(Runnable r) {
        fx.execute(r);
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
