package org.userlm.workbench.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TaskExecutor} that runs everything at once on the caller's thread, callbacks included: view-model tests
 * get results before {@code execute} returns, with no waiting and no FX toolkit.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentThreadTaskExecutor.class);
    private final TaskObserver observer;
    private volatile boolean shutdown;

    public CurrentThreadTaskExecutor() {
        this(TaskObserver.NONE);
    }

    /** The same, telling {@code observer} when each task starts and ends, as the window's executor does. */
    public CurrentThreadTaskExecutor(TaskObserver observer) {
        this.observer = observer;
    }

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        CompletableFuture<V> result = new CompletableFuture<>();
        if (shutdown) {
            result.cancel(false);
            return result;
        }
        observer.started(task);
        task.running();
        V value;
        try {
            value = task.call();
        } catch (Exception | Error e) {
            LOG.warn("{} failed", task.description(), e);
            result.completeExceptionally(e);
            observer.ended(task, null, e); // before the callbacks, as the window's executor does
            task.failed(e);
            return result;
        }
        result.complete(value);
        observer.ended(task, value, null);
        task.succeeded(value);
        return result;
    }

    /** Everything already runs in order here. */
    @Override
    public TaskExecutor inOrder(String name) {
        return this;
    }

    @Override
    public void spawn(String name, Runnable work) {
        if (!shutdown) {
            work.run();
        }
    }

    @Override
    public void runOnUi(Runnable r) {
        r.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }
}
