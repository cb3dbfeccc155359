package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.editor.CodeEditor;

/** Blind mode hides simulator and model names; the schema editor validates and stores a new version. */
@ExtendWith(ApplicationExtension.class)
class AnnotationViewBlindAndSchemaTest {
    @TempDir
    static Path dir;
    private SqliteDatabase db;
    private AnnotationView view;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("blind-" + System.nanoTime() + ".db");
        db = AnnotationFixtures.seedAndOpen(file, AnnotationFixtures::seed);
        view = AnnotationFixtures.view(db, "bob");
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String visibleText(FxRobot robot) throws Exception {
        return Fx.call(() -> {
            StringBuilder sb = new StringBuilder(robot.lookup("#conversationHeader").queryAs(Label.class).getText());
            robot.lookup(".list-cell").queryAll().forEach(n -> sb.append('\n').append(((Labeled) n).getText()));
            return sb.toString();
        });
    }

    @Test
    void blindQueueHidesSimulatorAndModelNames(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.viewModel().items().size()) == 5);
        WaitForAsyncUtils.waitForFxEvents();
        String open = visibleText(robot);
        assertTrue(open.contains("UserLM-8b") && open.contains("gpt-4o-mini"), open);

        robot.interact(() -> robot.lookup("#blind").queryAs(CheckBox.class).setSelected(true));
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.viewModel().blindProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        String blind = visibleText(robot);
        assertTrue(blind.contains("how many apples") || blind.contains("3 boxes"), blind);
        for (String hidden : new String[] {"UserLM", "gpt-4o", "userlm", "prompted"}) {
            assertFalse(blind.contains(hidden), hidden + " visible in blind mode:\n" + blind);
        }
        assertEquals(5, (int) Fx.call(() -> robot.lookup("#turnList").queryAs(ListView.class).getItems().size()));
    }

    @Test
    void schemaEditorRejectsBadJsonAndSavesANewVersion(FxRobot robot) throws Exception {
        // The button waits for the schema, which loads in the background.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Fx.node(robot, "#editSchema").isDisabled());
        Fx.click(robot, "#editSchema");
        CodeEditor json = (CodeEditor) Fx.node(robot, "#schemaJson");
        String good = Fx.call(json::getText).replace("\"Note\"", "\"Anything else?\"");
        robot.interact(() -> json.replace("{\"id\": \"userlm-default\", \"questions\": [{\"key\": \"x\"}]}"));
        assertTrue(Fx.call(() -> robot.lookup("#schemaError").queryAs(Label.class).getText())
                .startsWith("Cannot save yet:"));
        assertTrue(Fx.call(() -> robot.lookup("#saveSchema").query().isDisabled()));
        robot.interact(() -> json.replace(good));
        Fx.click(robot, "Save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new SqliteAnnotationSchemaRepository(db).find("userlm-default").orElseThrow().version() == 2);
        assertEquals("Anything else?", new SqliteAnnotationSchemaRepository(db).find("userlm-default").orElseThrow()
                .question("user_note").orElseThrow().prompt());
    }
}
