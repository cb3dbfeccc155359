package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.userlm.workbench.evaluation.metrics.Interval;

/**
 * The cells × metrics table as CSV (RFC 4180 quoting): one row per cell with each metric and, where it has one, its
 * interval bounds ({@code NAME_lo}, {@code NAME_hi}); then the paired differences; then every metric's definition.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String write(ExperimentReport r) {
        Set<String> names = new LinkedHashSet<>();
        r.cells().forEach(c -> names.addAll(c.result().metrics().keySet()));
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("experiment", "simulator", "assistant", "conversations",
                "solved"));
        for (String n : names) {
            header.add(n);
            header.add(n + "_lo");
            header.add(n + "_hi");
        }
        row(sb, header);
        for (ExperimentReport.Cell c : r.cells()) {
            List<String> row = new ArrayList<>(List.of(r.experimentId(), c.cell().simulator(), c.cell().assistant(),
                    String.valueOf(c.result().conversations()), String.valueOf(c.result().solved())));
            for (String n : names) {
                row.add(num(c.result().metrics().getOrDefault(n, Double.NaN)));
                Interval i = c.result().intervals().get(n);
                row.add(i == null ? "" : num(i.lower()));
                row.add(i == null ? "" : num(i.upper()));
            }
            row(sb, row);
        }
        sb.append("\r\n");
        row(sb, List.of("paired_assistant", "a", "b", "pairs", "difference", "difference_lo", "difference_hi",
                "p_value"));
        for (ExperimentReport.Paired p : r.paired()) {
            row(sb, List.of(p.assistant(), p.a(), p.b(), String.valueOf(p.pairs()), num(p.difference().estimate()),
                    num(p.difference().lower()), num(p.difference().upper()), num(p.pValue())));
        }
        sb.append("\r\n");
        row(sb, List.of("metric", "definition"));
        for (Map.Entry<String, String> e : MetricDefinitions.all().entrySet()) {
            row(sb, List.of(e.getKey(), e.getValue()));
        }
        row(sb, List.of("judge", r.judgeMethod()));
        return sb.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }
}
