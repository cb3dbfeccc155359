package org.userlm.workbench.evaluation.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.userlm.workbench.evaluation.metrics.Interval;

/**
 * The report as one JSON line (the {@code experiment report --json} contract), with two additions: each cell's
 * {@code metrics_ci} ({@code NAME: [LO, HI]}) and the top-level {@code definitions} of every metric. NaN is null.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    public static String line(ExperimentReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("experiment", r.experimentId());
        ArrayNode cells = root.putArray("cells");
        for (ExperimentReport.Cell c : r.cells()) {
            ObjectNode n = cells.addObject();
            n.put("simulator", c.cell().simulator());
            n.put("assistant", c.cell().assistant());
            n.put("conversations", c.result().conversations());
            n.put("solved", c.result().solved());
            number(n, "success_rate", c.result().success().estimate());
            ci(n.putArray("ci"), c.result().success());
            ObjectNode m = n.putObject("metrics");
            c.result().metrics().forEach((k, v) -> number(m, k, v));
            ObjectNode mci = n.putObject("metrics_ci");
            c.result().intervals().forEach((k, v) -> ci(mci.putArray(k), v));
        }
        ArrayNode paired = root.putArray("paired");
        for (ExperimentReport.Paired p : r.paired()) {
            ObjectNode n = paired.addObject();
            n.put("assistant", p.assistant());
            n.put("a", p.a());
            n.put("b", p.b());
            n.put("pairs", p.pairs());
            number(n, "difference", p.difference().estimate());
            ci(n.putArray("ci"), p.difference());
            number(n, "p_value", p.pValue());
        }
        root.put("judge", r.judgeMethod());
        ObjectNode defs = root.putObject("definitions");
        for (Map.Entry<String, String> e : MetricDefinitions.all().entrySet()) {
            defs.put(e.getKey(), e.getValue());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode n, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }

    private static void ci(ArrayNode a, Interval i) {
        for (double v : new double[] {i.lower(), i.upper()}) {
            if (Double.isNaN(v)) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }
}
