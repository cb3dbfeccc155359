package org.userlm.workbench.simulation.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of a running experiment (this shard), for progress lines and the live view.
 *
 * @param experimentId  the experiment
 * @param state         running, paused, cancelled or done
 * @param total         slots of this shard
 * @param finished      slots done or failed (earlier runs included)
 * @param failed        failed slots
 * @param running       conversations in flight
 * @param cells         per-cell counts, by cell index
 * @param errorsByKind  errors seen by kind (retried ones included)
 * @param retries       requests retried
 * @param perMinute     conversations finished per minute in this process (NaN before the first)
 * @param etaSeconds    estimated seconds left (NaN when unknown)
 */
public record ExperimentProgress(String experimentId, State state, int total, int finished, int failed, int running,
                                 List<CellCount> cells, Map<String, Long> errorsByKind, long retries,
                                 double perMinute, double etaSeconds) {

    /** What the runner is doing. */
    public enum State { RUNNING, PAUSED, CANCELLED, DONE }

    /**
     * Counts of one cell.
     *
     * @param cell     cell index
     * @param finished done + failed
     * @param solved   done and graded correct
     * @param failed   failed
     * @param total    planned for this shard
     */
    public record CellCount(int cell, int finished, int solved, int failed, int total) {
    }

    public ExperimentProgress {
        cells = List.copyOf(cells);
        errorsByKind = Map.copyOf(errorsByKind);
    }

    /** One progress line: {@code 120/360 done, 3 failed, 42.0 conv/min, ETA 5m 43s}. */
    public String line() {
        String eta = Double.isNaN(etaSeconds) ? "?" : String.format(Locale.ROOT, "%dm %02ds",
                (long) etaSeconds / 60, (long) etaSeconds % 60);
        return String.format(Locale.ROOT, "%d/%d done, %d failed, %.1f conv/min, ETA %s%s", finished,
                total, failed, perMinute, eta, errorsByKind.isEmpty() ? "" : ", errors " + errorsByKind);
    }
}
