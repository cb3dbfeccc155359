package org.userlm.workbench.ui.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.controlsfx.control.SearchableComboBox;
import org.userlm.workbench.ui.common.EmptyState;
import org.userlm.workbench.ui.common.Fit;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.metrics.AnswerAttempts;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.ui.common.Notify;
import org.userlm.workbench.ui.common.Owners;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProtocolPane;

/**
 * Compare view: one task, one assistant, 2–4 user simulators side by side, streaming live. The main window hosts
 * it as a tab; tests show it alone. Text arrives through the view model's queue, drained once per pulse.
 *
 * <p>Over 300 lines on purpose: the settings rows, columns, aligned scrolling, repeat table and actions are one
 * screen bound to one {@link CompareViewModel}; a column is a {@link ColumnView}, its outcome text
 * {@link ColumnOutcome}, the judge tab {@link JudgeView}, the foldable setup with Start and Stop {@link SetupSection}.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final HBox strip = new HBox(8);
    private final HBox columnBox = new HBox(8);
    private final List<ColumnView> columnViews = new ArrayList<>();
    private final CheckBox scrollLock = new CheckBox("Lock scrolling");
    private final TabPane tabs = new TabPane();
    private final AnimationTimer pulse;
    private boolean syncing;

    /** The view of {@code vm}, with {@code judge} in its Judge tab (both wired by the window). */
    public CompareView(CompareViewModel vm, JudgeViewModel judge) {
        this.vm = vm;
        setId("compare-view");
        setPadding(new Insets(8));
        CheckBox solved = new CheckBox(
                "Stop when the assistant solves the task (graded with the grader below)");
        solved.setId("compare-stop-when-solved");
        solved.selectedProperty().bindBidirectional(vm.stopWhenSolved);
        TitledPane protocol = new TitledPane("Protocol & grading "
                + "(stop when solved, intent template, simulator prompt, sampling, limits, grader, judge)",
                new VBox(6, solved, new ProtocolPane(vm.protocol, "compare", true)));
        protocol.setId("compare-protocol");
        protocol.setExpanded(false);
        SetupSection setup = new SetupSection(vm,
                new VBox(6, settingsRow(), new ProfilesBox(vm.choices), protocol, actionsRow()));
        setTop(setup);
        addEventFilter(KeyEvent.KEY_PRESSED, setup::onKey);
        strip.setId("outcome-strip");
        strip.setMinHeight(Region.USE_PREF_SIZE);
        // Until a comparison runs (or one is opened), the columns' place says what Start does.
        Label empty = EmptyState.label("compare-empty", "Press Start to run each simulator above on the task against "
                + "the assistant, side by side: one column each, streamed live, with its outcome on top.");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.columns));
        empty.managedProperty().bind(empty.visibleProperty());
        VBox.setMargin(empty, new Insets(0, 16, 0, 16));
        VBox columnsPane = new VBox(6, strip, empty, columnBox);
        VBox.setVgrow(columnBox, Priority.ALWAYS);
        tabs.getTabs().addAll(new Tab("Columns", columnsPane), new Tab("Repeat N", repeatPane()),
                new Tab("Judge", new JudgeView(judge)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        scrollLock.setSelected(true);
        scrollLock.setId("scroll-lock");
        vm.columns.addListener((ListChangeListener<ColumnState>) c -> rebuildColumns());
        vm.state.addListener((o, was, now) -> {
            if (was == CompareViewModel.State.RUNNING && now == CompareViewModel.State.DONE) {
                Notify.info(this, "Comparison finished", vm.message.get());
            }
        });
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse();
            }
        };
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                pulse.start();
            } else {
                pulse.stop();
            }
        });
    }

    private FlowPane settingsRow() {
        // Searchable: type part of an id or title to narrow 1,000+ tasks (ControlsFX).
        ComboBox<Task> task = new SearchableComboBox<>(vm.tasks);
        task.setId("task");
        task.valueProperty().bindBidirectional(vm.task);
        task.setConverter(converter(t -> t.id() + " — " + t.title()));
        // The closed picker shows the id (always whole); the list shows id and title.
        task.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Task t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.id());
                setTooltip(empty || t == null ? null : new Tooltip(t.id() + " — " + t.title()));
            }
        });
        task.setPrefWidth(230);
        ComboBox<BackendProfile> assistant = ProfilesBox.profilePicker(vm.choices, "assistant-profile");
        assistant.valueProperty().bindBidirectional(vm.choices.assistant);
        assistant.setTooltip(new Tooltip("The saved profile (Live's settings) that answers every simulator"));
        Spinner<Integer> n = new Spinner<>(1, 50, vm.repeats.get());
        n.setId("repeats");
        n.setPrefWidth(70);
        n.valueProperty().addListener((o, a, b) -> vm.repeats.set(b));
        vm.repeats.addListener((o, a, b) -> n.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> turns = new Spinner<>(0, 60, vm.maxTurns.get());
        turns.setId("compare-max-turns");
        turns.setPrefWidth(70);
        turns.valueProperty().addListener((o, a, b) -> vm.maxTurns.set(b));
        vm.maxTurns.addListener((o, a, b) -> turns.getValueFactory().setValue(b.intValue()));
        typed(n, 1, 50, vm.repeats);
        typed(turns, 1, 30, vm.maxTurns);
        // Start and Stop are on the setup's always-visible line (SetupSection).
        return Fit.row(new Label("Task"), task, new Label("Assistant"), assistant, new Label("N"), n,
                new Label("max user turns (0 = auto)"), turns);
    }

    private FlowPane actionsRow() {
        ComboBox<Comparison> saved = new ComboBox<>(vm.saved);
        saved.setId("saved");
        saved.setPrefWidth(300);
        saved.setConverter(converter(c -> c.title() + " (" + c.profiles().size() + " columns, " + c.id().substring(0, 8)
                + ")"));
        Button open = new Button("Open");
        open.setId("open");
        open.setOnAction(e -> {
            if (saved.getValue() != null) {
                vm.open(saved.getValue().id());
            }
        });
        Button jsonl = new Button("Export JSONL…");
        jsonl.setOnAction(e -> choose("comparison.jsonl").ifPresent(f -> vm.exportJsonl(f,
                m -> Notify.info(this, "Export", m))));
        Button html = new Button("Export HTML…");
        html.setOnAction(e -> choose("comparison.html").ifPresent(f -> vm.exportHtml(f,
                m -> Notify.info(this, "Export", m))));
        TextField title = field("title", vm.title, 200);
        title.setPromptText("title (optional)");
        return Fit.row(new Label("Saved"), saved, open, jsonl, html, title, scrollLock);
    }

    private Optional<Path> choose(String name) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        File f = fc.showSaveDialog(Owners.of(this));
        return Optional.ofNullable(f).map(File::toPath);
    }

    private VBox repeatPane() {
        TableView<CompareViewModel.SummaryRow> table = new TableView<>(vm.summaries);
        table.setId("repeat-table");
        table.getColumns().add(JudgeView.col("Simulator", r -> r.name()));
        table.getColumns().add(JudgeView.col("Runs", r -> Integer.toString(r.summary().runs())));
        table.getColumns().add(JudgeView.col("Success [95% Wilson]", r -> r.summary().success().percent()));
        table.getColumns().add(JudgeView.col("Solved at some turn", r -> r.summary().solvedAtSomeTurn().percent()));
        table.getColumns().add(JudgeView.col("Mean user turns ± sd",
                r -> ColumnOutcome.fmt(r.summary().meanTurns(), 1) + " ± "
                        + ColumnOutcome.fmt(r.summary().sdTurns(), 1)));
        table.getColumns().add(JudgeView.col("First-turn diversity",
                r -> ColumnOutcome.fmt(r.summary().firstTurnDiversity(), 2)));
        table.getColumns().add(JudgeView.col("Distinct first turns",
                r -> ColumnOutcome.pct(r.summary().distinctFirstTurns())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ComboBox<Integer> run = new ComboBox<>();
        run.setId("run-picker");
        Button show = new Button("Show run in its column");
        show.setOnAction(e -> {
            CompareViewModel.SummaryRow r = table.getSelectionModel().getSelectedItem();
            if (r != null && run.getValue() != null) {
                vm.columns.get(r.column()).shownRepeat.set(run.getValue() - 1);
                tabs.getSelectionModel().select(0);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            run.getItems().clear();
            if (r != null) {
                for (int i = 1; i <= r.summary().runs(); i++) {
                    run.getItems().add(i);
                }
                run.setValue(1);
            }
        });
        Label defs = new Label("Success = last answer attempt correct. " + AnswerAttempts.DEFINITION
                + ".\nFirst-turn diversity = mean pairwise 1 − Jaccard of word 3-grams of the N first user turns.");
        defs.setWrapText(true);
        defs.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, table, Fit.row(new Label("Run"), run, show), defs);
        box.setPadding(new Insets(6));
        return box;
    }

    private void rebuildColumns() {
        columnViews.clear();
        columnBox.getChildren().clear();
        strip.getChildren().clear();
        for (int i = 0; i < vm.columns.size(); i++) {
            ColumnView cv = new ColumnView(i, vm.columns.get(i));
            HBox.setHgrow(cv, Priority.ALWAYS);
            cv.setPrefWidth(10);
            columnViews.add(cv);
            columnBox.getChildren().add(cv);
            ScrollPane sp = cv.scroll;
            sp.vvalueProperty().addListener((o, a, b) -> syncScroll(sp));
            Label outcome = new Label();
            outcome.setId("outcome-" + i);
            outcome.setWrapText(true);
            outcome.setMaxWidth(Double.MAX_VALUE);
            outcome.setPrefWidth(10);
            HBox.setHgrow(outcome, Priority.ALWAYS);
            // The numbers are on the card itself (not only in the tooltip): it grows to show every line.
            outcome.setMinHeight(Region.USE_PREF_SIZE);
            outcome.getStyleClass().add("outcome-card");
            outcome.setTooltip(new Tooltip("✓/✗: the last answer attempt is correct (LiC graders); \"was right "
                    + "earlier\" = solved at some turn.\n" + AnswerAttempts.DEFINITION + ".\n"
                    + ConversationMetrics.INTENT_SHARE_DEFINITION + ".\nwords/turn: whitespace-separated words, "
                    + "mean over user turns."));
            strip.getChildren().add(outcome);
        }
    }

    private void onPulse() {
        vm.drain();
        boolean changed = false;
        for (ColumnView cv : columnViews) {
            changed |= cv.refresh();
        }
        if (changed) {
            alignRows();
            for (int i = 0; i < columnViews.size() && i < strip.getChildren().size(); i++) {
                ((Label) strip.getChildren().get(i)).setText(ColumnOutcome.text(vm.columns.get(i)));
            }
        }
    }

    /** Turns with the same number get the same height in every column, so they line up. */
    private void alignRows() {
        int max = columnViews.stream().mapToInt(c -> c.rows.size()).max().orElse(0);
        for (int i = 0; i < max; i++) {
            double h = 0;
            for (ColumnView cv : columnViews) {
                h = Math.max(h, cv.contentHeight(i));
            }
            for (ColumnView cv : columnViews) {
                if (i < cv.rows.size()) {
                    cv.rows.get(i).setMinHeight(h);
                }
            }
        }
    }

    private void syncScroll(ScrollPane source) {
        if (syncing || !scrollLock.isSelected()) {
            return;
        }
        syncing = true;
        double srcRange = source.getContent().getBoundsInLocal().getHeight() - source.getViewportBounds().getHeight();
        double offset = source.getVvalue() * Math.max(0, srcRange);
        for (ColumnView cv : columnViews) {
            ScrollPane sp = cv.scroll;
            if (sp != source) {
                double range = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(range <= 0 ? 0 : Math.min(1, offset / range));
            }
        }
        syncing = false;
    }

    /** A typed number counts at once (a spinner only commits on Enter or arrows; Start was pressed first). */
    private static void typed(Spinner<Integer> s, int min, int max, IntegerProperty into) {
        s.setEditable(true);
        s.getEditor().textProperty().addListener((o, a, t) -> {
            try {
                int v = Integer.parseInt(t.strip());
                if (v >= min && v <= max) {
                    into.set(v);
                }
            } catch (NumberFormatException e) {
                // Not a number yet: keep the last one.
            }
        });
    }

    private static TextField field(String id, StringProperty p, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        f.setPrefWidth(width);
        return f;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
