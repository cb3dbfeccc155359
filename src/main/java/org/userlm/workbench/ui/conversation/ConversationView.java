package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.Fit;
import org.userlm.workbench.ui.conversation.ConversationViewModel.RunState;

/**
 * The live conversation: run controls, the turns as bubbles, the end reason and the take-over composer.
 *
 * <p>Over 300 lines on purpose: the toolbar, the turn list, the end-of-conversation extras and the composer bind to
 * one {@link ConversationViewModel} and react to the same run state; each bubble is a {@link TurnView} and the
 * list's virtualisation is {@link TurnList}.
 */
public final class ConversationView extends BorderPane {
    private final ConversationViewModel vm;
    private final TurnList turnList = new TurnList();
    private final VBox extras = new VBox(8);
    private final ScrollPane scroll = new ScrollPane();
    private final Label endReason = new Label();
    private final Label empty = new Label("Pick a task, a simulator and an assistant, then press Start  (Ctrl+Enter)");
    private final Map<TurnViewModel, TurnView> views = new HashMap<>();
    private final Button start = button("▶  Start", "startButton", "Start a new conversation (Ctrl+Enter)");
    private final ListChangeListener<TurnViewModel> turnsListener = this::turnsChanged;
    private final InvalidationListener endListener = o -> rebuildExtras();
    private boolean stickToBottom = true;
    private TranscriptModel bound;

    public ConversationView(ConversationViewModel vm, Runnable onStart) {
        this.vm = vm;
        getStyleClass().add("conversation-pane");
        start.setOnAction(e -> onStart.run());
        start.getStyleClass().add("accent-button");
        setTop(toolbar());
        endReason.setId("endReason");
        endReason.getStyleClass().add("end-reason");
        endReason.setMaxWidth(Double.MAX_VALUE);
        endReason.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true); // a narrow column (the drawer docked on a 1280-px window) wraps it, never cuts it
        scroll.setId("conversationView");
        VBox content = new VBox(12, turnList, extras, endReason);
        content.getStyleClass().add("turn-list");
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("conversation-scroll");
        // Auto-scroll only while the reader is at the bottom (ARCHITECTURE.md, threads rule 3).
        scroll.vvalueProperty().addListener((o, a, v) -> stickToBottom = v.doubleValue() >= scroll.getVmax() - 0.02);
        turnList.heightProperty().addListener((o, a, b) -> {
            if (stickToBottom) {
                scroll.setVvalue(scroll.getVmax());
            }
        });
        setCenter(scroll);
        setBottom(composer());
        vm.shownProperty().addListener((o, was, now) -> bind(now));
        bind(vm.shownProperty().get());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse();
                // Only bubbles near the viewport live in the scene graph (decision 0005).
                Bounds vp = turnList.sceneToLocal(scroll.localToScene(scroll.getLayoutBounds()));
                if (vp != null) {
                    turnList.window(vp.getMinY(), vp.getMaxY());
                }
            }
        }.start();
    }

    private VBox toolbar() {
        Label title = new Label();
        title.setId("conversationTitle");
        title.getStyleClass().add("conversation-title");
        title.setMinWidth(60);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(title, Priority.SOMETIMES);
        vm.shownProperty().addListener((o, a, t) -> title.textProperty().bind(t.titleProperty()));
        title.textProperty().bind(vm.shownProperty().get().titleProperty());
        ComboBox<ConversationSummary> branches = new ComboBox<>(vm.branches());
        branches.setId("branchSwitcher");
        branches.setPromptText("Branches");
        branches.setMaxWidth(200);
        branches.setMinWidth(90);
        branches.setTooltip(new Tooltip("Switch between the original and its forks"));
        branches.setCellFactory(l -> new BranchCell());
        branches.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ConversationSummary s, boolean emptyCell) {
                super.updateItem(s, emptyCell);
                // Short, so it is never cut; "no branches yet" rather than a blank box after a run.
                setText(emptyCell || s == null ? (vm.branches().size() < 2 ? "No branches yet" : "Branches")
                        : (s.parentId() == null ? "Original" : "Branch") + " · " + s.turnCount() + " turns");
            }
        });
        branches.disableProperty().bind(Bindings.size(vm.branches()).lessThan(2));
        branches.setOnAction(e -> {
            ConversationSummary s = branches.getValue();
            if (s != null && !s.id().equals(vm.shownProperty().get().conversationIdProperty().get())) {
                vm.open(s.id());
            }
        });
        vm.branches().addListener((ListChangeListener<ConversationSummary>) c -> {
            String id = vm.shownProperty().get().conversationIdProperty().get();
            branches.setValue(vm.branches().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null));
        });
        Button pause = button("‖  Pause", "pauseButton", "Finish the current turn, then wait (Ctrl+P)");
        pause.setOnAction(e -> vm.pause());
        Button step = button("→  Step", "stepButton", "While paused: one more turn (Ctrl+T)");
        step.setOnAction(e -> vm.step());
        Button resume = button("▶  Continue", "continueButton", "Continue after a pause (Ctrl+R)");
        resume.setOnAction(e -> vm.resume());
        Button stop = button("■  Stop", "stopButton", "Cancel now, keep the partial text (Esc)");
        stop.getStyleClass().add("danger-button");
        stop.setOnAction(e -> vm.stop());
        ToggleButton takeOver = new ToggleButton("✎  Take over user");
        takeOver.setId("takeOverToggle");
        takeOver.setMinWidth(Region.USE_PREF_SIZE);
        takeOver.setTooltip(new Tooltip("Type the user's turns yourself, from the next user turn (Ctrl+U)"));
        takeOver.selectedProperty().bindBidirectional(vm.takeOverProperty());
        start.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.IDLE));
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.RUNNING));
        step.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
        resume.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
        stop.disableProperty().bind(vm.stateProperty().isEqualTo(RunState.IDLE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(8, title, branches);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        // The run buttons wrap onto a second line when the column is narrow (the settings drawer docked beside it
        // on a 1280-px window); "Take over user" keeps its place at the right.
        FlowPane run = Fit.row(start, pause, step, resume, stop);
        run.setPrefWrapLength(560);
        HBox.setHgrow(run, Priority.SOMETIMES);
        HBox controls = new HBox(6, run, spacer, takeOver);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, titleRow, controls);
        bar.getStyleClass().add("run-toolbar");
        return bar;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private VBox composer() {
        TextArea input = new TextArea();
        input.setId("humanInput");
        input.setPromptText("Type the user's next message — Ctrl+Enter to send");
        input.setPrefRowCount(2);
        input.setWrapText(true);
        Button send = new Button("Send as user");
        send.setId("sendHumanTurn");
        send.getStyleClass().add("accent-button");
        Runnable submit = () -> {
            if (vm.submitHumanTurn(input.getText())) {
                input.clear();
            }
        };
        send.setOnAction(e -> submit.run());
        send.setMinWidth(Region.USE_PREF_SIZE);
        // Enabled while the run waits for the user, and on a finished conversation (sending continues it).
        send.disableProperty().bind(vm.awaitingHumanProperty().not()
                .and(vm.stateProperty().isNotEqualTo(RunState.IDLE)));
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                submit.run();
                e.consume();
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(Bindings.when(vm.awaitingHumanProperty())
                .then("Your turn: the conversation waits for your message as the user.")
                .otherwise(Bindings.when(vm.stateProperty().isEqualTo(RunState.IDLE))
                        .then("Send continues the shown conversation in a new branch with your message.")
                        .otherwise("You take over from the next user turn.")));
        VBox box = new VBox(6, hint, new HBox(8, input, send));
        box.getStyleClass().add("composer");
        box.visibleProperty().bind(vm.takeOverProperty().or(vm.awaitingHumanProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void bind(TranscriptModel t) {
        if (bound != null) {
            bound.turns().removeListener(turnsListener);
            bound.failureProperty().removeListener(endListener);
            bound.endReasonProperty().removeListener(endListener);
        }
        bound = t;
        t.turns().addListener(turnsListener);
        t.failureProperty().addListener(endListener);
        t.endReasonProperty().addListener(endListener);
        endReason.textProperty().bind(Bindings.createStringBinding(() -> {
            String r = TranscriptModel.describe(t.endReasonProperty().get());
            String f = t.failureProperty().get();
            return f == null ? r : "Could not run: " + f;
        }, t.endReasonProperty(), t.failureProperty()));
        stickToBottom = true;
        views.values().forEach(TurnView::dispose);
        views.clear();
        rebuildTurns();
    }

    /** Appends new bubbles in place; anything else rebuilds (re-adding every bubble re-applies all CSS). */
    private void turnsChanged(ListChangeListener.Change<? extends TurnViewModel> c) {
        boolean appendOnly = true;
        while (c.next()) {
            appendOnly &= c.wasAdded() && !c.wasRemoved() && !c.wasPermutated()
                    && c.getFrom() == turnList.turns().size();
            if (appendOnly) {
                for (TurnViewModel turn : c.getAddedSubList()) {
                    TurnView v = view(turn);
                    views.put(turn, v);
                    turnList.add(v);
                }
            }
        }
        if (!appendOnly) {
            rebuildTurns();
        } else {
            rebuildExtras();
        }
    }

    private TurnView view(TurnViewModel turn) {
        TurnView v = new TurnView(turn, new TurnView.Actions() {
                    @Override
                    public void fork(int index, String newText) {
                        vm.fork(index, newText);
                    }

                    @Override
                    public void retry() {
                        vm.retry();
                    }

                    @Override
                    public boolean editable() {
                        return !vm.isLive() || vm.shownProperty().get() != bound;
                    }

                    @Override
                    public void relabel(int index, TurnCategory category) {
                        vm.relabel(index, category);
                    }
                });
        // Offset the two sides so a glance tells who is speaking.
        VBox.setMargin(v, turn.role() == Role.USER
                ? new Insets(0, 0, 0, 72) : new Insets(0, 72, 0, 0));
        return v;
    }

    private void rebuildTurns() {
        TranscriptModel t = bound;
        Map<TurnViewModel, TurnView> keep = new HashMap<>();
        List<TurnView> order = new ArrayList<>();
        for (TurnViewModel turn : t.turns()) {
            TurnView v = views.remove(turn);
            if (v == null) {
                v = view(turn);
            }
            keep.put(turn, v);
            order.add(v);
        }
        turnList.setAll(order);
        views.values().forEach(TurnView::dispose);
        views.clear();
        views.putAll(keep);
        rebuildExtras();
    }

    private void rebuildExtras() {
        TranscriptModel t = bound;
        extras.getChildren().clear();
        if (t.turns().isEmpty() && t.endReasonProperty().get() == null && t.failureProperty().get() == null) {
            extras.getChildren().add(empty);
        }
        if (t.failureProperty().get() != null) {
            Button retry = new Button("Retry");
            retry.setId("retryButton");
            retry.getStyleClass().add("retry-button");
            retry.setOnAction(e -> vm.retry());
            HBox row = new HBox(8, new Label(t.failureProperty().get()), retry);
            row.getStyleClass().addAll("turn-bubble", "failed-turn", "error-row");
            extras.getChildren().add(row);
        }
    }

    private static final class BranchCell extends ListCell<ConversationSummary> {
        @Override
        protected void updateItem(ConversationSummary s, boolean emptyCell) {
            super.updateItem(s, emptyCell);
            setText(emptyCell || s == null ? null
                    : (s.parentId() == null ? "Original" : "Branch") + " · " + s.turnCount() + " turns · "
                    + s.title());
        }
    }

    /**
     * Shows {@code bubble} (null: none) where the transcript's bubbles go, invisible and outside layout: for the
     * conversation warm-up, whose CSS must run with the ancestors real bubbles have.
     */
    public void warm(Region bubble) {
        turnList.warm(bubble);
    }
}
