package org.userlm.workbench.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.ui.common.editor.CodeEditor;
import org.userlm.workbench.ui.common.editor.CodeEditors;

/** A compact grid for a {@link ProtocolForm}; used by the Live settings pane and Compare. Binds only. */
public final class ProtocolPane extends GridPane {

    /**
     * @param f            the form
     * @param prefix       id prefix ({@code live} or {@code compare}) so tests can find the fields
     * @param withSampling show the user-sampling override (Compare; the Live pane edits sampling per backend)
     */
    public ProtocolPane(ProtocolForm f, String prefix, boolean withSampling) {
        setHgap(8);
        setVgap(6);
        getStyleClass().add("form-grid");
        int r = 0;
        // Multi-line editors: a text field would drop the template's line breaks. Unknown placeholders are flagged.
        CodeEditor template = CodeEditors.intentTemplate().identify(prefix + "IntentTemplate").setRows(3)
                .setPlaceholder("placeholders: {goal} {problem} {shards} {function}")
                .bindBidirectional(f.intentTemplate);
        GridPane.setHgrow(template, Priority.ALWAYS);
        addRow(r++, label("Intent template"), template);
        CodeEditor prompt = CodeEditors.simulatorPrompt().identify(prefix + "UserPrompt").setRows(2)
                .setPlaceholder("Simulator prompt (prompted / sharded). Blank: ours. Paste your copy of LiC's "
                        + "original to use it; its [[...]] placeholders are filled.")
                .bindBidirectional(f.userPrompt);
        GridPane.setHgrow(prompt, Priority.ALWAYS);
        addRow(r++, label("Simulator prompt"), prompt);
        if (withSampling) {
            ChoiceBox<ProtocolForm.Sampling> s = new ChoiceBox<>();
            s.getItems().setAll(ProtocolForm.Sampling.values());
            s.setId(prefix + "Sampling");
            s.valueProperty().bindBidirectional(f.sampling);
            addRow(r++, label("User sampling"), s);
        }
        addRow(r++, label("User max tokens"), spinner(f.userMaxTokens, 1, 8192, prefix + "UserMaxTokens", 90));
        addRow(r++, label("Verbatim n-gram"), spinner(f.verbatimNgram, 0, 50, prefix + "VerbatimNgram", 90));
        addRow(r++, label("Min user turns"), spinner(f.minUserTurns, 1, 50, prefix + "MinUserTurns", 90));
        if (withSampling) {
            CheckBox override = new CheckBox(
                    "Apply these three to every profile (else each keeps its preset's)");
            override.setId(prefix + "OverrideLimits");
            override.setWrapText(true);
            override.selectedProperty().bindBidirectional(f.overrideLimits);
            add(override, 1, r++);
        }
        ChoiceBox<GraderMode> grader = new ChoiceBox<>();
        grader.getItems().setAll(GraderMode.values());
        grader.setId(prefix + "Grader");
        grader.valueProperty().bindBidirectional(f.grader);
        grader.setConverter(new StringConverter<>() {
            @Override
            public String toString(GraderMode m) {
                return m == null ? "" : m == GraderMode.LIC ? "lic (LiC's evaluator)" : "strict (ours)";
            }

            @Override
            public GraderMode fromString(String s) {
                return GraderMode.fromWire(s.split(" ")[0]);
            }
        });
        addRow(r++, label("Grader"), grader);
        addRow(r++, label("Judge URL"), text(f.judgeUrl, prefix + "JudgeUrl", "blank: the heuristic"));
        addRow(r++, label("Judge model"), text(f.judgeModel, prefix + "JudgeModel", "e.g. gpt-4o-mini"));
        Label hint = new Label("n-gram 0 = the paper's exact-repeat rule. The judge classifies assistant turns and "
                + "extracts answers as LiC does; without one a heuristic does, and the chips say so.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        add(hint, 0, r, 2, 1);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField text(StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        HBox.setHgrow(t, Priority.ALWAYS);
        GridPane.setHgrow(t, Priority.ALWAYS);
        return t;
    }

    private static Spinner<Integer> spinner(ObjectProperty<Integer> p, int min, int max,
                                            String id, double width) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get() == null ? min : p.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(width);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        return s;
    }
}
