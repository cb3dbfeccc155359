package org.userlm.workbench.ui.annotation;

import java.util.function.LongSupplier;

/** Done / total items of a queue and the rate of completions since the first one of this session. */
final class Progress {
    private final LongSupplier clock;
    private int total;
    private int done;
    private int sessionDone;
    private long sessionStart = -1;

    Progress(LongSupplier clock) {
        this.clock = clock;
    }

    void reset(int newTotal, int alreadyDone) {
        total = newTotal;
        done = alreadyDone;
    }

    /** An item changed; counts it when it became complete (or uncounts it when an undo made it incomplete). */
    void changed(boolean wasComplete, boolean isComplete) {
        if (sessionStart < 0) {
            sessionStart = clock.getAsLong();
        }
        if (!wasComplete && isComplete) {
            done++;
            sessionDone++;
        } else if (wasComplete && !isComplete) {
            done--;
            sessionDone--;
        }
    }

    int done() {
        return done;
    }

    int total() {
        return total;
    }

    /** Items per hour since the first change of this session, or -1 before a second of data. */
    double perHour() {
        long elapsed = sessionStart < 0 ? 0 : clock.getAsLong() - sessionStart;
        return elapsed < 1_000 ? -1 : sessionDone * 3_600_000.0 / elapsed;
    }

    String text() {
        double rate = perHour();
        return done + " / " + total + " · " + (rate < 0 ? "–" : Long.toString(Math.round(rate))) + " per hour";
    }
}
