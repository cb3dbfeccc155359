package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
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
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.Fx;

/** Annotating two conversations with the keyboard alone; the answers end up in SQLite. */
@ExtendWith(ApplicationExtension.class)
class AnnotationViewKeyboardTest {
    @TempDir
    static Path dir;
    private SqliteDatabase db;
    private AnnotationView view;

    @Start
    void start(Stage stage) {
        Path file = dir.resolve("kb-" + System.nanoTime() + ".db");
        db = AnnotationFixtures.seedAndOpen(file, AnnotationFixtures::seed);
        view = AnnotationFixtures.view(db, "alice");
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        for (KeyCode k : codes) {
            robot.type(k);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ctrl(FxRobot robot, KeyCode k) {
        robot.push(KeyCode.CONTROL, k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String label(FxRobot robot, String query) throws Exception {
        return Fx.call(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void awaitSaved(int n) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.viewModel().savedCountProperty()
                .get()) >= n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** (turn, question) -> value of alice's stored answers in one conversation, read with plain JDBC. */
    private Map<String, String> stored(String conversation) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
             PreparedStatement ps = c.prepareStatement("SELECT turn_idx, question, value_json FROM annotations "
                     + "WHERE annotator = 'alice' AND conversation_id = ? AND value_json IS NOT NULL")) {
            ps.setString(1, conversation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1) + ":" + rs.getString(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    @Test
    void annotateWithTheKeyboardOnly(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.B);                                   // build the queue (all conversations)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> view.viewModel().items().size()) == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0 / 10 · – per hour", label(robot, "#progress"));

        keys(robot, KeyCode.DIGIT4, KeyCode.DIGIT1);              // user turn 0: human-like 4, tag role_break
        ctrl(robot, KeyCode.ENTER);
        ToggleButton first = (ToggleButton) Fx.node(robot, "#q-turn_category-1");
        assertEquals("1 answer_attempt", Fx.call(first::getText));
        assertTrue(!Fx.call(first::isMnemonicParsing), "the underscore would be eaten as a mnemonic marker");
        keys(robot, KeyCode.DIGIT2);                              // assistant turn 1: clarification
        ctrl(robot, KeyCode.ENTER);
        keys(robot, KeyCode.DIGIT5);                              // user turn 2: 5, no tags
        ctrl(robot, KeyCode.ENTER);
        keys(robot, KeyCode.DIGIT1, KeyCode.DIGIT2);              // assistant turn 3: answer_attempt, incorrect
        ctrl(robot, KeyCode.ENTER);
        keys(robot, KeyCode.DIGIT2, KeyCode.TAB);                 // conversation: blame assistant, then the note
        robot.write("asked once, then answered wrong");
        ctrl(robot, KeyCode.ENTER);                               // saves the note, moves to conversation 2
        awaitSaved(9);
        assertEquals(Map.of("0:human_like", "4", "0:user_flags", "[\"role_break\"]",
                "1:turn_category", "\"clarification\"", "2:human_like", "5", "2:user_flags", "[]",
                "3:turn_category", "\"answer_attempt\"", "3:correct", "\"no\"", "-1:blame", "\"assistant\"",
                "-1:conversation_note", "\"asked once, then answered wrong\""), stored("c1"));
        assertTrue(label(robot, "#conversationHeader").startsWith("Conversation 2 / 2"));
        assertTrue(label(robot, "#progress").startsWith("5 / 10 · "));

        keys(robot, KeyCode.DIGIT3);                              // c2 turn 0: 3 ...
        ctrl(robot, KeyCode.Z);                                   // ... undone: cleared in the database
        awaitSaved(11);
        assertEquals(Map.of(), stored("c2"));
        keys(robot, KeyCode.J, KeyCode.DIGIT6, KeyCode.K, KeyCode.K); // J: turn 1, 6 = refuse, K K: back to c1's end
        awaitSaved(12);
        assertEquals(Map.of("1:turn_category", "\"refuse\""), stored("c2"));
        assertTrue(label(robot, "#conversationHeader").startsWith("Conversation 1 / 2"));
        keys(robot, KeyCode.N);                                   // next unannotated: c2 turn 0
        assertEquals(0, (int) Fx.call(() -> view.viewModel().selectedItem().turnIndex()));
        assertEquals("c2", Fx.call(() -> view.viewModel().selectedItem().conversationId()));
    }
}
