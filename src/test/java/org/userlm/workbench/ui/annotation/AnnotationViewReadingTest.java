package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.Fx;

/** What an annotator reads (rendered markdown, turns from 1, plain rating buttons) and where ↑/↓ go. */
@ExtendWith(ApplicationExtension.class)
class AnnotationViewReadingTest {
    @TempDir
    static Path dir;
    private SqliteDatabase db;
    private AnnotationView view;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("read-" + System.nanoTime() + ".db");
        db = AnnotationFixtures.seedAndOpen(file, f -> {
            try (SqliteDatabase d = SqliteDatabase.open(f)) {
                new SqliteConversationRepository(d).create(AnnotationFixtures.conversation("m1", "userlm", 1_000,
                        "I need **exactly** the `total` of apples"));
            }
        });
        view = AnnotationFixtures.view(db, "carol");
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void buildQueue(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.viewModel().items().size()) == 5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text drawn inside the turn list: Text nodes and visible labels. */
    private static List<String> drawnInList(FxRobot robot) throws Exception {
        return Fx.call(() -> robot.lookup("#turnList").lookup((Node n) -> n.isVisible()
                        && (n instanceof Text && n.getStyleClass().contains("md-text") || n instanceof Labeled l
                        && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY))
                .queryAll().stream().map(n -> n instanceof Text t ? t.getText() : ((Labeled) n).getText()).toList());
    }

    @Test
    void anEmptyListSaysWhatToDoBeforeAQueueAndAfterOneThatMatchedNothing(FxRobot robot) throws Exception {
        assertTrue(hint(robot).contains("then build the queue (Ctrl+B)"), hint(robot));
        assertTrue(Fx.call(() -> shown(robot.lookup("#queueHint").query())));
        Fx.call(() -> {
            ((ComboBox<String>) robot.lookup("#taskFilter").queryAs(ComboBox.class)).setValue("no-such-task");
            return null;
        });
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hint(robot).startsWith("No conversations match"));
        assertTrue(Fx.call(() -> view.viewModel().items().isEmpty()));
        // Matching again, the list fills and the hint is no longer shown.
        Fx.call(() -> {
            ((ComboBox<String>) robot.lookup("#taskFilter").queryAs(ComboBox.class)).setValue("");
            return null;
        });
        buildQueue(robot);
        assertFalse(Fx.call(() -> shown(robot.lookup("#queueHint").query())));
    }

    /** The node and every parent visible, in a scene. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private String hint(FxRobot robot) throws Exception {
        return Fx.call(() -> robot.lookup("#queueHint").queryAs(Labeled.class).getText());
    }

    @Test
    void turnsShowRenderedMarkdownNumberedFromOne(FxRobot robot) throws Exception {
        buildQueue(robot);
        List<String> drawn = drawnInList(robot);
        assertTrue(drawn.stream().anyMatch(s -> s.startsWith("· turn 1 · USER")), drawn.toString());
        assertFalse(drawn.stream().anyMatch(s -> s.contains("turn 0")), drawn.toString());
        assertFalse(drawn.stream().anyMatch(s -> s.contains("**") || s.contains("`")), drawn.toString());
        boolean bold = Fx.call(() -> robot.lookup("#turnList .md-strong").queryAll().stream()
                .anyMatch(n -> "exactly".equals(((Text) n).getText())));
        assertTrue(bold, "**exactly** is drawn bold: " + drawn);
        // A rating's options are its digits: "4", not "4 4".
        assertEquals("4", Fx.call(() -> ((Labeled) robot.lookup("#q-human_like-4").query()).getText()));
    }

    @Test
    void downGoesToTheTagsThenHighlightsTheNoteWithoutTypingIntoIt(FxRobot robot) throws Exception {
        buildQueue(robot);
        List<String> keys = Fx.call(() -> view.viewModel().questions().stream().map(AnnotationQuestion::key)
                .toList());
        assertEquals(List.of("human_like", "user_flags", "user_note"), keys);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) Fx.call(() -> view.viewModel().focusedQuestionProperty().get()));
        robot.type(KeyCode.DIGIT2);                                   // a tag: intent_drift
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) Fx.call(() -> view.viewModel().focusedQuestionProperty().get()));
        robot.type(KeyCode.DIGIT3);                                   // not note text
        WaitForAsyncUtils.waitForFxEvents();
        AnnotationQuestion tags = Fx.call(() -> view.viewModel().questions().get(1));
        assertEquals("[\"intent_drift\"]", Fx.call(() -> view.viewModel().value(tags)));
        assertEquals("", Fx.call(() -> ((TextArea) robot.lookup("#q-user_note-text").query()).getText()));
        assertFalse(Fx.call(() -> view.getScene().getFocusOwner() instanceof TextInputControl));
        robot.type(KeyCode.DOWN);                                     // wraps to the first question
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) Fx.call(() -> view.viewModel().focusedQuestionProperty().get()));
    }
}
