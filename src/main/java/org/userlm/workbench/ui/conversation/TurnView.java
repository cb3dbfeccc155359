package org.userlm.workbench.ui.conversation;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.ui.common.Fit;

/**
 * One turn as a bubble: finished paragraphs render as markdown while the rest streams as plain text; the last one
 * renders when the turn settles.
 *
 * <p>Over 300 lines on purpose: one bubble's states (streaming, settled markdown, error, inline edit), its header
 * with the category chip and its cached heights for the virtualised list change together; the parts that stand
 * alone live beside it ({@link StreamingMarkdown}, {@link MarkdownRenderer}, {@link TurnViewModel}).
 */
final class TurnView extends VBox {
    /** What a bubble's buttons do. */
    interface Actions {
        void fork(int index, String newText);

        void retry();

        boolean editable();

        /** An annotator set the category of an assistant turn. */
        default void relabel(int index, TurnCategory category) {
        }

        /** A read-only bubble's: nothing to fork, retry or edit (warm-up samples, tests). */
        Actions NONE = new Actions() {
            @Override
            public void fork(int index, String newText) {
            }

            @Override
            public void retry() {
            }

            @Override
            public boolean editable() {
                return false;
            }
        };
    }

    private final TurnViewModel vm;
    private final Actions actions;
    private final StackPane body = new StackPane();
    private final Label status = new Label();
    private final TitledPane guardrails = new TitledPane();
    private final VBox guardrailList = new VBox(6);
    private final HBox errorRow = new HBox(8);
    private final Button edit = new Button("Edit");
    private final Button copy = new Button("Copy");
    private StreamingMarkdown streaming;
    // Settled bubbles keep their height per width: TextFlow re-lays all its text whenever the width it is asked
    // about changes, and a growing streaming bubble makes the list ask every bubble again each frame.
    private final Map<Double, Double> prefHeights = new HashMap<>();
    private final Map<Double, Double> minHeights = new HashMap<>();
    private final TurnViewModel.TextSink sink = new TurnViewModel.TextSink() {
        @Override
        public void appended(String delta) {
            if (streaming != null) {
                streaming.append(delta);
            }
        }

        @Override
        public void cleared() {
            if (streaming != null) {
                streaming.clear();
            }
        }
    };
    private final ChangeListener<Turn> onSettled = (o, was, t) -> showSettled(t);

    TurnView(TurnViewModel vm, Actions actions) {
        this.vm = vm;
        this.actions = actions;
        setId("turn-" + vm.index());
        getStyleClass().addAll("turn-bubble", vm.role() == Role.USER ? "user-turn" : "assistant-turn");
        setSpacing(6);
        // The guardrail pane and the error row join the bubble only when needed: most turns never show them, and
        // every node in the scene costs CSS and layout on the frame the bubble appears.
        getChildren().addAll(header(), body);
        guardrails.setContent(guardrailList);
        guardrails.setExpanded(false);
        guardrails.getStyleClass().add("guardrail-pane");
        vm.guardrailEvents().addListener((ListChangeListener<GuardrailEvent>) c -> showGuardrails());
        showGuardrails();
        vm.settledProperty().addListener(onSettled);
        if (vm.settledProperty().get() != null) {
            showSettled(vm.settledProperty().get());
        } else {
            showStreaming();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        if (streaming != null) {
            return super.computePrefHeight(width);
        }
        return prefHeights.computeIfAbsent(width, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        if (streaming != null) {
            return super.computeMinHeight(width);
        }
        return minHeights.computeIfAbsent(width, super::computeMinHeight);
    }

    @Override
    public void requestLayout() {
        prefHeights.clear();
        minHeights.clear();
        super.requestLayout();
    }

    private HBox header() {
        boolean user = vm.role() == Role.USER;
        Label role = new Label(user ? "USER" : "ASSISTANT");
        role.getStyleClass().addAll("role-chip", user ? "role-user" : "role-assistant");
        Label stats = new Label();
        stats.getStyleClass().add("turn-stats");
        stats.textProperty().bind(vm.statsProperty());
        status.getStyleClass().add("turn-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        edit.getStyleClass().addAll("flat-button", "edit-turn");
        edit.setOnAction(e -> beginEdit());
        copy.getStyleClass().add("flat-button");
        copy.setOnAction(e -> {
            ClipboardContent cc = new ClipboardContent();
            cc.putString(vm.text());
            Clipboard.getSystemClipboard().setContent(cc);
        });
        // Chips and buttons keep their words; the stats line wraps when the bubble is narrow.
        stats.setWrapText(true);
        stats.setMinWidth(60);
        stats.setMinHeight(Region.USE_PREF_SIZE);
        HBox h = new HBox(10, role, status, spacer, stats, copy, edit);
        if (!user) {
            h.getChildren().add(2, categoryChip());
        }
        Fit.keep(h);
        h.getStyleClass().add("turn-header");
        return h;
    }

    /** The judge's (or heuristic's) category of an assistant turn; an annotator can change it. */
    private MenuButton categoryChip() {
        MenuButton chip = new MenuButton();
        chip.setId("category-" + vm.index());
        chip.getStyleClass().addAll("category-chip", "flat-button");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        for (TurnCategory c : TurnCategory.values()) {
            MenuItem item = new MenuItem(c.wire().replace('_', ' '));
            item.setOnAction(e -> actions.relabel(vm.index(), c));
            chip.getItems().add(item);
        }
        Runnable show = () -> {
            TurnLabel l = vm.labelProperty().get();
            chip.setVisible(l != null);
            chip.setManaged(l != null);
            if (l != null) {
                String grade = l.correct() == null ? "" : l.correct() ? " ✓" : " ✗";
                chip.setText(l.chip() + grade);
                chip.setTooltip(new Tooltip((l.source()
                        == TurnLabel.Source.JUDGE ? "judge " + l.judgeModel() + ", "
                        + l.promptVersion() : l.source().wire()) + (l.extracted() == null ? "" : "\nextracted: "
                        + l.extracted()) + (l.detail() == null ? "" : "\n" + l.detail())
                        + "\nClick to set the category by hand."));
            }
        };
        vm.labelProperty().addListener((o, a, b) -> show.run());
        show.run();
        return chip;
    }

    private void showStreaming() {
        streaming = new StreamingMarkdown();
        streaming.append(vm.text());
        vm.addSink(sink);
        body.getChildren().setAll(streaming);
        setStatus(vm.role() == Role.USER && vm.text().isEmpty() ? "writing…" : "streaming", "status-streaming");
        edit.setVisible(false);
        copy.setVisible(false);
        getChildren().remove(errorRow);
    }

    private void showError() {
        if (errorRow.getChildren().isEmpty()) {
            Button retry = new Button("Retry");
            retry.getStyleClass().add("retry-button");
            retry.setId("retryButton");
            retry.setOnAction(e -> actions.retry());
            Label error = new Label();
            error.getStyleClass().add("turn-error");
            error.setWrapText(true);
            error.textProperty().bind(vm.errorProperty());
            errorRow.getChildren().addAll(error, retry);
            errorRow.getStyleClass().add("error-row");
        }
        if (!getChildren().contains(errorRow)) {
            getChildren().add(errorRow);
        }
    }

    private void showSettled(Turn t) {
        vm.removeSink(sink);
        StreamingMarkdown streamed = streaming;
        streaming = null;
        if (streamed != null && streamed.text().equals(t.content())) {
            // Finished chunks are already rendered: only the open one changes, so the bubble does not jump.
            settleStreamed(t, streamed);
        } else if (t.content().length() < MarkdownRenderer.ASYNC_THRESHOLD) {
            body.getChildren().setAll(MarkdownRenderer.render(t.content()));
        } else {
            // The streamed text stays on screen until the rendered version is ready.
            MarkdownRenderer.renderAsync(t.content(), node -> {
                if (vm.settledProperty().get() == t) {
                    body.getChildren().setAll(node);
                }
            });
        }
        boolean failed = t.status() == TurnStatus.FAILED;
        setStatus(switch (t.status()) {
            case COMPLETE -> "";
            case CANCELLED -> "stopped";
            case FAILED -> "failed";
            default -> t.status().wire();
        }, "status-" + t.status().wire());
        if (failed) {
            showError();
        } else {
            getChildren().remove(errorRow);
        }
        edit.setVisible(t.status() == TurnStatus.COMPLETE);
        copy.setVisible(true);
        if (failed) {
            getStyleClass().add("failed-turn");
        }
    }

    private void settleStreamed(Turn t, StreamingMarkdown streamed) {
        String tail = streamed.tail();
        if (tail.length() < MarkdownRenderer.ASYNC_THRESHOLD) {
            showBody(streamed.settle(MarkdownRenderer.blocks(tail)));
        } else {
            MarkdownRenderer.blocksAsync(tail, nodes -> {
                if (vm.settledProperty().get() == t) {
                    showBody(streamed.settle(nodes));
                }
            });
        }
    }

    /** Shows {@code n} as the body; one already there stays put (re-adding it would re-run its CSS). */
    private void showBody(Node n) {
        if (body.getChildren().size() != 1 || body.getChildren().get(0) != n) {
            body.getChildren().setAll(n);
        }
    }

    private void setStatus(String text, String styleClass) {
        status.setText(text);
        status.getStyleClass().setAll("turn-status", styleClass);
        status.setVisible(!text.isEmpty());
    }

    private void showGuardrails() {
        int n = vm.guardrailEvents().size();
        if (n == 0) {
            getChildren().remove(guardrails);
            return;
        }
        if (!getChildren().contains(guardrails)) {
            getChildren().add(2, guardrails);
        }
        guardrails.setText("⚑ " + n + " guardrail firing" + (n == 1 ? "" : "s") + " — click for details");
        guardrailList.getChildren().clear();
        for (GuardrailEvent e : vm.guardrailEvents()) {
            Label what = new Label(e.rule() + " · " + e.action() + " · attempt " + e.attempt()
                    + (e.detail().isEmpty() ? "" : " — " + e.detail()));
            what.getStyleClass().add("guardrail-rule");
            Label rejected = new Label("rejected: “" + e.rejectedText() + "”");
            rejected.getStyleClass().add("guardrail-rejected");
            rejected.setWrapText(true);
            guardrailList.getChildren().addAll(what, rejected);
        }
    }

    private void beginEdit() {
        if (!actions.editable()) {
            return;
        }
        TextArea area = new TextArea(vm.text());
        area.setId("editArea");
        area.setWrapText(true);
        area.setPrefRowCount(4);
        Button fork = new Button("Fork from here");
        fork.setId("forkButton");
        fork.getStyleClass().add("accent-button");
        fork.setOnAction(e -> actions.fork(vm.index(), area.getText()));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> showSettled(vm.settledProperty().get()));
        Label hint = new Label("The original stays; the edited conversation continues as a new branch.");
        hint.getStyleClass().add("hint");
        VBox editor = new VBox(6, area, new HBox(8, fork, cancel, hint));
        body.getChildren().setAll(editor);
        edit.setVisible(false);
        area.requestFocus();
    }

    /** The turn's text so far. */
    String text() {
        return vm.text();
    }

    int textLength() {
        return vm.textLength();
    }

    boolean isSettled() {
        return vm.settledProperty().get() != null;
    }

    /** Stops listening to the view model (the bubble left the scene). */
    void dispose() {
        vm.removeSink(sink);
        vm.settledProperty().removeListener(onSettled);
    }
}
