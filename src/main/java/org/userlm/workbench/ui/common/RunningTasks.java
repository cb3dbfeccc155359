package org.userlm.workbench.ui.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The background tasks of the window that run longer than a second, for the status bar: one shared place instead
 * of a spinner in every view. A task that reports progress ({@link BackgroundTask#withProgress}) gets a determinate
 * bar, others an indeterminate one; the bar goes when the last one ends. Tasks marked with
 * {@link BackgroundTask#notifies} also end with a corner notification. FX thread only; the progress the workers
 * write is sampled five times a second, never pushed per update.
 */
public final class RunningTasks implements TaskObserver {
    static final long SHOW_AFTER_MS = 1000;
    private final Map<BackgroundTask<?>, Long> started = new LinkedHashMap<>();
    private final LongSupplier clock;
    private final Supplier<Window> owner;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final Timeline pulse = new Timeline(new KeyFrame(Duration.millis(200), e -> refresh()));

    /** Notifications go over {@code owner}'s window (nothing shows while it is null). */
    public RunningTasks(Supplier<Window> owner) {
        this(owner, System::currentTimeMillis);
    }

    RunningTasks(Supplier<Window> owner, LongSupplier clock) {
        this.owner = owner;
        this.clock = clock;
        pulse.setCycleCount(Animation.INDEFINITE);
    }

    @Override
    public void started(BackgroundTask<?> task) {
        started.put(task, clock.getAsLong());
        if (pulse.getStatus() != Animation.Status.RUNNING) {
            pulse.play();
        }
    }

    @Override
    public <V> void ended(BackgroundTask<V> task, V value, Throwable failure) {
        started.remove(task);
        if (started.isEmpty()) {
            pulse.stop();
        }
        refresh();
        if (task.notice() != null) {
            Notify.show(owner.get(), failure == null ? task.notice() : task.notice() + " failed",
                    failure == null ? task.noticeText(value) : Messages.shortMessage(failure), failure != null);
        }
    }

    /** Re-reads which tasks have run long enough to show, and their progress. */
    void refresh() {
        long now = clock.getAsLong();
        BackgroundTask<?> first = null;
        int shown = 0;
        for (var e : started.entrySet()) {
            if (now - e.getValue() >= SHOW_AFTER_MS) {
                first = first == null ? e.getKey() : first;
                shown++;
            }
        }
        busy.set(first != null);
        label.set(first == null ? "" : shown == 1 ? first.label() : first.label() + " (+" + (shown - 1) + " more)");
        progress.set(first == null ? 0 : shown == 1 && first.progress() >= 0 ? first.progress() : -1);
    }

    /** True while a task has run longer than a second. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The fraction done of the one long task, -1 (indeterminate) for several or unknown, 0 when none. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What runs, as the status bar says it ("Importing tasks…"), or empty. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /**
     * Drives {@code bar}: while a task runs long, its label and progress; otherwise {@code text} and
     * {@code otherProgress} (the workspace's own status, e.g. the conversation's).
     */
    public void drive(StatusBar bar, ObservableValue<String> text, ObservableValue<Number> otherProgress) {
        bar.textProperty().bind(Bindings.createStringBinding(() -> busy.get() ? label.get() : text.getValue(),
                busy, label, text));
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> busy.get() ? progress.get()
                : otherProgress.getValue() == null ? 0 : otherProgress.getValue().doubleValue(), busy, progress,
                otherProgress));
    }
}
