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
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.storage.AnnotationSchemaJson;
import org.userlm.workbench.ui.common.Owners;

/**
 * Edits a schema as JSON (the same text that is stored and exported). Save validates it and bumps the version;
 * "Export JSON…" writes the text to a file. Returns the edited schema, or empty when cancelled.
 */
final class SchemaEditorDialog {
    private SchemaEditorDialog() {
    }

    static Optional<AnnotationSchema> edit(AnnotationSchema current) {
        Dialog<AnnotationSchema> d = Owners.own(new Dialog<>(), Owners.active());
        d.setTitle("Annotation schema");
        d.setHeaderText("Questions as JSON: scope user_turn | assistant_turn | conversation; type single_choice | "
                + "multi_label | rating | yes_no | text. Existing answers keep their question keys.");
        TextArea json = new TextArea(AnnotationSchemaJson.toJson(current));
        json.setId("schemaJson");
        json.setPrefRowCount(24);
        json.setPrefColumnCount(80);
        json.getStyleClass().add("code-font");
        Label error = new Label();
        error.setId("schemaError");
        error.getStyleClass().add("error-label");
        error.setWrapText(true);
        d.getDialogPane().setContent(new VBox(6, json, error));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        ButtonType export = new ButtonType("Export JSON…", ButtonBar.ButtonData.LEFT);
        d.getDialogPane().getButtonTypes().addAll(save, export, ButtonType.CANCEL);
        ((Button) d.getDialogPane().lookupButton(save)).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                AnnotationSchemaJson.parse(json.getText());
            } catch (IllegalArgumentException ex) {
                error.setText("Not saved: " + ex.getMessage());
                e.consume();
            }
        });
        ((Button) d.getDialogPane().lookupButton(export)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            exportJson(d, json.getText(), error);
        });
        d.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            AnnotationSchema parsed = AnnotationSchemaJson.parse(json.getText());
            int version = Math.max(parsed.version(), current.version() + (parsed.id().equals(current.id()) ? 1 : 0));
            return new AnnotationSchema(parsed.id(), parsed.name(), version, parsed.questions());
        });
        return d.showAndWait();
    }

    private static void exportJson(Dialog<?> d, String text, Label error) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("annotation-schema.json");
        File f = fc.showSaveDialog(d.getDialogPane().getScene().getWindow());
        if (f != null) {
            try {
                Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
                error.setText("Exported to " + f);
            } catch (IOException ex) {
                error.setText("Could not write " + f + ": " + ex.getMessage());
            }
        }
    }
}
