package org.userlm.workbench.ui.common;

/**
 * Told by the window's {@link TaskExecutor} when a background task starts and ends, on the UI thread; the status
 * bar's {@link RunningTasks} is the one implementation that matters.
 */
public interface TaskObserver {
    /** Observes nothing (view-model tests, executors without a window). */
    TaskObserver NONE = new TaskObserver() {
        @Override
        public void started(BackgroundTask<?> task) {
        }

        @Override
        public <V> void ended(BackgroundTask<V> task, V value, Throwable failure) {
        }
    };

    /** The task is about to run. */
    void started(BackgroundTask<?> task);

    /** The task ended with {@code value}, or with {@code failure} when that is not null. */
    <V> void ended(BackgroundTask<V> task, V value, Throwable failure);
}
