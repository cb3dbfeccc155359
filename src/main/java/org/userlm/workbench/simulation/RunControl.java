package org.userlm.workbench.simulation;

import org.userlm.workbench.inference.CancellationToken;

/**
 * Start/pause/step/stop for one running conversation. Pause lets the current turn finish, then waits; Step allows
 * one more turn while paused; Stop cancels at once and keeps partial text. Thread-safe: the UI calls it from the FX
 * thread, the runner waits in {@link #awaitTurnPermit()} on its own thread.
 */
public final class RunControl {
    private final CancellationToken cancel = new CancellationToken();
    private boolean paused;
    private int steps;
    private boolean waiting;

    public RunControl() {
        cancel.onCancel(this::wake);
    }

    /** A control that starts paused (the first turn waits for {@link #step()} or {@link #resume()}). */
    public static RunControl startPaused() {
        RunControl c = new RunControl();
        c.pause();
        return c;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** While paused: allow exactly one more turn. */
    public synchronized void step() {
        steps++;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** True while the conversation actually waits for a permit (paused between turns), not merely asked to. */
    public synchronized boolean isWaiting() {
        return waiting;
    }

    /** Stops now; the streaming turn keeps its partial text. */
    public void stop() {
        cancel.cancel();
    }

    /** The token generations of this conversation observe. */
    public CancellationToken cancellation() {
        return cancel;
    }

    private synchronized void wake() {
        notifyAll();
    }

    /** Blocks while paused. Returns false when stopped. */
    public synchronized boolean awaitTurnPermit() throws InterruptedException {
        while (!cancel.isCancelled()) {
            if (!paused) {
                return true;
            }
            if (steps > 0) {
                steps--;
                return true;
            }
            waiting = true;
            try {
                wait();
            } finally {
                waiting = false;
            }
        }
        return false;
    }
}
