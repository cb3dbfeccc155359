package org.userlm.workbench.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.metrics.Wilson;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;

/**
 * One row of the live cells table.
 *
 * @param cell      cell index
 * @param simulator simulator profile
 * @param assistant assistant profile
 * @param finished  "finished/total"
 * @param solved    solved count
 * @param success   success rate with its Wilson interval so far
 * @param failed    failed count
 */
record CellRow(int cell, String simulator, String assistant, String finished, int solved, String success,
               int failed) {

    static List<CellRow> live(ExperimentProgress p, Map<Integer, ExperimentCell> names) {
        List<CellRow> out = new ArrayList<>();
        for (ExperimentProgress.CellCount c : p.cells()) {
            ExperimentCell n = names.get(c.cell());
            int graded = c.finished() - c.failed();
            out.add(new CellRow(c.cell(), n == null ? "?" : n.simulator(), n == null ? "?" : n.assistant(),
                    c.finished() + "/" + c.total(), c.solved(), Wilson.interval(c.solved(), graded).percent(),
                    c.failed()));
        }
        return out;
    }

    static List<CellRow> of(ExperimentReport r) {
        List<CellRow> out = new ArrayList<>();
        for (ExperimentReport.Cell c : r.cells()) {
            int failed = (int) Math.round(c.result().metrics().getOrDefault("failed", 0.0));
            out.add(new CellRow(c.cell().index(), c.cell().simulator(), c.cell().assistant(),
                    String.valueOf(c.result().conversations() + failed), c.result().solved(),
                    c.result().success().percent(), failed));
        }
        return out;
    }
}
