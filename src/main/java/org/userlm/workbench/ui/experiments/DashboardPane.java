package org.userlm.workbench.ui.experiments;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;
import org.userlm.workbench.evaluation.experiment.MetricDefinitions;
import org.userlm.workbench.evaluation.experiment.ReportCsv;
import org.userlm.workbench.evaluation.experiment.ReportHtml;
import org.userlm.workbench.evaluation.metrics.Interval;
import org.userlm.workbench.ui.common.Columns;
import org.userlm.workbench.ui.common.EmptyState;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.Notify;
import org.userlm.workbench.ui.common.Owners;

/** The results dashboard: charts (JavaFX), the cells × metrics table, definitions, exports. */
final class DashboardPane extends BorderPane {
    private final TabPane charts = new TabPane();
    private final TableView<ExperimentReport.Cell> table = new TableView<>();
    private final Label info = new Label("Select an experiment to see its results.");
    private final List<DashboardCharts.Chart> current = new ArrayList<>();
    private ExperimentReport report;
    private final BooleanProperty hasReport = new SimpleBooleanProperty(false);

    DashboardPane() {
        setId("experimentDashboard");
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("dashboardCharts");
        charts.setMinHeight(240); // a 700 px window still shows a readable chart (axis title whole); the table gives way
        // Only the chart on screen is built (the others when their tab is first selected).
        charts.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> buildSelected());
        table.setId("metricsTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Not JavaFX's "No columns in table": the table has its columns only once there are results.
        table.setPlaceholder(new Label("Each cell's metrics, with their 95% intervals, once an experiment has results."));
        Button png = button("Chart → PNG", "exportPng", () -> choose("PNG image", "*.png", this::exportPng));
        Button svg = button("Chart → SVG", "exportSvg", () -> choose("SVG image", "*.svg", this::exportSvg));
        Button csv = button("Table → CSV", "exportCsv", () -> choose("CSV", "*.csv", this::exportCsv));
        Button html = button("Report → HTML", "exportHtml", () -> choose("HTML report", "*.html", this::exportHtml));
        Button defs = button("Definitions", "definitions", this::showDefinitions);
        for (Button b : List.of(defs, png, svg, csv, html)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Button b : List.of(png, svg, csv, html)) { // nothing to export before a report
            b.disableProperty().bind(hasReport.not());
        }
        info.setMinWidth(0);
        FlowPane buttons = new FlowPane(6, 4, defs, png, svg, csv, html);
        VBox bar = new VBox(4, info, buttons);
        bar.getStyleClass().add("toolbar");
        bar.setStyle("-fx-padding: 4;");
        Label noCharts = EmptyState.label("noCharts", "Charts of the selected experiment: success by simulator and "
                + "assistant, turns, words and the paper's other metrics. Run an experiment, or pick a stored one above.");
        noCharts.visibleProperty().bind(Bindings.isEmpty(charts.getTabs()));
        StackPane chartArea = new StackPane(charts, noCharts);
        StackPane.setAlignment(noCharts, Pos.TOP_CENTER);
        chartArea.setMinHeight(charts.getMinHeight());
        SplitPane split = new SplitPane(chartArea, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setTop(bar);
        setCenter(split);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows a report (FX thread). */
    void show(ExperimentReport r) {
        this.report = r;
        hasReport.set(r != null);
        int keep = Math.max(0, charts.getSelectionModel().getSelectedIndex());
        current.clear();
        if (r != null) {
            current.addAll(DashboardCharts.all(r));
        }
        charts.getTabs().setAll(current.stream().map(c -> new Tab(c.title())).toList());
        if (!charts.getTabs().isEmpty()) {
            charts.getSelectionModel().select(Math.min(keep, charts.getTabs().size() - 1));
            buildSelected();
        }
        info.setText(r == null ? "No results yet." : r.name() + " · " + r.experimentId() + " · adherence and "
                + "coverage: " + (r.judgeMethod().equals("judge") ? "judge model" : "heuristics (no judge)"));
        fillTable(r);
    }

    private void fillTable(ExperimentReport r) {
        table.getColumns().clear();
        if (r == null) {
            table.getItems().clear();
            return;
        }
        table.getColumns().add(col("simulator", c -> c.cell().simulator(), null));
        table.getColumns().add(col("assistant", c -> c.cell().assistant(), null));
        table.getColumns().add(col("conversations", c -> String.valueOf(c.result().conversations()), null));
        table.getColumns().add(col("solved", c -> String.valueOf(c.result().solved()), null));
        Set<String> names = new LinkedHashSet<>();
        r.cells().forEach(c -> names.addAll(c.result().metrics().keySet()));
        for (String n : names) {
            table.getColumns().add(col(n, c -> cellText(c, n), MetricDefinitions.of(n)));
        }
        table.getItems().setAll(r.cells());
    }

    private static String cellText(ExperimentReport.Cell c, String n) {
        double v = c.result().metrics().getOrDefault(n, Double.NaN);
        Interval i = c.result().intervals().get(n);
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v) + (i == null ? ""
                : String.format(Locale.ROOT, " [%.2f, %.2f]", i.lower(), i.upper()));
    }

    private static TableColumn<ExperimentReport.Cell, String> col(String name,
            Function<ExperimentReport.Cell, String> f, String definition) {
        TableColumn<ExperimentReport.Cell, String> c = new TableColumn<>();
        Label header = new Label(name);
        if (definition != null && !definition.isEmpty()) {
            header.setTooltip(new Tooltip(definition));
        }
        c.setGraphic(header);
        c.setId("metric-" + name);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return Columns.fit(c, name);
    }

    private void showDefinitions() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : MetricDefinitions.all().entrySet()) {
            sb.append(e.getKey()).append(":\n  ").append(e.getValue()).append("\n\n");
        }
        TextArea t = new TextArea(sb.toString());
        t.setWrapText(true);
        t.setEditable(false);
        t.setPrefSize(720, 480);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Metric definitions");
        a.setHeaderText("How every experiment metric is computed (also written into every export)");
        a.getDialogPane().setContent(t);
        Owners.own(a, this);
        a.show();
    }

    private void choose(String what, String pattern, Consumer<Path> action) {
        if (report == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName(report.experimentId() + pattern.substring(1));
        File f = fc.showSaveDialog(Owners.of(this));
        if (f != null) {
            try {
                action.accept(f.toPath());
                Notify.info(this, "Export", "Wrote " + f.getName());
            } catch (RuntimeException e) { // a full disk or a read-only folder: say so, keep the report
                Notify.show(Owners.of(this), "Export failed", Messages.shortMessage(e), true);
            }
        }
    }

    private void buildSelected() {
        int i = charts.getSelectionModel().getSelectedIndex();
        if (i < 0 || i >= current.size() || i >= charts.getTabs().size()) {
            return;
        }
        DashboardCharts.Chart c = current.get(i).built();
        current.set(i, c);
        if (charts.getTabs().get(i).getContent() != c.node()) {
            charts.getTabs().get(i).setContent(c.node());
        }
    }

    private DashboardCharts.Chart selectedChart() {
        buildSelected();
        int i = charts.getSelectionModel().getSelectedIndex();
        return i < 0 || i >= current.size() ? null : current.get(i);
    }

    /** Writes the selected chart as PNG (a snapshot of the JavaFX chart). FX thread. */
    void exportPng(Path file) {
        DashboardCharts.Chart c = selectedChart();
        if (c == null) {
            return;
        }
        WritableImage img = c.node().snapshot(null, null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the selected chart's data as SVG (our small SVG writer). */
    void exportSvg(Path file) {
        DashboardCharts.Chart c = selectedChart();
        if (c != null) {
            write(file, c.svg());
        }
    }

    void exportCsv(Path file) {
        if (report != null) {
            write(file, ReportCsv.write(report));
        }
    }

    void exportHtml(Path file) {
        if (report != null) {
            write(file, ReportHtml.write(report));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TabPane charts() {
        return charts;
    }
}
