package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.userlm.workbench.evaluation.metrics.Interval;

/**
 * The whole report as one self-contained HTML file: the charts as inline SVG, the cells × metrics table, the paired
 * differences and every metric's definition. No scripts, no external resources.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    /** Success rate per simulator × assistant with Wilson interval bars. */
    public static String successSvg(ExperimentReport r) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (ExperimentReport.Cell c : r.cells()) {
            Interval s = c.result().success();
            bars.add(new SvgCharts.Bar(c.cell().simulator() + " × " + c.cell().assistant(), s.estimate(),
                    Double.isNaN(s.estimate()) ? Double.NaN : s.lower(), Double.isNaN(s.estimate()) ? Double.NaN
                    : s.upper()));
        }
        return SvgCharts.bars("Success rate (95% Wilson)", bars, 0, 1);
    }

    /** Paired differences with bootstrap intervals. */
    public static String pairedSvg(ExperimentReport r) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (ExperimentReport.Paired p : r.paired()) {
            bars.add(new SvgCharts.Bar(p.a() + " − " + p.b() + " (" + p.assistant() + ")", p.difference().estimate(),
                    p.difference().lower(), p.difference().upper()));
        }
        return SvgCharts.bars("Paired success difference (95% bootstrap)", bars, -1, 1);
    }

    /** Per-task success heatmap: cells × tasks. */
    public static String heatmapSvg(ExperimentReport r) {
        List<String> rows = new ArrayList<>();
        double[][] v = new double[r.cells().size()][r.taskIds().size()];
        for (int i = 0; i < r.cells().size(); i++) {
            ExperimentReport.Cell c = r.cells().get(i);
            rows.add(c.cell().simulator() + " × " + c.cell().assistant());
            for (int j = 0; j < r.taskIds().size(); j++) {
                int[] st = c.result().perTask().get(r.taskIds().get(j));
                v[i][j] = st == null || st[1] == 0 ? Double.NaN : (double) st[0] / st[1];
            }
        }
        return SvgCharts.heatmap("Per-task success", rows, r.taskIds(), v);
    }

    public static String write(ExperimentReport r) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + SvgCharts.esc(r.name()) + " — experiment report</title><style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;"
                + "font-size:12px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}"
                + "th{background:#eef}td:first-child,td:nth-child(2){text-align:left}dt{font-weight:bold}"
                + "</style></head><body>\n");
        sb.append("<h1>").append(SvgCharts.esc(r.name())).append("</h1><p>Experiment <code>")
                .append(SvgCharts.esc(r.experimentId())).append("</code>; adherence and coverage: ")
                .append(r.judgeMethod().equals("judge") ? "judge model" : "heuristics (no judge model)")
                .append(".</p>\n");
        sb.append(successSvg(r)).append(pairedSvg(r)).append(heatmapSvg(r));
        Set<String> names = new LinkedHashSet<>();
        r.cells().forEach(c -> names.addAll(c.result().metrics().keySet()));
        sb.append("<h2>Cells × metrics</h2><table><tr><th>simulator</th><th>assistant</th><th>conversations</th>"
                + "<th>solved</th>");
        names.forEach(n -> sb.append("<th title=\"").append(SvgCharts.esc(MetricDefinitions.of(n))).append("\">")
                .append(SvgCharts.esc(n)).append("</th>"));
        sb.append("</tr>\n");
        for (ExperimentReport.Cell c : r.cells()) {
            sb.append("<tr><td>").append(SvgCharts.esc(c.cell().simulator())).append("</td><td>")
                    .append(SvgCharts.esc(c.cell().assistant())).append("</td><td>")
                    .append(c.result().conversations()).append("</td><td>").append(c.result().solved()).append("</td>");
            for (String n : names) {
                Interval i = c.result().intervals().get(n);
                sb.append("<td>").append(ReportCsv.num(c.result().metrics().getOrDefault(n, Double.NaN)));
                if (i != null) {
                    sb.append(" [").append(ReportCsv.num(i.lower())).append(", ").append(ReportCsv.num(i.upper()))
                            .append(']');
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Paired differences</h2><table><tr><th>assistant</th><th>A</th><th>B</th>"
                + "<th>pairs</th><th>A − B</th><th>95% CI</th><th>p (exact McNemar)</th></tr>\n");
        for (ExperimentReport.Paired p : r.paired()) {
            sb.append("<tr><td>").append(SvgCharts.esc(p.assistant())).append("</td><td>").append(SvgCharts.esc(p.a()))
                    .append("</td><td>").append(SvgCharts.esc(p.b())).append("</td><td>").append(p.pairs())
                    .append("</td><td>").append(ReportCsv.num(p.difference().estimate())).append("</td><td>[")
                    .append(ReportCsv.num(p.difference().lower())).append(", ")
                    .append(ReportCsv.num(p.difference().upper())).append("]</td><td>")
                    .append(ReportCsv.num(p.pValue())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Definitions</h2><dl>\n");
        for (Map.Entry<String, String> e : MetricDefinitions.all().entrySet()) {
            sb.append("<dt>").append(SvgCharts.esc(e.getKey())).append("</dt><dd>").append(SvgCharts.esc(e.getValue()))
                    .append("</dd>\n");
        }
        return sb.append("</dl></body></html>\n").toString();
    }
}
