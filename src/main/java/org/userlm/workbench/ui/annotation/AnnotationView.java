package org.userlm.workbench.ui.annotation;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.ui.common.EmptyState;
import org.userlm.workbench.ui.common.Fit;

/**
 * Keyboard-first annotation: a queue builder on top, the current conversation's turns on the left, the selected
 * turn's questions on the right. Keys: 1-9 pick an option of the focused question (toggle for tags), Up/Down or
 * Tab/Shift+Tab change question, J/K or Left/Right change turn, N next unannotated, Ctrl+Enter confirm and next,
 * Ctrl+Z undo, Delete clears the focused answer, Ctrl+B builds the queue. Every answer is stored at once.
 *
 * <p>Over 300 lines on purpose: the keyboard map, the queue bar and the turn list act on one focus and selection
 * and must be read together; state and actions are in {@link AnnotationViewModel}, the question widgets in
 * {@link QuestionPanel}.
 */
public final class AnnotationView extends BorderPane {
    private final AnnotationViewModel vm;
    private final ListView<WorkItem> turnList = new ListView<>();
    private final QuestionPanel questionPanel;
    private final ComboBox<String> simulatorFilter = new ComboBox<>();
    private final ComboBox<String> taskFilter = new ComboBox<>();
    private final ComboBox<String> runFilter = new ComboBox<>();
    private final CheckBox unannotatedOnly = new CheckBox("Unannotated only");
    private final CheckBox blind = new CheckBox("Blind");
    private final Runnable openAgreement;
    private boolean refreshScheduled;
    private boolean syncingSelection;

    /**
     * A view on {@code vm} (wired, and loaded with {@link AnnotationViewModel#load()}, by the window);
     * {@code openAgreement} shows the agreement statistics of the stored answers.
     */
    public AnnotationView(AnnotationViewModel vm, Runnable openAgreement) {
        this.openAgreement = openAgreement;
        this.vm = vm;
        this.questionPanel = new QuestionPanel(vm);
        setId("annotationView");
        setTop(queueBar());
        setCenter(body());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        vm.revisionProperty().addListener((o, a, b) -> scheduleRefresh());
        vm.focusedQuestionProperty().addListener((o, a, b) -> scheduleRefresh());
        vm.selectedProperty().addListener((o, a, b) -> scheduleRefresh());
        choices(simulatorFilter, vm.simulatorChoices());
        choices(taskFilter, vm.taskChoices());
        choices(runFilter, vm.runChoices());
    }

    public AnnotationViewModel viewModel() {
        return vm;
    }

    private Node queueBar() {
        simulatorFilter.setId("simulatorFilter");
        taskFilter.setId("taskFilter");
        runFilter.setId("runFilter");
        unannotatedOnly.setId("unannotatedOnly");
        blind.setId("blind");
        for (ComboBox<String> c : List.of(simulatorFilter, taskFilter, runFilter)) {
            c.setPrefWidth(170);
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        simulatorFilter.setPromptText("any simulator");
        taskFilter.setPromptText("any task");
        runFilter.setPromptText("any run");
        Button build = new Button("Build queue (Ctrl+B)");
        build.setId("buildQueue");
        build.setOnAction(e -> buildQueue());
        Label progress = new Label();
        progress.setId("progress");
        progress.textProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("saveStatus");
        status.textProperty().bind(vm.statusProperty());
        Button editSchema = new Button("Schema…");
        editSchema.setId("editSchema");
        editSchema.disableProperty().bind(vm.readyProperty().not().or(
                new SimpleBooleanProperty(!vm.canEditSchema())));
        editSchema.setOnAction(e -> SchemaEditorDialog.edit(vm.schema()).ifPresent(vm::saveSchema));
        Button agreement = new Button("Agreement…");
        agreement.setId("agreement");
        agreement.setTooltip(new Tooltip("Cohen's κ and Krippendorff's α per question"));
        agreement.disableProperty().bind(vm.readyProperty().not());
        agreement.setOnAction(e -> openAgreement.run());
        Button who = new Button(annotatorLabel());
        who.setId("switchAnnotator");
        who.setTooltip(new Tooltip("Switch annotator: later answers go under the new name"));
        who.setOnAction(e -> {
            AnnotatorName.change();
            who.setText(annotatorLabel());
            vm.forgetAnnotator();
            if (!vm.items().isEmpty()) {
                buildQueue(); // their own answers, not the previous annotator's
            }
        });
        FlowPane bar = Fit.row(simulatorFilter, taskFilter, runFilter, unannotatedOnly, blind, build, editSchema,
                agreement, who, progress, status);
        bar.setPadding(new Insets(6));
        return bar;
    }

    private Node body() {
        Label header = new Label();
        header.setId("conversationHeader");
        header.textProperty().bind(vm.headerProperty());
        header.getStyleClass().add("bold-label");
        header.setWrapText(true);
        header.setMinHeight(Region.USE_PREF_SIZE);
        Label intent = new Label();
        intent.setId("intent");
        intent.setWrapText(true);
        intent.textProperty().bind(vm.intentProperty().map(s -> s.isEmpty() ? "" : "Intent: " + s));
        turnList.setId("turnList");
        turnList.setItems(vm.items());
        // What to do while the list is empty: before a queue, after a queue that matched nothing, while building.
        Label hint = EmptyState.label("queueHint", "");
        hint.textProperty().bind(vm.statusProperty().map(AnnotationView::emptyHint).orElse(emptyHint("")));
        turnList.setPlaceholder(hint);
        turnList.setCellFactory(l -> new TurnCell(vm, turnList.widthProperty()));
        turnList.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!syncingSelection && b.intValue() >= 0) {
                vm.select(b.intValue());
            }
        });
        VBox left = new VBox(4, header, intent, turnList);
        VBox.setVgrow(turnList, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        ScrollPane right = new ScrollPane(questionPanel);
        right.setFitToWidth(true);
        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6);
        return split;
    }

    /** The empty turn list's words for the view model's status line. */
    static String emptyHint(String status) {
        if (status.startsWith("building")) {
            return "Building the queue…";
        }
        if (status.equals("no conversations match")) {
            return "No conversations match these filters. Change them and build the queue again (Ctrl+B).";
        }
        return "Pick which conversations to annotate with the filters above, then build the queue (Ctrl+B). "
                + "Conversations come from Live, Compare and Experiments.";
    }

    /** The combo box offers "" (any) and the view model's choices, kept up to date. */
    private static void choices(ComboBox<String> box, ObservableList<String> values) {
        box.getItems().setAll(withAny(values));
        values.addListener((ListChangeListener<String>) c -> box.getItems().setAll(withAny(values)));
    }

    private static List<String> withAny(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(values);
        return out;
    }

    /** Builds the queue from the filters and moves keyboard focus to the turn list. */
    public void buildQueue() {
        vm.buildQueue(new QueueFilter(simulatorFilter.getValue(), taskFilter.getValue(), runFilter.getValue(),
                unannotatedOnly.isSelected(), blind.isSelected()), turnList::requestFocus);
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.B) {
            e.consume();
            buildQueue();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || getScene() != null
                && getScene().getFocusOwner() instanceof TextInputControl) {
            onKeyInText(e);
            return;
        }
        KeyCode k = e.getCode();
        if (e.getTarget() instanceof ComboBox<?> && !(e.isShortcutDown() && k == KeyCode.ENTER)) {
            return;
        }
        boolean handled = true;
        if (e.isShortcutDown() && k == KeyCode.ENTER) {
            vm.confirmAndNext();
        } else if (e.isShortcutDown() && k == KeyCode.Z) {
            vm.undo();
        } else if (e.isShortcutDown() || e.isAltDown()) {
            handled = false;
        } else if (k.isDigitKey() && digit(k) >= 1) {
            vm.pickOption(digit(k));
        } else if (k == KeyCode.J || k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN) {
            vm.next();
        } else if (k == KeyCode.K || k == KeyCode.LEFT || k == KeyCode.PAGE_UP) {
            vm.previous();
        } else if (k == KeyCode.N) {
            vm.nextUnannotated();
        } else if (k == KeyCode.DOWN || k == KeyCode.TAB && !e.isShiftDown()) {
            vm.moveFocus(1);
        } else if (k == KeyCode.UP || k == KeyCode.TAB) {
            vm.moveFocus(-1);
        } else if (k == KeyCode.ENTER && focusedIsText()) {
            handled = true;
        } else if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) {
            vm.clearFocused();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
            // Tab enters a note field; ↑/↓ only highlight it, so a digit typed next is never note text.
            if (k == KeyCode.TAB || k == KeyCode.ENTER) {
                focusTextIfTextQuestion();
            }
        }
    }

    private void onKeyInText(KeyEvent e) {
        if (!(getScene().getFocusOwner() instanceof TextArea area) || !(area.getUserData() instanceof AnnotationQuestion q)) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            vm.setText(q, area.getText());
            vm.confirmAndNext();
        } else if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.TAB) {
            vm.setText(q, area.getText());
            vm.moveFocus(e.isShiftDown() ? -1 : 1);
        } else {
            return;
        }
        e.consume();
        turnList.requestFocus();
        focusTextIfTextQuestion();
    }

    private static String annotatorLabel() {
        String name = AnnotatorName.stored();
        return name.isBlank() ? "Annotator…" : "Annotator: " + name;
    }

    private boolean focusedIsText() {
        List<AnnotationQuestion> qs = vm.questions();
        int f = vm.focusedQuestionProperty().get();
        return f < qs.size() && qs.get(f).type() == QuestionType.TEXT;
    }

    private static int digit(KeyCode k) {
        String name = k.getName();
        return Character.isDigit(name.charAt(name.length() - 1)) ? name.charAt(name.length() - 1) - '0' : -1;
    }

    /** When the focused question is free text, put the caret in its field so typing goes there. */
    private void focusTextIfTextQuestion() {
        Platform.runLater(() -> {
            List<AnnotationQuestion> qs = vm.questions();
            int f = vm.focusedQuestionProperty().get();
            if (f < qs.size() && qs.get(f).type() == QuestionType.TEXT) {
                Node n = questionPanel.lookup("#q-" + qs.get(f).key() + "-text");
                if (n != null) {
                    n.requestFocus();
                }
            }
        });
    }

    private void scheduleRefresh() {
        if (!refreshScheduled) {
            refreshScheduled = true;
            Platform.runLater(this::refresh);
        }
    }

    private void refresh() {
        refreshScheduled = false;
        int sel = vm.selectedProperty().get();
        syncingSelection = true;
        if (sel >= 0 && sel < vm.items().size()) {
            turnList.getSelectionModel().select(sel);
            turnList.scrollTo(Math.max(0, sel - 1));
        }
        syncingSelection = false;
        turnList.refresh();
        questionPanel.show();
    }
}
