package org.userlm.workbench.ui.common;

import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way view models run blocking work (network, SQLite, file parsing, conversations) off the FX thread.
 * Results and failures come back on the UI thread. The window uses {@link ThreadPoolTaskExecutor} with
 * {@code Platform::runLater}; view-model tests use {@link CurrentThreadTaskExecutor}, which runs everything at once
 * on the caller's thread.
 */
public interface TaskExecutor {

    /**
     * Runs the task in the background; its {@code onRunning}, {@code onSuccess}/{@code onFailure} and
     * {@code onFinished} callbacks run on the UI thread. After {@link #shutdown()} the task is dropped (the window
     * is closing: late refreshes have nowhere to go) and the returned future is cancelled.
     */
    <V> Future<V> execute(BackgroundTask<V> task);

    /** Shorthand: runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    default <V> Future<V> run(Supplier<V> work, Consumer<V> onSuccess, Consumer<Throwable> onFailure) {
        return run(null, work, onSuccess, onFailure);
    }

    /**
     * The same, with what the status bar says if it runs for more than a second ({@code "loading tasks"} shows as
     * "Loading tasks…"; null: "Working…").
     */
    default <V> Future<V> run(String description, Supplier<V> work, Consumer<V> onSuccess,
            Consumer<Throwable> onFailure) {
        return execute(BackgroundTask.wrap(work::get).describedAs(description).onSuccess(onSuccess)
                .onFailure(onFailure));
    }

    /**
     * An executor whose tasks run one at a time, in the order given, on one thread named {@code name} (writes that
     * must land in order, such as annotation answers); callbacks still run on the UI thread. Shut down with this one.
     */
    TaskExecutor inOrder(String name);

    /** Runs a long job (one conversation, one comparison) on its own named daemon thread. */
    void spawn(String name, Runnable work);

    /** Runs {@code r} on the UI thread (later, unless this is a same-thread executor). */
    void runOnUi(Runnable r);

    /** Stops taking work and interrupts what runs. */
    void shutdown();
}
