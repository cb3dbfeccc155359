package org.userlm.workbench.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.experiment.ReportHtml;
import org.userlm.workbench.evaluation.experiment.SvgCharts;
import org.userlm.workbench.evaluation.metrics.Interval;

/** The dashboard's charts, built with JavaFX's chart package from a report, and the data of their SVG exports. */
final class DashboardCharts {
    private DashboardCharts() {
    }

    /** A chart (built when first shown) and its SVG export. */
    record Chart(String title, Supplier<Chart> build, Node node, String svg) {
        /** A chart built on first use. */
        static Chart lazy(String title, Supplier<Chart> build) {
            return new Chart(title, build, null, null);
        }

        Chart built() {
            return node != null ? this : build.get();
        }
    }

    /** Every chart, none built yet (the dashboard builds the one shown). */
    static List<Chart> all(ExperimentReport r) {
        return List.of(Chart.lazy("Success", () -> success(r)), Chart.lazy("Paired differences", () -> paired(r)),
                Chart.lazy("Per-task success", () -> heatmap(r)),
                Chart.lazy("Turns", () -> histogram(r, "User turns per conversation", true)),
                Chart.lazy("Words per turn", () -> histogram(r, "Words per user turn", false)),
                Chart.lazy("First-turn diversity", () -> diversity(r)));
    }

    private static IntervalBarChart bars(String title, double lo, double hi, String yLabel) {
        NumberAxis y = new NumberAxis(lo, hi, (hi - lo) / 10);
        y.setLabel(yLabel);
        IntervalBarChart c = new IntervalBarChart(new CategoryAxis(), y);
        c.setTitle(title);
        return c;
    }

    private static XYChart.Data<String, Number> bar(String cat, double v, Interval ci) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(cat, Double.isNaN(v) ? 0 : v);
        if (ci != null) {
            d.setExtraValue(new double[] {ci.lower(), ci.upper()});
        }
        return d;
    }

    static Chart success(ExperimentReport r) {
        IntervalBarChart c = bars("Success rate per simulator × assistant (95% Wilson)", 0, 1, "success rate");
        Map<String, XYChart.Series<String, Number>> series = new TreeMap<>();
        for (ExperimentReport.Cell cell : r.cells()) {
            Interval s = cell.result().success();
            series.computeIfAbsent(cell.cell().assistant(), a -> named("assistant " + a))
                    .getData().add(bar(cell.cell().simulator(), s.estimate(), Double.isNaN(s.estimate()) ? null : s));
        }
        c.getData().addAll(series.values());
        c.setId("successChart");
        return new Chart("Success", null, c, ReportHtml.successSvg(r));
    }

    static Chart paired(ExperimentReport r) {
        IntervalBarChart c = bars("Paired difference in success, A − B (95% bootstrap)", -1, 1, "difference");
        Map<String, XYChart.Series<String, Number>> series = new TreeMap<>();
        for (ExperimentReport.Paired p : r.paired()) {
            series.computeIfAbsent(p.assistant(), a -> named("assistant " + a)).getData()
                    .add(bar(p.a() + " − " + p.b(), p.difference().estimate(), p.difference()));
        }
        c.getData().addAll(series.values());
        return new Chart("Paired differences", null, c, ReportHtml.pairedSvg(r));
    }

    static Chart heatmap(ExperimentReport r) {
        GridPane g = new GridPane();
        g.setHgap(1);
        g.setVgap(1);
        int size = Math.max(8, Math.min(22, 700 / Math.max(1, r.taskIds().size())));
        for (int i = 0; i < r.cells().size(); i++) {
            ExperimentReport.Cell cell = r.cells().get(i);
            g.add(new Label(cell.cell().simulator() + " × " + cell.cell().assistant() + "  "), 0, i);
            for (int j = 0; j < r.taskIds().size(); j++) {
                int[] st = cell.result().perTask().get(r.taskIds().get(j));
                double v = st == null || st[1] == 0 ? Double.NaN : (double) st[0] / st[1];
                Rectangle rect = new Rectangle(size, 20, Double.isNaN(v) ? Color.LIGHTGRAY
                        : Color.color(1 - 0.78 * v, 1 - 0.5 * v, 1 - 0.15 * v));
                rect.setUserData(r.taskIds().get(j) + ": " + (st == null ? "n/a" : st[0] + "/" + st[1] + " solved"));
                g.add(rect, j + 1, i);
            }
        }
        // One tooltip for the whole grid (one per square is slow to build for hundreds of tasks).
        Tooltip tip = new Tooltip();
        Tooltip.install(g, tip);
        g.setOnMouseMoved(e -> {
            if (e.getPickResult().getIntersectedNode() instanceof Rectangle rect && rect.getUserData() != null) {
                tip.setText(String.valueOf(rect.getUserData()));
            }
        });
        Label legend = new Label("Share of runs solved per task: white 0 → blue 1, grey = none graded. "
                + "Hover a square for the task and counts.");
        VBox box = new VBox(6, legend, g);
        box.setStyle("-fx-padding: 6;");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToHeight(true);
        return new Chart("Per-task success", null, sp, ReportHtml.heatmapSvg(r));
    }

    static Chart histogram(ExperimentReport r, String title, boolean turns) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setAnimated(false);
        c.setTitle(title + " (share of conversations)");
        List<SvgCharts.Bar> svg = new ArrayList<>();
        for (ExperimentReport.Cell cell : r.cells()) {
            Map<Integer, Integer> counts = new TreeMap<>();
            List<Double> values = turns ? cell.result().userTurns().stream().map(Integer::doubleValue).toList()
                    : cell.result().wordsPerTurn();
            values.forEach(v -> counts.merge(turns ? v.intValue() : (int) (v / 5) * 5, 1, Integer::sum));
            XYChart.Series<String, Number> s = named(cell.cell().simulator() + " × " + cell.cell().assistant());
            counts.forEach((k, n) -> {
                String cat = turns ? String.valueOf(k) : k + "–" + (k + 4);
                s.getData().add(new XYChart.Data<>(cat, (double) n / values.size()));
                svg.add(new SvgCharts.Bar(s.getName() + ": " + cat, (double) n / values.size(), Double.NaN,
                        Double.NaN));
            });
            c.getData().add(s);
        }
        return new Chart(turns ? "Turns" : "Words per turn", null, c, SvgCharts.bars(title + " (share)", svg, 0, 1));
    }

    static Chart diversity(ExperimentReport r) {
        IntervalBarChart c = bars("First-turn diversity (mean pairwise 1 − Jaccard of 3-grams)", 0, 1, "diversity");
        Map<String, XYChart.Series<String, Number>> series = new TreeMap<>();
        List<SvgCharts.Bar> svg = new ArrayList<>();
        for (ExperimentReport.Cell cell : r.cells()) {
            double v = cell.result().metrics().getOrDefault("first_turn_diversity", Double.NaN);
            Interval ci = cell.result().intervals().get("first_turn_diversity");
            series.computeIfAbsent(cell.cell().assistant(), a -> named("assistant " + a)).getData()
                    .add(bar(cell.cell().simulator(), v, ci));
            svg.add(new SvgCharts.Bar(cell.cell().simulator() + " × " + cell.cell().assistant(), v,
                    ci == null ? Double.NaN : ci.lower(), ci == null ? Double.NaN : ci.upper()));
        }
        c.getData().addAll(series.values());
        return new Chart("First-turn diversity", null, c, SvgCharts.bars("First-turn diversity", svg, 0, 1));
    }

    private static XYChart.Series<String, Number> named(String name) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }
}
