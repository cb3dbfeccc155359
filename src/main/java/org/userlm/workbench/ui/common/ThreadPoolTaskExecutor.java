package org.userlm.workbench.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's {@link TaskExecutor}: a cached pool of daemon threads ({@code workbench-bg-N}) for short work, one
 * thread per long job, and {@code uiThread} ({@code Platform::runLater}) for the callbacks.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);
    private final ExecutorService pool;
    private final Executor uiThread;

    public ThreadPoolTaskExecutor(Executor uiThread) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "workbench-bg-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.uiThread = uiThread;
    }

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        CompletableFuture<V> result = new CompletableFuture<>();
        if (pool.isShutdown()) {
            result.cancel(false);
            return result;
        }
        uiThread.execute(task::running);
        try {
            pool.execute(() -> {
                V value;
                try {
                    value = task.call();
                } catch (Exception | Error e) {
                    LOG.warn("{} failed", task.description(), e);
                    result.completeExceptionally(e);
                    uiThread.execute(() -> task.failed(e));
                    return;
                }
                result.complete(value);
                uiThread.execute(() -> task.succeeded(value));
            });
        } catch (RejectedExecutionException closing) {
            result.cancel(false);
        }
        return result;
    }

    @Override
    public void spawn(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                LOG.error("{} stopped with an error", name, e);
                throw e;
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void runOnUi(Runnable r) {
        uiThread.execute(r);
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
