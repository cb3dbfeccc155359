package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.testing.Reply;

/** Drives the real window, headless, against a scripted OpenAI-compatible server on loopback. */
class WorkbenchAppTest {
    private static final List<String> USER = List.of("hello there, can you help with a math problem?",
            "what about the second part of the question?", "thanks, that is all for now <|endconversation|>");
    private static final String ANSWER = "Sure! Let's see.\n\n1. Add them up.\n2. **Answer:** 42\n\n```python\nprint(42)\n```";

    @TempDir
    Path dir;
    private WorkbenchFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WorkbenchFixture(dir);
        fx.launch();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void windowIsTitled() throws Exception {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals("UserLM Workbench", stage.getTitle());
    }

    @Test
    void conversationStreamsBothSidesToItsEndReason() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(4).delayMillis(15));
        fx.configure();
        AtomicBoolean sawStreaming = new AtomicBoolean();
        fx.robot.clickOn("#startButton");
        WorkbenchFixture.waitFor(() -> {
            if (fx.count(".streaming-text") > 0) {
                sawStreaming.set(true);
            }
            return fx.endReason().contains("USER_ENDED");
        });
        assertTrue(sawStreaming.get(), "text streamed into a live area before the turn settled");
        assertEquals(3, fx.count(".user-turn"), "the last user turn carries the end marker and text");
        assertEquals(2, fx.count(".assistant-turn"));
        String text = fx.transcriptText();
        assertTrue(text.contains("USER: hello there"), text);
        assertTrue(text.contains("**Answer:** 42"), text);
        assertTrue(fx.count(".md-code-block") >= 2, "markdown code blocks rendered once settled");
        assertTrue(fx.count(".turn-stats") >= 4);
    }

    @Test
    void compareAndAnnotateWorkspacesOpenInTheMainWindow() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(2));
        fx.configure();
        fx.robot.clickOn("#startButton");
        fx.awaitEnd("USER_ENDED");
        fx.robot.clickOn("#compareTab");
        WorkbenchFixture.waitFor(() -> fx.robot.lookup("#compare-view").tryQuery().isPresent());
        assertTrue(fx.robot.lookup("#outcome-strip").query().isVisible());
        fx.robot.clickOn("#annotateTab");
        WorkbenchFixture.waitFor(() -> fx.robot.lookup("#annotationView").tryQuery().isPresent());
        assertTrue(fx.robot.lookup("#buildQueue").query().isVisible());
        fx.robot.clickOn("#liveTab");
        WorkbenchFixture.waitFor(() -> fx.robot.lookup("#startButton").query().isVisible());
        assertTrue(fx.transcriptText().contains("USER: hello there"), "the live conversation is still shown");
    }

    @Test
    void stopKeepsPartialText() throws Exception {
        String longAnswer = "word ".repeat(400);
        fx.script(USER, Reply.text(longAnswer).chunkSize(5).delayMillis(20));
        fx.configure();
        fx.robot.clickOn("#startButton");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("ASSISTANT: word word word word"));
        fx.robot.clickOn("#stopButton");
        fx.awaitEnd("CANCELLED");
        String text = fx.transcriptText();
        assertTrue(text.contains("ASSISTANT: word word"), text);
        assertTrue(text.length() < longAnswer.length(), "stopped before the end");
        assertEquals(1, fx.count(".status-cancelled"));
    }

    @Test
    void editingATurnForksABranch() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(5));
        fx.configure();
        fx.robot.clickOn("#startButton");
        fx.awaitEnd("USER_ENDED");
        fx.robot.clickOn(fx.node("#turn-0 .edit-turn"));
        fx.robot.interact(() -> fx.text("#editArea").setText("hi, I need help with a different problem"));
        fx.robot.clickOn("#forkButton");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("different problem"));
        fx.awaitEnd("USER_ENDED");
        @SuppressWarnings("unchecked")
        ComboBox<Object> branches = fx.robot.lookup("#branchSwitcher").queryAs(ComboBox.class);
        WorkbenchFixture.waitFor(() -> branches.getItems().size() == 2);
        assertFalse(branches.isDisabled());
        fx.robot.clickOn("#historyTab");
        ListView<?> history = fx.robot.lookup("#historyList").queryAs(ListView.class);
        WorkbenchFixture.waitFor(() -> history.getItems().size() == 2);
    }

    @Test
    void failedTurnOffersRetry() throws Exception {
        fx.script(USER, Reply.httpError(404, "The model `asst-model` does not exist."));
        fx.configure();
        fx.robot.clickOn("#startButton");
        fx.awaitEnd("ERROR");
        assertEquals(1, fx.count(".failed-turn"));
        assertTrue(fx.robot.lookup("#retryButton").query().isVisible());
        assertTrue(fx.transcriptText().contains("USER: hello there"));
    }

    @Test
    void conversationIsInHistoryAfterRestart() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(2));
        fx.configure();
        fx.robot.clickOn("#startButton");
        fx.awaitEnd("USER_ENDED");
        String chosen = selectedTaskId();
        FxToolkit.cleanupApplication(fx.app);
        fx.launch();
        WorkbenchFixture.waitFor(() -> chosen.equals(selectedTaskId()));
        fx.robot.clickOn("#historyTab");
        ListView<?> history = fx.robot.lookup("#historyList").queryAs(ListView.class);
        WorkbenchFixture.waitFor(() -> history.getItems().size() == 1);
        fx.robot.clickOn("#historyList .list-cell");
        fx.robot.clickOn("#openConversation");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("thanks, that is all"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx.endReason().contains("USER_ENDED"));
    }

    @Test
    void takeOverLetsTheResearcherTypeUserTurns() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(2));
        fx.configure();
        fx.robot.clickOn("#takeOverToggle");
        fx.robot.clickOn("#startButton");
        WorkbenchFixture.waitFor(() -> !fx.node("#sendHumanTurn").isDisabled());
        fx.robot.interact(() -> fx.text("#humanInput").setText("typed by me: what is six times seven?"));
        fx.robot.clickOn("#sendHumanTurn");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("**Answer:** 42"));
        WorkbenchFixture.waitFor(() -> !fx.node("#sendHumanTurn").isDisabled());
        fx.robot.interact(() -> fx.text("#humanInput").setText("great, thanks <|endconversation|>"));
        fx.robot.clickOn("#sendHumanTurn");
        fx.awaitEnd("USER_ENDED");
        assertTrue(fx.transcriptText().contains("USER: typed by me"));
        assertTrue(fx.server.requests().stream().noneMatch(r -> r.model().equals("sim-model")),
                "the user model is not asked while the researcher types");
    }

    @Test
    void cheatSheetListsShortcuts() throws Exception {
        fx.robot.clickOn("#conversationView");
        fx.robot.type(javafx.scene.input.KeyCode.F1);
        WorkbenchFixture.waitFor(() -> fx.robot.lookup("#cheatSheet").tryQuery().isPresent());
        fx.robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    private String selectedTaskId() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> l = fx.robot.lookup("#taskList").queryAs(ListView.class);
            Object t = l.getSelectionModel().getSelectedItem();
            return t == null ? "" : ((org.userlm.workbench.domain.Task) t).id();
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void testConnectionListsModelsOrExplains() throws Exception {
        fx.server.models("sim-model", "asst-model");
        fx.configure();
        fx.robot.clickOn("#simTestConnection");
        WorkbenchFixture.waitFor(() -> fx.text("#simBaseUrl") != null
                && label("#simConnectionStatus").contains("2 models: sim-model, asst-model"));
        fx.robot.interact(() -> fx.text("#asstBaseUrl").setText("http://127.0.0.1:9/v1"));
        // The assistant card sits below the fold of the settings column: fire the button directly.
        fx.robot.interact(() -> ((javafx.scene.control.Button) fx.node("#asstTestConnection")).fire());
        WorkbenchFixture.waitFor(() -> label("#asstConnectionStatus").startsWith("✗"));
    }

    private String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> fx.robot.lookup(id).queryAs(javafx.scene.control.Label.class)
                .getText()).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void pauseStepAndContinue() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(4).delayMillis(10));
        fx.configure();
        fx.robot.clickOn("#startButton");
        WorkbenchFixture.waitFor(() -> fx.count(".turn-bubble") >= 1);
        fx.robot.clickOn("#pauseButton");
        WorkbenchFixture.waitFor(() -> !fx.node("#stepButton").isDisabled() && fx.count(".streaming-text") == 0);
        Thread.sleep(800);
        int paused = fx.count(".turn-bubble");
        assertEquals(paused, fx.count(".turn-bubble"), "no new turn while paused");
        fx.robot.clickOn("#stepButton");
        WorkbenchFixture.waitFor(() -> fx.count(".turn-bubble") == paused + 1 && fx.count(".streaming-text") == 0);
        Thread.sleep(800);
        assertEquals(paused + 1, fx.count(".turn-bubble"), "step allows exactly one more turn");
        fx.robot.clickOn("#continueButton");
        fx.awaitEnd("USER_ENDED");
    }
}
