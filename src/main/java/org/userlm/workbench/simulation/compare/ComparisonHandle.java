package org.userlm.workbench.simulation.compare;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.userlm.workbench.simulation.RunControl;

/** A running comparison: its id at once, Stop, and a future of the finished conversations. Thread-safe. */
public final class ComparisonHandle {
    private final String comparisonId;
    private final List<RunControl> controls = new CopyOnWriteArrayList<>();
    private final CompletableFuture<List<CompletedConversation>> done = new CompletableFuture<>();
    private volatile boolean stopped;

    ComparisonHandle(String comparisonId) {
        this.comparisonId = comparisonId;
    }

    /** The id of the stored comparison. */
    public String comparisonId() {
        return comparisonId;
    }

    /** Stops every conversation now; streaming turns keep their partial text. */
    public void stop() {
        stopped = true;
        controls.forEach(RunControl::stop);
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Completes when every conversation has ended (sorted by column, then repeat). */
    public CompletableFuture<List<CompletedConversation>> done() {
        return done;
    }

    RunControl newControl() {
        RunControl c = new RunControl();
        controls.add(c);
        if (stopped) {
            c.stop();
        }
        return c;
    }

    void complete(List<CompletedConversation> results) {
        done.complete(results);
    }

    void fail(Throwable t) {
        done.completeExceptionally(t);
    }
}
