package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.domain.Task;
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
        fx.click("#startButton");
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
        fx.click("#startButton");
        fx.awaitEnd("USER_ENDED");
        fx.click("#compareTab");
        WorkbenchFixture.waitFor(() -> fx.present("#compare-view"));
        assertTrue(fx.onFx(() -> fx.robot.lookup("#outcome-strip").query().isVisible()));
        fx.click("#annotateTab");
        WorkbenchFixture.waitFor(() -> fx.present("#annotationView"));
        assertTrue(fx.onFx(() -> fx.robot.lookup("#buildQueue").query().isVisible()));
        fx.click("#liveTab");
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> fx.robot.lookup("#startButton").query().isVisible()));
        assertTrue(fx.transcriptText().contains("USER: hello there"), "the live conversation is still shown");
    }

    @Test
    void stopKeepsPartialText() throws Exception {
        String longAnswer = "word ".repeat(400);
        fx.script(USER, Reply.text(longAnswer).chunkSize(5).delayMillis(20));
        fx.configure();
        fx.click("#startButton");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("ASSISTANT: word word word word"));
        fx.click("#stopButton");
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
        fx.click("#startButton");
        fx.awaitEnd("USER_ENDED");
        fx.robot.clickOn(fx.node("#turn-0 .edit-turn"));
        fx.robot.interact(() -> fx.text("#editArea").setText("hi, I need help with a different problem"));
        fx.click("#forkButton");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("different problem"));
        fx.awaitEnd("USER_ENDED");
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> fx.robot.lookup("#branchSwitcher").queryAs(ComboBox.class)
                .getItems().size()) == 2);
        assertFalse(fx.disabled("#branchSwitcher"));
        fx.click("#historyTab");
        WorkbenchFixture.waitFor(() -> historySize() == 2);
    }

    @Test
    void failedTurnOffersRetry() throws Exception {
        fx.script(USER, Reply.httpError(404, "The model `asst-model` does not exist."));
        fx.configure();
        fx.click("#startButton");
        fx.awaitEnd("ERROR");
        assertEquals(1, fx.count(".failed-turn"));
        assertTrue(fx.onFx(() -> fx.robot.lookup("#retryButton").query().isVisible()));
        assertTrue(fx.transcriptText().contains("USER: hello there"));
    }

    @Test
    void conversationIsInHistoryAfterRestart() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(2));
        fx.configure();
        fx.click("#startButton");
        fx.awaitEnd("USER_ENDED");
        String chosen = selectedTaskId();
        FxToolkit.cleanupApplication(fx.app);
        fx.launch();
        WorkbenchFixture.waitFor(() -> chosen.equals(selectedTaskId()));
        fx.click("#historyTab");
        WorkbenchFixture.waitFor(() -> historySize() == 1);
        fx.click("#historyList .list-cell");
        fx.click("#openConversation");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("thanks, that is all"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx.endReason().contains("USER_ENDED"));
    }

    @Test
    void takeOverLetsTheResearcherTypeUserTurns() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(8).delayMillis(2));
        fx.configure();
        fx.click("#takeOverToggle");
        fx.click("#startButton");
        WorkbenchFixture.waitFor(() -> !fx.disabled("#sendHumanTurn"));
        fx.robot.interact(() -> fx.text("#humanInput").setText("typed by me: what is six times seven?"));
        fx.click("#sendHumanTurn");
        WorkbenchFixture.waitFor(() -> fx.transcriptText().contains("**Answer:** 42"));
        WorkbenchFixture.waitFor(() -> !fx.disabled("#sendHumanTurn"));
        fx.robot.interact(() -> fx.text("#humanInput").setText("great, thanks <|endconversation|>"));
        fx.click("#sendHumanTurn");
        fx.awaitEnd("USER_ENDED");
        assertTrue(fx.transcriptText().contains("USER: typed by me"));
        assertTrue(fx.server.requests().stream().noneMatch(r -> r.model().equals("sim-model")),
                "the user model is not asked while the researcher types");
    }

    @Test
    void cheatSheetListsShortcuts() throws Exception {
        fx.click("#conversationView");
        fx.robot.type(KeyCode.F1);
        WorkbenchFixture.waitFor(() -> fx.present("#cheatSheet"));
        String log = fx.onFx(() -> fx.robot.lookup("#logFileLabel").queryAs(Label.class)
                .getText());
        assertTrue(log.startsWith("Log file: ") && log.endsWith("workbench.log"), log);
        fx.robot.type(KeyCode.ESCAPE);
    }

    private int historySize() throws Exception {
        return fx.onFx(() -> fx.robot.lookup("#historyList").queryAs(ListView.class).getItems().size());
    }

    private String selectedTaskId() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> l = fx.robot.lookup("#taskList").queryAs(ListView.class);
            Object t = l.getSelectionModel().getSelectedItem();
            return t == null ? "" : ((Task) t).id();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void testConnectionListsModelsOrExplains() throws Exception {
        fx.server.models("sim-model", "asst-model");
        fx.configure();
        fx.click("#simTestConnection");
        WorkbenchFixture.waitFor(() -> fx.text("#simBaseUrl") != null
                && label("#simConnectionStatus").contains("2 models: sim-model, asst-model"));
        fx.robot.interact(() -> fx.text("#asstBaseUrl").setText("http://127.0.0.1:9/v1"));
        // The assistant card sits below the fold of the settings column: fire the button directly.
        fx.robot.interact(() -> fx.robot.lookup("#asstTestConnection").queryAs(Button.class)
                .fire());
        WorkbenchFixture.waitFor(() -> label("#asstConnectionStatus").startsWith("✗"));
    }

    private String label(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> fx.robot.lookup(id).queryAs(Label.class)
                .getText()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void pauseStepAndContinue() throws Exception {
        fx.script(USER, Reply.text(ANSWER).chunkSize(4).delayMillis(10));
        fx.configure();
        fx.click("#startButton");
        WorkbenchFixture.waitFor(() -> fx.turns() >= 1);
        fx.click("#pauseButton");
        WorkbenchFixture.waitFor(() -> !fx.disabled("#stepButton") && fx.count(".streaming-text") == 0);
        // Counted before the wait and again after it: a turn or a request in between fails the test.
        int paused = fx.turns();
        int requests = fx.server.requests().size();
        Thread.sleep(800);
        assertEquals(paused, fx.turns(), "no new turn while paused");
        assertEquals(requests, fx.server.requests().size(), "no model call while paused");
        fx.click("#stepButton");
        WorkbenchFixture.waitFor(() -> fx.turns() == paused + 1 && fx.count(".streaming-text") == 0);
        int stepped = fx.server.requests().size();
        Thread.sleep(800);
        assertEquals(paused + 1, fx.turns(), "step allows exactly one more turn");
        assertEquals(stepped, fx.server.requests().size(), "and no model call after it");
        fx.click("#continueButton");
        fx.awaitEnd("USER_ENDED");
    }
}
