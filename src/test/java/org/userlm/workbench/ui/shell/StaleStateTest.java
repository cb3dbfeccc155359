package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * Issue 13's stale-state items in the real window: the footer shows Live's backends only on Live (not in Compare);
 * the History list picks up the conversations a comparison stored when the user comes back to Live; the status bar
 * says "Paused" once the run has paused (not "Pausing" for ever); stopping while the researcher has the user's turn
 * stores no empty user bubble.
 */
class StaleStateTest {
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
    void theFooterShowsLiveBackendsOnlyOnLiveAndHistoryPicksUpComparisons() throws Exception {
        fx.script(List.of("what is 2 plus 2? <|endconversation|>"), Reply.text("4"));
        assertTrue(fx.onFx(() -> fx.node("#backendLabel").isVisible()));
        select(1);
        WorkbenchFixture.waitFor(() -> fx.present("#compare-view"));
        assertFalse(fx.onFx(() -> fx.node("#backendLabel").isVisible()), "Live's backends are not Compare's");
        assertEquals("", fx.onFx(() -> ((StatusBar) fx.node("#statusBar")).getText()));
        select(0);
        int before = historySize();
        select(1);
        fx.robot.interact(() -> {
            profile("#assistant-profile").setValue(new BackendProfile("scripted assistant",
                    BackendChoice.OPENAI_CHAT, fx.server.baseUrl(), "asst-model", null, null));
            for (int i = 0; i < 3; i++) {
                profile("#profile-backend-" + i).setValue(new BackendProfile("scripted users",
                        BackendChoice.OPENAI_CHAT, fx.server.baseUrl(), "sim-model", null, null));
            }
            ((Button) fx.node("#start")).fire();
        });
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> fx.robot.lookup("#outcome-2").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("ended:")).orElse(false)));
        select(0);
        assertTrue(fx.onFx(() -> fx.node("#backendLabel").isVisible()));
        WorkbenchFixture.waitFor(() -> historySize() >= before + 3);
    }

    @Test
    void theStatusSaysPausedOnceTheRunHasPaused() throws Exception {
        fx.script(List.of("hello there, can you help with a math problem?", "and the second part?",
                "thanks <|endconversation|>"), Reply.text("Sure, let us see. ".repeat(20)).chunkSize(4)
                .delayMillis(10));
        fx.configure();
        fx.click("#startButton");
        WorkbenchFixture.waitFor(() -> fx.turns() >= 1);
        fx.click("#pauseButton");
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> ((StatusBar) fx.node("#statusBar")).getText())
                .startsWith("Paused"));
        fx.click("#stopButton");
    }

    @Test
    void stoppingWhileTheResearcherHasTheTurnStoresNoEmptyUserTurn() throws Exception {
        fx.script(List.of("unused"), Reply.text("4"));
        fx.configure();
        fx.click("#takeOverToggle");
        fx.click("#startButton");
        WorkbenchFixture.waitFor(() -> !fx.disabled("#sendHumanTurn"));
        fx.click("#stopButton");
        WorkbenchFixture.waitFor(() -> fx.onFx(() -> !((WorkbenchApp) fx.app).window().conversation().isLive()));
        WaitForAsyncUtils.waitForFxEvents();
        String text = fx.transcriptText();
        assertFalse(text.matches("(?s).*USER: \\s*\n.*") || text.endsWith("USER: "), "an empty user turn: " + text);
        assertEquals(0, fx.turns(), text);
    }

    /** The History list's length, with the History tab open (its content is built when first opened). */
    private int historySize() throws Exception {
        fx.robot.interact(() -> fx.robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "historyTab".equals(t.getId())).findFirst()
                .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        return fx.onFx(() -> ((ListView<?>) fx.node("#historyList")).getItems().size());
    }

    private void select(int workspace) throws Exception {
        fx.robot.interact(() -> ((WorkbenchApp) fx.app).window().workspaces().select(workspace));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<BackendProfile> profile(String id) {
        return (ComboBox<BackendProfile>) fx.node(id);
    }
}
