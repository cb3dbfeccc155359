package org.userlm.workbench.evaluation.experiment;

import java.util.List;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.evaluation.metrics.Interval;

/**
 * An experiment's results: every cell's metrics and the paired differences between simulators.
 *
 * @param experimentId the experiment
 * @param name         its name
 * @param judgeMethod  {@code judge} or {@code heuristic}
 * @param cells        per cell, in cell order
 * @param paired       per assistant and pair of simulators (config order)
 * @param taskIds      every task with a graded conversation, sorted (heatmap columns)
 */
public record ExperimentReport(String experimentId, String name, String judgeMethod, List<Cell> cells,
                               List<Paired> paired, List<String> taskIds) {

    /**
     * One cell.
     *
     * @param cell   simulator and assistant
     * @param result its numbers
     */
    public record Cell(ExperimentCell cell, CellMetrics.Result result) {
    }

    /**
     * The paired difference of simulators {@code a} and {@code b} against one assistant.
     *
     * @param assistant  the assistant's name
     * @param a          simulator A's name
     * @param b          simulator B's name
     * @param pairs      (task, run) pairs both finished and graded
     * @param difference mean success(A) − success(B) with its bootstrap interval
     * @param pValue     exact McNemar p-value
     */
    public record Paired(String assistant, String a, String b, int pairs, Interval difference, double pValue) {
    }
}
