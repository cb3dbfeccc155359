package org.userlm.workbench.ui.annotation;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.storage.AnnotationValues;

/**
 * The questions of the selected item: numbered option buttons ({@code #q-KEY-N}) or a note field
 * ({@code #q-KEY-text}) in a box per question ({@code #q-KEY}). Rebuilt on every change; clicks work too.
 */
final class QuestionPanel extends VBox {

    private final AnnotationViewModel vm;

    QuestionPanel(AnnotationViewModel vm) {
        super(8);
        this.vm = vm;
        setId("questionPanel");
        setPadding(new Insets(6));
    }

    /** Shows the questions of the selected item, the focused one highlighted. */
    void show() {
        getChildren().clear();
        List<AnnotationQuestion> qs = vm.questions();
        int focused = vm.focusedQuestionProperty().get();
        for (int i = 0; i < qs.size(); i++) {
            getChildren().add(questionBox(qs.get(i), i == focused));
        }
        Label help = new Label("1–9 pick · ↑↓/Tab question · J/K turn · N next unannotated · Ctrl+Enter confirm"
                + " and next · Ctrl+Z undo · Del clear");
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        help.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(help);
    }

    private Node questionBox(AnnotationQuestion q, boolean focused) {
        Label prompt = new Label(q.prompt() + (q.required() ? "" : " (optional)"));
        prompt.setWrapText(true);
        prompt.getStyleClass().add("annotation-prompt");
        prompt.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, prompt);
        box.setId("q-" + q.key());
        box.getStyleClass().add("annotation-question");
        if (focused) {
            box.getStyleClass().add("annotation-question-focused");
        }
        String value = vm.value(q);
        if (q.type() == QuestionType.TEXT) {
            TextArea area = new TextArea(value == null ? "" : AnnotationValues.display(value));
            area.setId("q-" + q.key() + "-text");
            area.setUserData(q);
            area.setPrefRowCount(2);
            area.setWrapText(true);
            WorkItem item = vm.selectedItem();
            area.focusedProperty().addListener((o, was, is) -> {
                if (was && !is) {
                    vm.setText(item, q, area.getText());
                }
            });
            box.getChildren().add(area);
            return box;
        }
        List<String> chosen = q.type() == QuestionType.MULTI_LABEL ? AnnotationValues.tags(value)
                : AnnotationValues.label(value).stream().toList();
        FlowPane options = new FlowPane(4, 4);
        for (int n = 1; n <= q.options().size(); n++) {
            String option = q.options().get(n - 1);
            // A rating's options are already its digits: "3", not "3 3".
            boolean digitIsLabel = option.equals(Integer.toString(n));
            ToggleButton b = new ToggleButton((n <= 9 && !digitIsLabel ? n + " " : "") + option);
            b.getStyleClass().add("annotation-option");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setId("q-" + q.key() + "-" + n);
            b.setFocusTraversable(false);
            b.setMnemonicParsing(false); // labels like answer_attempt keep their underscore
            b.setSelected(chosen.contains(option));
            int pick = n;
            b.setOnAction(e -> {
                vm.moveFocus(vm.questions().indexOf(q) - vm.focusedQuestionProperty().get());
                vm.pickOption(pick);
            });
            options.getChildren().add(b);
        }
        box.getChildren().add(options);
        return box;
    }
}
