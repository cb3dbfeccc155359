package org.userlm.workbench.simulation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.domain.ExperimentSlot.SlotStatus;

/** Counts finished slots per cell and the pace of this process. Thread-safe (synchronised, tiny critical sections). */
final class ProgressTracker {
    private final String experimentId;
    private final ErrorCounts errors;
    private final ExperimentHandle handle;
    private final int[] total;
    private final int[] finished;
    private final int[] solved;
    private final int[] failed;
    private final long startedAt = System.nanoTime();
    private int finishedHere;
    private int running;
    private ExperimentProgress.State end;

    ProgressTracker(String experimentId, ExperimentPlan plan, List<ExperimentSlot> stored, ErrorCounts errors,
                    ExperimentHandle handle) {
        this.experimentId = experimentId;
        this.errors = errors;
        this.handle = handle;
        int n = plan.cells().size();
        total = new int[n];
        finished = new int[n];
        solved = new int[n];
        failed = new int[n];
        for (ExperimentSlot s : stored) {
            if (s.cell() >= n || !plan.shard().owns(s.cell())) {
                continue;
            }
            total[s.cell()]++;
            count(s);
        }
    }

    private void count(ExperimentSlot s) {
        if (s.status() == SlotStatus.DONE || s.status() == SlotStatus.FAILED) {
            finished[s.cell()]++;
        }
        if (s.status() == SlotStatus.FAILED) {
            failed[s.cell()]++;
        }
        if (s.status() == SlotStatus.DONE && Boolean.TRUE.equals(s.solved())) {
            solved[s.cell()]++;
        }
    }

    synchronized void started() {
        running++;
    }

    synchronized void cancelled() {
        running--;
    }

    synchronized void finished(ExperimentSlot s) {
        running--;
        finishedHere++;
        count(s);
    }

    synchronized void finish(ExperimentProgress.State state) {
        end = state;
    }

    synchronized ExperimentProgress snapshot() {
        int tot = 0;
        int fin = 0;
        int fail = 0;
        List<ExperimentProgress.CellCount> cells = new ArrayList<>();
        for (int i = 0; i < total.length; i++) {
            tot += total[i];
            fin += finished[i];
            fail += failed[i];
            if (total[i] > 0) {
                cells.add(new ExperimentProgress.CellCount(i, finished[i], solved[i], failed[i], total[i]));
            }
        }
        double minutes = (System.nanoTime() - startedAt) / 6e10;
        double perMinute = finishedHere == 0 ? Double.NaN : finishedHere / minutes;
        double eta = Double.isNaN(perMinute) || perMinute <= 0 ? Double.NaN : (tot - fin) / perMinute * 60;
        ExperimentProgress.State state = end != null ? end
                : handle.isPaused() ? ExperimentProgress.State.PAUSED : ExperimentProgress.State.RUNNING;
        return new ExperimentProgress(experimentId, state, tot, fin, fail, running, cells, errors.snapshot(),
                errors.retries(), perMinute, eta);
    }
}
