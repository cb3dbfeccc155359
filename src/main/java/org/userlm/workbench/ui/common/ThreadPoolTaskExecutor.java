package org.userlm.workbench.ui.common;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * single-thread lane per {@link #inOrder} caller, one thread per long job, and {@code uiThread}
 * ({@code Platform::runLater}) for the callbacks. {@link #shutdown()} interrupts the pool but lets each lane finish
 * what it was given.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);
    private final ExecutorService pool;
    private final Executor uiThread;
    private final List<ThreadPoolTaskExecutor> lanes = new CopyOnWriteArrayList<>();
    private final TaskObserver observer;

    /** Hands callbacks to {@code uiThread} ({@code Platform::runLater} in the window). */
    public ThreadPoolTaskExecutor(Executor uiThread) {
        this(uiThread, TaskObserver.NONE);
    }

    /** The same, telling {@code observer} (on the UI thread) when each task starts and ends: the status bar. */
    public ThreadPoolTaskExecutor(Executor uiThread, TaskObserver observer) {
        this(pool("workbench-bg-"), uiThread, observer);
    }

    private ThreadPoolTaskExecutor(ExecutorService pool, Executor uiThread, TaskObserver observer) {
        this.pool = pool;
        this.uiThread = uiThread;
        this.observer = observer;
    }

    private static ExecutorService pool(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public TaskExecutor inOrder(String name) {
        ThreadPoolTaskExecutor lane = new ThreadPoolTaskExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }), uiThread, observer);
        lanes.add(lane);
        return lane;
    }

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        CompletableFuture<V> result = new CompletableFuture<>();
        if (pool.isShutdown()) {
            result.cancel(false);
            return result;
        }
        uiThread.execute(() -> {
            observer.started(task);
            task.running();
        });
        try {
            pool.execute(() -> {
                V value;
                try {
                    value = task.call();
                } catch (Exception | Error e) {
                    LOG.warn("{} failed", task.description(), e);
                    result.completeExceptionally(e);
                    uiThread.execute(() -> {
                        observer.ended(task, null, e);
                        task.failed(e);
                    });
                    return;
                }
                result.complete(value);
                uiThread.execute(() -> {
                    observer.ended(task, value, null);
                    task.succeeded(value);
                });
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
        // Ordered lanes carry writes (annotation answers): let the queued ones finish, take no new ones.
        lanes.forEach(lane -> lane.pool.shutdown());
    }
}
