package org.userlm.workbench.ui.annotation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.ui.common.Owners;
import org.userlm.workbench.ui.common.editor.CodeEditor;
import org.userlm.workbench.ui.common.editor.CodeEditors;

/**
 * Edits a schema in a form (questions listed, added, removed, reordered; each question's fields) with the same
 * schema as JSON in an "Advanced" tab (the text that is stored and exported). The two stay in sync; Save is off
 * while either holds a problem, which is shown under them. Save bumps the version; "Export JSON…" writes the text
 * to a file. Returns the edited schema, or empty when cancelled.
 */
final class SchemaEditorDialog {
    private SchemaEditorDialog() {
    }

    static Optional<AnnotationSchema> edit(AnnotationSchema current) {
        return build(new SchemaEditorModel(current)).showAndWait();
    }

    static Dialog<AnnotationSchema> build(SchemaEditorModel model) {
        Dialog<AnnotationSchema> d = Owners.own(new Dialog<>(), Owners.active());
        d.setTitle("Annotation schema");
        d.setHeaderText("The questions annotators answer. Existing answers keep their question keys.");
        CodeEditor json = jsonEditor().bindBidirectional(model.jsonProperty());
        Tab form = new Tab("Form", new SchemaForm(model));
        form.setId("schemaFormTab");
        Tab advanced = new Tab("Advanced (JSON)", new VBox(6, new Label("scope: user_turn | assistant_turn | "
                + "conversation; type: single_choice | multi_label | rating | yes_no | text"), json));
        advanced.setId("schemaJsonTab");
        VBox.setVgrow(json, Priority.ALWAYS);
        TabPane tabs = new TabPane(form, advanced);
        tabs.setId("schemaTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefSize(860, 440);
        Label error = new Label();
        error.setId("schemaError");
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty().map(e -> e.isEmpty() ? "" : "Cannot save yet: " + e));
        VBox content = new VBox(6, tabs, error);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        d.getDialogPane().setContent(content);
        d.setResizable(true);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType export = new ButtonType("Export JSON…", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(save, export, ButtonType.CANCEL);
        Button saveButton = (Button) d.getDialogPane().lookupButton(save);
        saveButton.setId("saveSchema");
        saveButton.disableProperty().bind(model.validProperty().not());
        ((Button) d.getDialogPane().lookupButton(export)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            exportJson(d, json.getText());
        });
        d.setResultConverter(b -> b == save && model.validProperty().get() ? model.result() : null);
        return d;
    }

    /** The JSON tab's editor: highlighted, and checked as one types by the parser that Save uses. */
    static CodeEditor jsonEditor() {
        return CodeEditors.annotationSchema().identify("schemaJson").setRows(20);
    }

    /** Writes the JSON; the outcome goes to the header (the line under the tabs belongs to the checks). */
    private static void exportJson(Dialog<?> d, String text) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("annotation-schema.json");
        File f = fc.showSaveDialog(d.getDialogPane().getScene().getWindow());
        if (f != null) {
            try {
                Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
                d.setHeaderText("Exported to " + f);
            } catch (IOException ex) {
                d.setHeaderText("Could not write " + f + ": " + ex.getMessage());
            }
        }
    }
}
