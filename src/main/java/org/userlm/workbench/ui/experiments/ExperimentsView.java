package org.userlm.workbench.ui.experiments;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentSlot;
import org.userlm.workbench.simulation.experiment.ExperimentProgress;
import org.userlm.workbench.ui.common.Columns;
import org.userlm.workbench.ui.common.Notify;

/**
 * The Experiments workspace (Ctrl+4): define on the left; on the right run/pause/resume/cancel, live progress and
 * per-cell counts (click a cell for its conversations, double-click one to open it), and the results dashboard.
 */
public final class ExperimentsView extends BorderPane {
    private final ExperimentsViewModel vm;
    private final DashboardPane dashboard = new DashboardPane();
    private final ListView<ExperimentSlot> conversations = new ListView<>();
    private final Timeline pulse;

    public ExperimentsView(ExperimentsViewModel vm, Consumer<String> openConversation) {
        this.vm = vm;
        setId("experimentsView");
        ScrollPane define = new ScrollPane(new DefinePane(vm));
        define.setFitToWidth(true);
        define.setMinWidth(340);
        define.setPrefWidth(400);

        ComboBox<Experiment> stored = new ComboBox<>(vm.experiments);
        stored.setId("expList");
        stored.setPrefWidth(300);
        stored.setCellFactory(l -> experimentCell());
        stored.setButtonCell(experimentCell());
        stored.valueProperty().bindBidirectional(vm.selected);
        stored.valueProperty().addListener((o, a, e) -> {
            if (e != null && (a == null || !a.id().equals(e.id()))) {
                vm.loadReport();
            }
        });
        Button run = button("▶ Run", "runExperiment", vm::run);
        Button pause = button("Pause", "pauseExperiment", vm::pause);
        Button resume = button("Resume", "resumeExperiment", vm::resume);
        Button cancel = button("Cancel", "cancelExperiment", vm::cancel);
        Button resumeStored = button("Resume selected", "resumeStored", vm::resumeSelected);
        Button refresh = button("Reload results", "refreshResults", vm::loadReport);
        run.disableProperty().bind(vm.running);
        resumeStored.disableProperty().bind(vm.running.or(vm.selected.isNull()));
        pause.disableProperty().bind(vm.running.not().or(vm.paused));
        resume.disableProperty().bind(vm.running.not().or(vm.paused.not()));
        cancel.disableProperty().bind(vm.running.not());
        vm.running.addListener((o, was, now) -> {
            if (was && !now) { // after the view model has set its final message
                Platform.runLater(() -> Notify.info(this, "Experiment finished", vm.message.get()));
            }
        });
        for (Button b : List.of(run, pause, resume, cancel, resumeStored, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        stored.setMinWidth(120);
        FlowPane controls = new FlowPane(6, 4, run, pause, resume, cancel,
                new Label("  Stored:"), stored, resumeStored, refresh);
        controls.setStyle("-fx-alignment: center-left; -fx-padding: 6;");

        ProgressBar bar = new ProgressBar(0);
        bar.setId("expProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label("No experiment running.");
        text.setId("expProgressText");
        Label message = new Label();
        message.setId("expMessage");
        message.textProperty().bind(vm.message);
        vm.progress.addListener((o, a, p) -> {
            bar.setProgress(p == null || p.total() == 0 ? 0 : (double) p.finished() / p.total());
            text.setText(p == null ? "" : describe(p));
        });
        HBox.setHgrow(bar, Priority.ALWAYS);
        VBox status = new VBox(4, new HBox(8, bar), text, message);
        status.setStyle("-fx-padding: 0 6 6 6;");

        TableView<CellRow> cells = cellsTable();
        conversations.setId("cellConversations");
        Label pick = new Label("Click a cell to list its conversations; double-click one to open it.");
        pick.setWrapText(true);
        pick.setPadding(new Insets(8));
        conversations.setPlaceholder(pick);
        conversations.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ExperimentSlot s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.taskId() + " #" + (s.run() + 1) + "  " + switch (s.status()) {
                    case DONE -> s.solved() == null ? "–" : s.solved() ? "✓ solved" : "✗ not solved";
                    case FAILED -> "failed: " + s.errorKind();
                    default -> s.status().wire();
                });
            }
        });
        conversations.setOnMouseClicked(e -> {
            ExperimentSlot s = conversations.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && s != null && s.conversationId() != null) {
                openConversation.accept(s.conversationId());
            }
        });
        cells.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.slotsOfCell(row.cell(), conversations.getItems()::setAll);
            }
        });
        SplitPane live = new SplitPane(cells, conversations);
        live.setDividerPositions(0.68);
        vm.report.addListener((o, a, r) -> dashboard.show(r));
        SplitPane right = new SplitPane(live, dashboard);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.3);
        VBox rightBox = new VBox(controls, status, right);
        VBox.setVgrow(right, Priority.ALWAYS);
        SplitPane main = new SplitPane(define, rightBox);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(define, false);
        setCenter(main);
        pulse = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.pulse()));
        pulse.setCycleCount(Timeline.INDEFINITE);
        pulse.play();
        vm.load();
    }

    static String describe(ExperimentProgress p) {
        String eta = Double.isNaN(p.etaSeconds()) ? "?" : String.format(Locale.ROOT, "%dm %02ds",
                (long) p.etaSeconds() / 60, (long) p.etaSeconds() % 60);
        return String.format(Locale.ROOT, "%s · %d/%d done · %d failed · %d running · %s conv/min · ETA %s · errors %s"
                        + " · retries %d", p.state().name().toLowerCase(Locale.ROOT), p.finished(), p.total(),
                p.failed(), p.running(), Double.isNaN(p.perMinute()) ? "–" : String.format(Locale.ROOT, "%.1f",
                        p.perMinute()), eta, p.errorsByKind().isEmpty() ? "none" : p.errorsByKind(), p.retries());
    }

    private TableView<CellRow> cellsTable() {
        TableView<CellRow> t = new TableView<>(vm.cells);
        t.setId("expCells");
        t.setPlaceholder(new Label("Cells appear when an experiment runs or is selected."));
        t.getColumns().addAll(List.of(col("simulator", CellRow::simulator), col("assistant", CellRow::assistant),
                col("finished", CellRow::finished), col("solved", r -> String.valueOf(r.solved())),
                col("success (95% Wilson)", CellRow::success), col("failed", r -> String.valueOf(r.failed()))));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // columns keep their words; it scrolls
        // The rows are replaced a few times a second while running: keep the selected cell selected.
        int[] keep = {-1};
        t.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                keep[0] = r.cell();
            }
        });
        vm.cells.addListener((ListChangeListener<CellRow>) c -> {
            for (int i = 0; i < vm.cells.size(); i++) {
                if (vm.cells.get(i).cell() == keep[0]) {
                    t.getSelectionModel().select(i);
                    return;
                }
            }
        });
        return t;
    }

    private static TableColumn<CellRow, String> col(String name, Function<CellRow, String> f) {
        TableColumn<CellRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return Columns.fit(c, name);
    }

    private static ListCell<Experiment> experimentCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Experiment e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name() + " · " + e.id() + " · "
                        + e.statusAt(System.currentTimeMillis()).wire());
            }
        };
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The dashboard (exports, tests). */
    DashboardPane dashboard() {
        return dashboard;
    }

    /** Stops the progress pulse and any running experiment (the window closes). */
    public void stop() {
        pulse.stop();
        vm.stop();
    }
}
