package org.userlm.workbench.simulation.experiment;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.userlm.workbench.simulation.RunControl;

/**
 * Controls a running experiment. Pause lets every conversation finish its current turn and then wait, and starts no
 * new one; cancel stops every conversation at once (the unfinished ones are planned again, their partial text
 * discarded) and ends the run. Thread-safe: the UI calls it from the FX thread.
 */
public final class ExperimentHandle {
    private final String experimentId;
    private final Set<RunControl> active = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<ExperimentProgress> done = new CompletableFuture<>();
    private volatile Supplier<ExperimentProgress> progress;
    private volatile Runnable onStateChange = () -> { };
    private boolean paused;
    private volatile boolean cancelled;

    ExperimentHandle(String experimentId) {
        this.experimentId = experimentId;
    }

    public String experimentId() {
        return experimentId;
    }

    /** Completes with the final progress when the run ends (all done, or cancelled). */
    public CompletableFuture<ExperimentProgress> done() {
        return done;
    }

    /** The current progress. */
    public ExperimentProgress progress() {
        Supplier<ExperimentProgress> p = progress;
        return p == null ? null : p.get();
    }

    public void pause() {
        synchronized (this) {
            paused = true;
        }
        active.forEach(RunControl::pause);
        onStateChange.run();
    }

    public void resume() {
        synchronized (this) {
            paused = false;
            notifyAll();
        }
        active.forEach(RunControl::resume);
        onStateChange.run();
    }

    public void cancel() {
        cancelled = true;
        synchronized (this) {
            notifyAll();
        }
        active.forEach(RunControl::stop);
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Blocks while paused; false once cancelled. */
    synchronized boolean awaitRunnable() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }

    RunControl newControl() {
        RunControl c = new RunControl();
        active.add(c);
        if (isPaused()) {
            c.pause();
        }
        if (cancelled) {
            c.stop();
        }
        return c;
    }

    void release(RunControl c) {
        active.remove(c);
    }

    void progressSource(Supplier<ExperimentProgress> source, Runnable stateChange) {
        this.progress = source;
        this.onStateChange = stateChange;
    }

    void complete(ExperimentProgress p) {
        done.complete(p);
    }

    void fail(Throwable t) {
        done.completeExceptionally(t);
    }
}
