package org.userlm.workbench.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A piece of background work and what to do on the UI thread around it. Build one with {@link #wrap}, add
 * callbacks, then hand it to a {@link TaskExecutor}:
 * <pre>{@code
 * BackgroundTask.wrap(() -> repository.search(query))
 *         .onSuccess(rows::setAll)
 *         .onFailure(e -> message.set(e.getMessage()))
 *         .executeWith(executor);
 * }</pre>
 * Failures are logged (with their cause) by the executor, once; {@code onFailure} only shows them.
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {
    private final Callable<V> work;
    private Runnable onRunning = () -> { };
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onFinished = () -> { };
    private String description;

    private BackgroundTask(Callable<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    /** A task that computes a value. */
    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        return new BackgroundTask<>(work);
    }

    /** A task run for its effect. */
    public static BackgroundTask<Void> wrap(Runnable work) {
        Objects.requireNonNull(work);
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Called on the UI thread before the work starts (e.g. to show a spinner). */
    public BackgroundTask<V> onRunning(Runnable r) {
        this.onRunning = Objects.requireNonNull(r);
        return this;
    }

    /** Called on the UI thread with the result. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /** Called on the UI thread with the failure. */
    public BackgroundTask<V> onFailure(Consumer<Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /** Called on the UI thread after {@code onSuccess} or {@code onFailure}. */
    public BackgroundTask<V> onFinished(Runnable r) {
        this.onFinished = Objects.requireNonNull(r);
        return this;
    }

    /** What the task does, for the log when it fails. */
    public BackgroundTask<V> describedAs(String what) {
        this.description = what;
        return this;
    }

    /** Hands the task to {@code executor}. */
    public Future<V> executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    String description() {
        return description == null ? "background task" : description;
    }

    V call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(V value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable e) {
        try {
            onFailure.accept(e);
        } finally {
            onFinished.run();
        }
    }
}
