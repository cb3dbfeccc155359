package org.userlm.workbench.inference.openai;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action once when {@link #touch()} has not been called for the idle time. Used to close a response
 * stream that stopped delivering bytes, which unblocks the reading thread. Thread-safe.
 */
final class IdleWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openai-idle-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final long idleNanos;
    private final Runnable onIdle;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> pending;

    IdleWatchdog(Duration idle, Runnable onIdle) {
        this.idleNanos = idle.toNanos();
        this.onIdle = onIdle;
        schedule(idleNanos);
    }

    /** Records activity (bytes arrived). */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Whether the idle action ran. */
    boolean fired() {
        return fired.get();
    }

    private void schedule(long delayNanos) {
        if (!closed) {
            pending = SCHEDULER.schedule(this::check, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        if (closed) {
            return;
        }
        long idleFor = System.nanoTime() - lastActivity;
        if (idleFor < idleNanos) {
            schedule(idleNanos - idleFor);
        } else if (fired.compareAndSet(false, true)) {
            onIdle.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
    }
}
