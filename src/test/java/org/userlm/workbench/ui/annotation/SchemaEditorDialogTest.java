package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.storage.AnnotationSchemaJson;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.editor.CodeEditor;

/** The form and the JSON tab of the schema editor edit one schema; problems show inline and block Save. */
@ExtendWith(ApplicationExtension.class)
class SchemaEditorDialogTest {
    private Dialog<AnnotationSchema> dialog;
    private SchemaEditorModel model;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        model = new SchemaEditorModel(AnnotationSchemaJson.defaultSchema());
        dialog = SchemaEditorDialog.build(model);
        dialog.initOwner(stage);
        dialog.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.getDialogPane().getScene().getWindow().hide());
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return Fx.call(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof CodeEditor c ? c.getText()
                    : ((TextInputControl) n).getText();
        });
    }

    private AnnotationSchema jsonNow(FxRobot robot) throws Exception {
        return AnnotationSchemaJson.parse(text(robot, "#schemaJson"));
    }

    private static boolean saveDisabled(FxRobot robot) throws Exception {
        return Fx.call(() -> robot.lookup("#saveSchema").query().isDisabled());
    }

    private static void typeInto(FxRobot robot, String query, String text) throws Exception {
        Fx.click(robot, query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aQuestionAddedInTheFormIsInTheJson(FxRobot robot) throws Exception {
        int before = Fx.call(() -> model.questions().size());
        Fx.click(robot, "#addQuestion");
        typeInto(robot, "#questionKey", "tone");
        typeInto(robot, "#questionPrompt", "How polite is the user?");
        typeInto(robot, "#ratingMax", "7");
        AnnotationSchema json = jsonNow(robot);
        assertEquals(before + 1, json.questions().size());
        var tone = json.question("tone").orElseThrow();
        assertEquals("How polite is the user?", tone.prompt());
        assertEquals(QuestionType.RATING, tone.type());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), tone.options());
        assertFalse(saveDisabled(robot));

        // Single choice with its options as lines; then Up moves it one place earlier, in the JSON too.
        robot.interact(() -> robot.lookup("#questionType").queryAs(ComboBox.class).getSelectionModel()
                .select(QuestionType.SINGLE_CHOICE));
        robot.interact(() -> robot.lookup("#questionOptions").queryAs(TextArea.class).setText("polite\n\nrude\n"));
        Fx.click(robot, "#moveQuestionUp");
        json = jsonNow(robot);
        assertEquals("tone", json.questions().get(before - 1).key());
        assertEquals(List.of("polite", "rude"), json.question("tone").orElseThrow().options());
        Fx.click(robot, "#removeQuestion");
        assertTrue(jsonNow(robot).question("tone").isEmpty());
    }

    @Test
    void aValidJsonEditShowsInTheForm(FxRobot robot) throws Exception {
        String edited = text(robot, "#schemaJson").replace("\"human_like\"", "\"humanlike_score\"")
                .replace("Would a human type this?", "Could a person have typed this?");
        robot.interact(() -> robot.lookup("#schemaJson").queryAs(CodeEditor.class).replace(edited));
        assertEquals("humanlike_score", text(robot, "#questionKey"));
        assertTrue(text(robot, "#questionPrompt").startsWith("Could a person have typed this?"));
        assertEquals("humanlike_score", Fx.call(() -> model.draft().questions().get(0).key()));
        assertTrue(Fx.call(() -> robot.lookup("#schemaQuestions").queryAs(ListView.class).getItems().get(0)
                .toString()).contains("humanlike_score"));
        assertEquals("", text(robot, "#schemaError"));
    }

    @Test
    void invalidJsonKeepsTheFormShowsTheErrorAndDisablesSave(FxRobot robot) throws Exception {
        int before = Fx.call(() -> model.questions().size());
        robot.interact(() -> robot.lookup("#schemaJson").queryAs(CodeEditor.class).replace("{\"id\": \"x\", "));
        assertTrue(text(robot, "#schemaError").startsWith("Cannot save yet: JSON: not valid JSON"),
                text(robot, "#schemaError"));
        assertTrue(saveDisabled(robot));
        assertEquals(before, (int) Fx.call(() -> model.questions().size()));
        assertEquals("human_like", text(robot, "#questionKey"));
    }

    @Test
    void duplicateKeysAndABackwardScaleAreShownBesideTheQuestion(FxRobot robot) throws Exception {
        typeInto(robot, "#questionKey", "user_flags");                  // the second question's key
        assertTrue(text(robot, "#questionProblem").contains("appears twice"), text(robot, "#questionProblem"));
        assertTrue(saveDisabled(robot));
        typeInto(robot, "#questionKey", "human_like");
        assertEquals("", text(robot, "#questionProblem"));
        assertFalse(saveDisabled(robot));
        typeInto(robot, "#ratingMin", "5");                             // 5 .. 5
        assertTrue(text(robot, "#questionProblem").contains("min below max"), text(robot, "#questionProblem"));
        assertTrue(saveDisabled(robot));
        robot.interact(() -> robot.lookup("#ratingMin").queryAs(TextField.class).setText("0"));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), jsonNow(robot).question("human_like").orElseThrow()
                .options());
        assertFalse(saveDisabled(robot));
    }
}
