package org.userlm.workbench.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

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
    private String notice;
    private Function<? super V, String> noticeText = v -> "";
    /** Fraction done as the work reports it, or -1 when unknown; read by {@link RunningTasks} a few times a second. */
    private volatile double progress = -1;

    private BackgroundTask(Callable<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    /** A task that computes a value. */
    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        return new BackgroundTask<>(work);
    }

    /** Work that reports how far it is (a fraction 0..1, from its own thread, as often as it likes). */
    @FunctionalInterface
    public interface ProgressWork<V> {
        V call(DoubleConsumer progress) throws Exception;
    }

    /**
     * A task whose work reports its progress; the status bar shows a determinate bar for it when it runs longer
     * than a second (others get an indeterminate one).
     */
    public static <V> BackgroundTask<V> withProgress(ProgressWork<V> work) {
        Objects.requireNonNull(work);
        DoubleConsumer[] sink = new DoubleConsumer[1];
        BackgroundTask<V> task = new BackgroundTask<>(() -> work.call(sink[0]));
        sink[0] = p -> task.progress = Math.max(0, Math.min(1, p));
        return task;
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

    /**
     * Shows a corner notification titled {@code title} when the task ends (with {@code text} of the result), or
     * "{@code title} failed" with the reason: for imports, exports and runs the user may not be watching.
     */
    public BackgroundTask<V> notifies(String title, Function<? super V, String> text) {
        this.notice = Objects.requireNonNull(title);
        this.noticeText = Objects.requireNonNull(text);
        return this;
    }

    /** Hands the task to {@code executor}. */
    public Future<V> executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    String description() {
        return description == null ? "background task" : description;
    }

    /** What the status bar says while it runs: the description as a sentence, or "Working". */
    public String label() {
        return description == null || description.isBlank() ? "Working…"
                : Character.toUpperCase(description.charAt(0)) + description.substring(1) + "…";
    }

    double progress() {
        return progress;
    }

    String notice() {
        return notice;
    }

    String noticeText(V value) {
        return noticeText.apply(value);
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
