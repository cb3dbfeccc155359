package org.userlm.workbench.ui.tasks;

import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.ui.common.Notify;

/** Task list with search, kind filter, details and import (button or drag and drop). */
public final class TaskBrowserView extends VBox {

    public TaskBrowserView(TaskBrowserViewModel vm) {
        setSpacing(8);
        getStyleClass().add("task-browser");
        TextField search = new TextField();
        search.setId("taskSearch");
        // The hint stays short enough to be read whole beside the kind filter in the narrowest task column; the
        // shortcut is in the tooltip and the cheat sheet.
        search.setPromptText("Search tasks");
        search.setTooltip(new Tooltip("Search tasks (Ctrl+F)"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ChoiceBox<TaskKind> kind = new ChoiceBox<>();
        kind.setId("taskKindFilter");
        kind.getItems().setAll(null, TaskKind.MATH, TaskKind.CODE, TaskKind.OTHER);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaskKind k) {
                return k == null ? "All kinds" : k.wire();
            }

            @Override
            public TaskKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        ListView<Task> list = new ListView<>(vm.visible());
        list.setId("taskList");
        list.setCellFactory(l -> new TaskCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.selectedProperty().set(t);
            }
        });
        vm.selectedProperty().addListener((o, a, t) -> {
            if (t != null && list.getSelectionModel().getSelectedItem() != t) {
                list.getSelectionModel().select(t);
                list.scrollTo(t);
            }
        });
        TextArea details = new TextArea();
        details.setId("taskDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(Bindings.createStringBinding(
                () -> TaskBrowserViewModel.details(vm.selectedProperty().get()), vm.selectedProperty()));
        SplitPane split = new SplitPane(list, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        Button importButton = new Button("Import tasks…");
        importButton.setId("importTasks");
        importButton.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Import LiC / GSM8K / HumanEval tasks");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Task files", "*.json", "*.jsonl",
                    "*.jsonl.gz", "*.gz"));
            List<File> files = fc.showOpenMultipleDialog(getScene().getWindow());
            if (files != null) {
                vm.importFiles(files.stream().map(File::toPath).toList());
            }
        });
        Label status = new Label();
        status.setId("taskStatus");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().addListener((o, a, s) -> {
            if (s != null && (s.startsWith("Imported") || s.startsWith("Import failed"))) {
                Notify.show(getScene() == null ? null : getScene().getWindow(),
                        "Task import", s, s.startsWith("Import failed"));
            }
        });
        status.textProperty().bind(vm.statusProperty());
        status.setMinHeight(Label.USE_PREF_SIZE);
        Label sandbox = new Label();
        sandbox.setId("sandboxStatus");
        sandbox.getStyleClass().add("hint");
        sandbox.setWrapText(true);
        sandbox.setMinHeight(Label.USE_PREF_SIZE);
        sandbox.textProperty().bind(vm.sandboxProperty());
        Label drop = new Label("or drop files here");
        drop.getStyleClass().add("hint");
        drop.setWrapText(true);
        drop.setMinHeight(Label.USE_PREF_SIZE);
        HBox importRow = new HBox(8, importButton, drop);
        getChildren().addAll(new HBox(6, search, kind), split, importRow, status, sandbox);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.importFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static final class TaskCell extends ListCell<Task> {
        TaskCell() {
            // Fit the list's width (ellipsis) instead of growing a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Task t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label kind = new Label(t.kind().wire());
            kind.getStyleClass().addAll("kind-chip", "kind-" + t.kind().wire());
            kind.setMinWidth(Label.USE_PREF_SIZE);
            Label title = new Label(t.title() == null || t.title().isBlank() ? t.id() : t.title());
            title.getStyleClass().add("task-title");
            title.setMinWidth(0);
            title.setWrapText(true);
            title.setMinHeight(Label.USE_PREF_SIZE);
            HBox.setHgrow(title, Priority.ALWAYS);
            setText(null);
            setGraphic(new HBox(6, kind, title));
        }
    }
}
