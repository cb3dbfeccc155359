package org.userlm.workbench.ui.experiments;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.common.Owners;
import org.userlm.workbench.ui.settings.BackendProfile;

/** Define: name, tasks (search, kind, counts), simulator and assistant profiles from the saved ones, the numbers. */
final class DefinePane extends VBox {
    private final ExperimentsViewModel vm;
    private final FilteredList<Task> shown;
    private final ListView<Task> taskList = new ListView<>();
    private final Label taskCount = new Label();

    DefinePane(ExperimentsViewModel vm) {
        this.vm = vm;
        DefineForm f = vm.form;
        setSpacing(6);
        setStyle("-fx-padding: 8;");
        setId("defineExperiment");
        TextField name = new TextField();
        name.setId("expName");
        name.textProperty().bindBidirectional(f.name);

        TextField search = new TextField();
        search.setId("expTaskSearch");
        search.setPromptText("search tasks");
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll("any kind", "math", "code");
        kind.setValue("any kind");
        shown = new FilteredList<>(vm.allTasks, t -> true);
        Runnable refilter = () -> {
            String q = search.getText() == null ? "" : search.getText().toLowerCase(Locale.ROOT).strip();
            String k = kind.getValue();
            shown.setPredicate(t -> (k.equals("any kind") || t.kind().wire().equals(k))
                    && (q.isEmpty() || t.id().toLowerCase(Locale.ROOT).contains(q)
                    || (t.title() != null && t.title().toLowerCase(Locale.ROOT).contains(q))));
        };
        search.textProperty().addListener((o, a, b) -> refilter.run());
        kind.valueProperty().addListener((o, a, b) -> refilter.run());
        taskList.setId("expTasks");
        taskList.setItems(shown);
        taskList.setPrefHeight(170);
        taskList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        taskList.setCellFactory(l -> new ListCell<>() {
            {
                // As wide as the list, never wider: long titles wrap onto a second line instead of running
                // under the form's edge or ending in an ellipsis.
                prefWidthProperty().bind(taskList.widthProperty().subtract(20));
                setMaxWidth(USE_PREF_SIZE);
                setWrapText(true);
            }

            @Override
            protected void updateItem(Task t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.id() + " · " + t.kind().wire() + (t.title() == null ? ""
                        : " · " + t.title()));
            }
        });
        taskList.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<Task>) c -> syncTasks());
        shown.addListener((ListChangeListener<Task>) c -> syncTasks());
        taskCount.setId("expTaskCount");
        Button all = new Button("Select shown");
        all.setId("expSelectShown");
        all.setOnAction(e -> taskList.getSelectionModel().selectAll());
        Button none = new Button("Clear");
        none.setOnAction(e -> taskList.getSelectionModel().clearSelection());

        taskCount.setWrapText(true);
        getChildren().addAll(new Label("Name"), name, new Label("Tasks"), Fit.row(search, kind), taskList,
                taskCount, Fit.row(all, none), simulators(), assistants(), numbers(), showJson());
        Fit.keep(this);
        syncTasks();
    }

    private void syncTasks() {
        vm.form.tasks.setAll(taskList.getSelectionModel().getSelectedItems().filtered(Objects::nonNull));
        taskCount.setText(vm.form.tasks.size() + " selected · " + shown.size() + " shown of " + vm.allTasks.size());
    }

    private VBox simulators() {
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.getItems().setAll("userlm", "prompted", "sharded");
        kind.setValue("userlm");
        kind.setId("simKind");
        ComboBox<BackendProfile> profile = profiles("simProfile");
        ChoiceBox<String> guard = new ChoiceBox<>();
        guard.getItems().setAll("default", "paper", "off");
        guard.setValue("default");
        guard.setId("simGuardrails");
        ListView<DefineForm.SimulatorRow> list = new ListView<>(vm.form.simulators);
        list.setId("expSimulators");
        list.setPrefHeight(80);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DefineForm.SimulatorRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + " — " + r.kind() + " · " + r.profile().name()
                        + " · guardrails " + r.guardrails());
            }
        });
        Button add = new Button("Add simulator");
        add.setId("addSimulator");
        add.setOnAction(e -> {
            BackendProfile p = profile.getValue();
            if (p != null) {
                vm.form.simulators.add(new DefineForm.SimulatorRow(unique(kind.getValue() + " · " + p.model(),
                        vm.form.simulators.stream().map(DefineForm.SimulatorRow::name).toList()), kind.getValue(), p,
                        guard.getValue()));
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.form.simulators.remove(list.getSelectionModel().getSelectedItem()));
        return new VBox(4, new Label("Simulator profiles"), Fit.row(kind, profile, guard), Fit.row(add, remove),
                list);
    }

    private VBox assistants() {
        ComboBox<BackendProfile> profile = profiles("asstProfile");
        ListView<DefineForm.AssistantRow> list = new ListView<>(vm.form.assistants);
        list.setId("expAssistants");
        list.setPrefHeight(60);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DefineForm.AssistantRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + " — " + r.profile().name());
            }
        });
        Button add = new Button("Add assistant");
        add.setId("addAssistant");
        add.setOnAction(e -> {
            BackendProfile p = profile.getValue();
            if (p != null) {
                vm.form.assistants.add(new DefineForm.AssistantRow(unique(p.model(), vm.form.assistants.stream()
                        .map(DefineForm.AssistantRow::name).toList()), p));
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> vm.form.assistants.remove(list.getSelectionModel().getSelectedItem()));
        return new VBox(4, new Label("Assistant profiles"), Fit.row(profile, add, remove), list);
    }

    private ComboBox<BackendProfile> profiles(String id) {
        ComboBox<BackendProfile> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(vm.profiles());
        c.setOnShowing(e -> c.getItems().setAll(vm.profiles()));
        if (!c.getItems().isEmpty()) {
            c.setValue(c.getItems().get(0));
        }
        c.setPrefWidth(230);
        c.setMinWidth(Region.USE_PREF_SIZE); // "Demo (offline, scripted)" whole; the row wraps instead
        return c;
    }

    private static String unique(String base, List<String> taken) {
        String n = base;
        for (int i = 2; taken.contains(n); i++) {
            n = base + " (" + i + ")";
        }
        return n;
    }

    private GridPane numbers() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.addRow(0, new Label("Runs per cell"), spinner("expRuns", 1, 1000, vm.form.runs),
                new Label("Max turns"), spinner("expMaxTurns", 1, 50, vm.form.maxTurns));
        g.addRow(1, new Label("Seed"), spinner("expSeed", 0, Integer.MAX_VALUE, vm.form.seed),
                new Label("Per endpoint"), spinner("expConcurrency", 1, 256, vm.form.concurrency));
        CheckBox solved = new CheckBox("Stop when solved");
        solved.selectedProperty().bindBidirectional(vm.form.stopWhenSolved);
        g.add(solved, 0, 2, 4, 1);
        return g;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty p) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.valueProperty().addListener((o, a, b) -> p.set(b));
        return s;
    }

    private Button showJson() {
        Button b = new Button("Show config JSON");
        b.setOnAction(e -> {
            TextArea t = new TextArea(vm.form.toJson());
            t.setEditable(false);
            t.setPrefSize(600, 420);
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.setTitle("Experiment config");
            a.setHeaderText("experiment run --config FILE runs the same experiment from the command line");
            a.getDialogPane().setContent(t);
            Owners.own(a, this);
            a.show();
        });
        return b;
    }
}
