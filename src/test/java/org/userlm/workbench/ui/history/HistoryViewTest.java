package org.userlm.workbench.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.testing.Fx;

/** The History list against a real SQLite file: rows with date and their own match; delete, then Undo. */
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {
    @TempDir
    static Path dir;
    private GuiServices services;
    private HistoryViewModel vm;

    @Start
    void start(Stage stage) {
        // Opened and seeded off the FX thread, where the database is off-limits.
        services = CompletableFuture.supplyAsync(() -> {
            GuiServices s = GuiServices.open(dir.resolve("hv-" + System.nanoTime() + ".db"));
            store(s, "c1", "Percentages", "what is fifteen percent of two hundred and forty");
            store(s, "c2", "Running maximum", "write a function for the running maximum of a list");
            return s;
        }).join();
        vm = new HistoryViewModel(services, new ThreadPoolTaskExecutor(Platform::runLater));
        stage.setScene(new Scene(new HistoryView(vm, id -> { }, (id, t) -> { }), 700, 500));
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static void store(GuiServices s, String id, String title, String userText) {
        s.conversations().create(new Conversation(id, null, "bundled-math-01", title, "userlm", "u", "a",
                "intent", "sys", "{}", null, null, null, System.currentTimeMillis(), List.of()));
        s.conversations().saveTurn(id, new Turn(0, Role.USER, userText, userText, TurnStatus.COMPLETE, null,
                1L, 2L, 3L, 4, 5, null, "u", List.of(), false, null));
        s.conversations().finish(id, EndReason.MAX_TURNS);
    }

    private int rows() throws Exception {
        return Fx.call(() -> vm.items().size());
    }

    private static Node noticeUndo(FxRobot robot) {
        return robot.lookup(".notification-bar .button").queryAll().stream()
                .filter(n -> n instanceof Button b && "Undo".equals(b.getText()))
                .findFirst().orElse(null);
    }

    private static List<String> labels(FxRobot robot, String styleClass) throws Exception {
        return Fx.call(() -> robot.lookup("#historyList ." + styleClass).queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList());
    }

    @Test
    void eachMatchShowsItsDateAndItsOwnSnippet(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 2);
        robot.interact(() -> vm.queryProperty().set("of"));        // in both conversations
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labels(robot, "history-snippet").size() == 2);
        List<String> snippets = labels(robot, "history-snippet");
        assertNotEquals(snippets.get(0), snippets.get(1));
        assertTrue(snippets.stream().anyMatch(s -> s.contains("percent")), snippets.toString());
        assertTrue(snippets.stream().anyMatch(s -> s.contains("running maximum")), snippets.toString());
        List<String> when = labels(robot, "history-when");
        assertEquals(2, when.size());
        assertTrue(when.get(0).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{2}:\\d{2} · .*"), when.get(0));
    }

    @Test
    void anEmptyListSaysWhyAndTheButtonsWaitForASelection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 2);
        assertTrue(Fx.call(() -> robot.lookup("#openConversation").query().isDisabled()
                && robot.lookup("#deleteConversation").query().isDisabled()
                && robot.lookup("#rerunConversation").query().isDisabled()));
        robot.interact(() -> robot.lookup("#historyList").queryAs(ListView.class).getSelectionModel().select(0));
        assertFalse(Fx.call(() -> robot.lookup("#openConversation").query().isDisabled()
                || robot.lookup("#renameConversation").query().isDisabled()));
        robot.interact(() -> vm.queryProperty().set("zebra"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 0);
        assertEquals("No conversation has these words in any turn.",
                Fx.call(() -> robot.lookup("#historyEmpty").queryAs(Label.class).getText()));
        assertTrue(Fx.call(() -> robot.lookup("#deleteConversation").query().isDisabled()));
        robot.interact(() -> vm.queryProperty().set(""));
        assertTrue(Fx.call(() -> robot.lookup("#historyEmpty").queryAs(Label.class).getText())
                .startsWith("No conversations yet."));
    }

    @Test
    void aDeletedConversationComesBackWithUndo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 2);
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#historyList").queryAs(ListView.class);
            list.getSelectionModel().select(vm.items().stream().filter(s -> s.id().equals("c1")).findFirst()
                    .map(vm.items()::indexOf).orElseThrow());
        });
        assertTrue(!Fx.call(() -> robot.lookup("#undoDelete").query().isVisible()));
        Fx.click(robot, "#deleteConversation");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 1);
        assertTrue(services.conversations().find("c1").isEmpty(), "deleted conversations are hidden");
        assertTrue(Fx.call(() -> robot.lookup("#undoDelete").query().isVisible()));
        // The notice in the corner has its own Undo button (ControlsFX notification).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> noticeUndo(robot) != null));
        robot.clickOn(Fx.call(() -> noticeUndo(robot)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows() == 2);
        Conversation back = services.conversations().find("c1").orElseThrow();
        assertEquals("Percentages", back.title());
        assertEquals("what is fifteen percent of two hundred and forty", back.turns().get(0).content());
        assertTrue(!Fx.call(() -> robot.lookup("#undoDelete").query().isVisible()));
    }
}
