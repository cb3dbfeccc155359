package org.userlm.workbench.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.ui.common.Fit;

/**
 * The compare view's setup (task, assistant, simulators, protocol, saved comparisons) under a line that always
 * shows: the fold toggle, a one-line summary while folded, Start, Stop and the status text. Open, the setup takes
 * about 400 px, which at 1024x700 left the transcripts some 150 px; so it folds when a comparison starts or a saved
 * one opens, and a demo can restart from the line without unfolding. One click (or Ctrl+Shift+S) unfolds it; what
 * the user picks stays until the next start or open (the view lives for the whole session).
 */
final class SetupSection extends VBox {
    /** Folds or unfolds the setup from anywhere in the compare view. */
    static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private final ToggleButton toggle = new ToggleButton();
    private final Node body;

    /** {@code body}: the setup rows; shown while the section is expanded. */
    SetupSection(CompareViewModel vm, Node body) {
        super(6);
        this.body = body;
        setId("compare-setup");
        body.setId("compare-setup-body");
        toggle.setId("setup-toggle");
        toggle.getStyleClass().add("setup-toggle");
        toggle.setSelected(true);
        toggle.textProperty().bind(Bindings.when(toggle.selectedProperty()).then("▾ Setup").otherwise("▸ Setup"));
        toggle.setTooltip(new Tooltip("Show or hide the task, simulators, protocol and saved comparisons "
                + "(Ctrl+Shift+S)"));
        toggle.selectedProperty().addListener((o, was, open) -> unfocusHidden(open));
        body.visibleProperty().bind(toggle.selectedProperty());
        body.managedProperty().bind(toggle.selectedProperty());
        Label summary = new Label();
        summary.setId("setup-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> summary(vm), vm.task, vm.profiles,
                vm.repeats));
        summary.visibleProperty().bind(toggle.selectedProperty().not());
        summary.managedProperty().bind(summary.visibleProperty());
        Button start = new Button("Start");
        start.setId("start");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.state.isEqualTo(CompareViewModel.State.RUNNING));
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.state.isNotEqualTo(CompareViewModel.State.RUNNING));
        Label msg = new Label();
        msg.setId("message");
        msg.textProperty().bind(vm.message);
        msg.setWrapText(true);
        msg.setMinHeight(Region.USE_PREF_SIZE);
        msg.setPrefWidth(10); // takes the width that is left, and wraps in it
        msg.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(msg, Priority.ALWAYS);
        HBox line = new HBox(8, Fit.keep(toggle), Fit.keep(summary), Fit.keep(start), Fit.keep(stop), msg);
        line.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(line, body);
        vm.state.addListener((o, was, now) -> {
            if (now == CompareViewModel.State.RUNNING || now == CompareViewModel.State.LOADING) {
                setExpanded(false); // the results need the height now
            }
        });
    }

    boolean isExpanded() {
        return toggle.isSelected();
    }

    void setExpanded(boolean expanded) {
        toggle.setSelected(expanded);
    }

    /** The key filter of the whole compare view: {@link #SHORTCUT} folds or unfolds. */
    void onKey(KeyEvent e) {
        if (SHORTCUT.match(e)) {
            setExpanded(!isExpanded());
            e.consume();
        }
    }

    /** Folding away the focused control would leave the keyboard nowhere: the toggle takes the focus. */
    private void unfocusHidden(boolean open) {
        if (open || getScene() == null) {
            return;
        }
        for (Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == body) {
                toggle.requestFocus();
                return;
            }
        }
    }

    private static String summary(CompareViewModel vm) {
        String task = vm.task.get() == null ? "no task" : vm.task.get().id();
        int n = vm.profiles.size();
        return task + " · " + n + (n == 1 ? " simulator" : " simulators") + " · N=" + vm.repeats.get();
    }

}
