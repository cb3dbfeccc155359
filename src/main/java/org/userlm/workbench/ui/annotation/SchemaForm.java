package org.userlm.workbench.ui.annotation;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.ui.common.Fit;

/**
 * The form tab of the schema editor: the schema's name, its questions in order (add, remove, move up or down;
 * a question with a problem is marked in the list) and the selected question's fields beside them.
 */
final class SchemaForm extends BorderPane {
    private final SchemaEditorModel model;
    private final ListView<AnnotationQuestion> list = new ListView<>();
    private final QuestionEditor editor;
    private boolean editing;

    SchemaForm(SchemaEditorModel model) {
        this.model = model;
        setId("schemaForm");
        editor = new QuestionEditor(this::edit);
        TextField name = new TextField();
        name.setId("schemaName");
        name.textProperty().bindBidirectional(model.nameProperty());
        Label nameLabel = new Label("Schema name");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, nameLabel, name);
        HBox.setHgrow(name, Priority.ALWAYS);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        list.setId("schemaQuestions");
        list.setItems(model.questions());
        list.setCellFactory(l -> new QuestionCell());
        list.setPrefWidth(280);
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!editing) {
                showSelected();
            }
        });
        Button add = button("Add question", "addQuestion");
        add.setOnAction(e -> select(model.add()));
        Button remove = button("Remove", "removeQuestion");
        remove.setOnAction(e -> {
            int i = selected();
            model.remove(i);
            select(Math.min(i, model.questions().size() - 1));
        });
        Button up = button("Up", "moveQuestionUp");
        up.setOnAction(e -> select(model.move(selected(), -1)));
        Button down = button("Down", "moveQuestionDown");
        down.setOnAction(e -> select(model.move(selected(), 1)));
        remove.disableProperty().bind(list.getSelectionModel().selectedIndexProperty().lessThan(0));
        VBox left = new VBox(6, list, Fit.row(add, remove, up, down));
        VBox.setVgrow(list, Priority.ALWAYS);
        ScrollPane right = new ScrollPane(editor);
        right.setFitToWidth(true);
        right.setPadding(new Insets(0, 0, 0, 10));
        setLeft(left);
        setCenter(right);
        model.reloadsProperty().addListener((o, a, b) -> select(Math.min(Math.max(0, selected()),
                model.questions().size() - 1)));
        model.errorProperty().addListener((o, a, b) -> {
            list.refresh();
            editor.showProblem(model.problemOf(selected()));
        });
        select(model.questions().isEmpty() ? -1 : 0);
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void select(int i) {
        if (i < 0) {
            list.getSelectionModel().clearSelection();
        } else {
            list.getSelectionModel().clearAndSelect(i);
            list.scrollTo(i);
        }
        showSelected();
    }

    private void showSelected() {
        int i = selected();
        editor.load(i, i < 0 ? null : model.questions().get(i), model.problemOf(i));
    }

    /** A field edit: replaces the question but keeps the selection and the fields (and their caret) as they are. */
    private void edit(int i, AnnotationQuestion q) {
        editing = true;
        try {
            model.replace(i, q);
            if (selected() != i) {
                list.getSelectionModel().clearAndSelect(i);
            }
        } finally {
            editing = false;
        }
        editor.showProblem(model.problemOf(i));
        list.refresh();
    }

    /** Key and prompt, then where it is asked and how it is answered; a problem in front. */
    private final class QuestionCell extends ListCell<AnnotationQuestion> {
        QuestionCell() {
            setPrefWidth(0);
            setWrapText(true);
        }

        @Override
        protected void updateItem(AnnotationQuestion q, boolean empty) {
            super.updateItem(q, empty);
            if (empty || q == null) {
                setText(null);
                return;
            }
            String problem = model.problemOf(getIndex());
            setText((problem.isEmpty() ? "" : "⚠ ") + (getIndex() + 1) + ". " + (q.key().isBlank() ? "(no key)"
                    : q.key()) + "\n" + QuestionEditor.SCOPES.get(q.scope()) + " · "
                    + QuestionEditor.TYPES.get(q.type()));
        }
    }
}
