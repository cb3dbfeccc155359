package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.AppContext;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * The setup folds once a comparison runs, so the transcripts get the height of a small window (the compare view's
 * share of 1024x700); Start stays on the always-visible line, and one click or Ctrl+Shift+S unfolds it again.
 * Against the scripted loopback server of {@link CompareViewTest}; every look at the scene runs on the FX thread.
 */
class SetupSectionTest extends FxRobot {
    @TempDir
    Path dir;
    ScriptedOpenAiServer server;
    ThreadPoolTaskExecutor executor;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new ThreadPoolTaskExecutor(Platform::runLater);
        server = ScriptedOpenAiServer.start().respondWith(CompareViewTest::reply);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        server.close();
        executor.shutdown();
    }

    @Test
    void theSetupFoldsWhenAComparisonRunsAndUnfoldsAgain() throws Exception {
        try (AppContext ctx = AppContext.open(dir.resolve("w.db"))) {
            CompareViewModel vm = new CompareViewModel(ctx.conversations(), ctx.comparisons(), ctx,
                    () -> List.of(CompareViewTest.APPLES), executor);
            JudgeViewModel judge = new JudgeViewModel(ctx.comparisons(), vm::completed,
                    vm.comparisonIdProperty()::get, vm::columnName, executor, new Random());
            CompareView view = Fx.call(() -> new CompareView(vm, judge));
            FxToolkit.setupStage(s -> {
                s.setScene(new Scene(view, 1024, 600)); // the compare view's part of a 1024x700 window
                s.show();
            });
            Fx.call(() -> {
                vm.load();
                vm.choices.assistant.set(new BackendProfile("assistant", BackendChoice.OPENAI_CHAT,
                        server.baseUrl(), "assistant-x", null, null));
                vm.maxTurns.set(3);
                vm.profiles.setAll(
                        new ProfileRow("UserLM", SimulatorKind.USERLM, server.baseUrl(), "userlm-8b",
                                GuardrailPreset.DEFAULT),
                        new ProfileRow("GPT-4o as user", SimulatorKind.PROMPTED, server.baseUrl(), "gpt-4o-user",
                                GuardrailPreset.OFF));
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> vm.task.get() != null));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(shown("#profile-name-1"), "the simulator rows show before a run");
            assertFalse(shown("#setup-summary"), "no summary while the setup is open");
            double before = resultsHeight();

            Fx.click(this, "#start");
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> Fx.call(() -> vm.state.get())
                    == CompareViewModel.State.DONE);
            WaitForAsyncUtils.waitForFxEvents();

            assertFalse(shown("#profile-name-1"), "the setup folds once a comparison starts");
            assertTrue(shown("#start") && !Fx.node(this, "#start").isDisabled(),
                    "Start stays visible and enabled while folded");
            String summary = Fx.call(() -> lookup("#setup-summary").queryAs(Label.class).getText());
            assertTrue(shown("#setup-summary") && summary.contains("t-math-1") && summary.contains("2 simulators")
                    && summary.contains("N=1"), summary);
            double after = resultsHeight();
            assertTrue(after > before + 150, "results " + before + " px before the run, " + after + " px after");
            double cells = Fx.call(() -> ((javafx.scene.layout.Region) lookup("#column-0").query()).getHeight());
            assertTrue(cells > 300, "a column gets " + cells + " px");

            Fx.click(this, "#setup-toggle");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(shown("#profile-name-1"), "one click shows the simulator rows again");
            assertTrue(resultsHeight() < after, "unfolded, the setup takes its room back");

            Fx.click(this, "#start"); // focus in the view, then the shortcut folds it without a click
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> Fx.call(() -> vm.state.get())
                    == CompareViewModel.State.DONE);
            Fx.call(() -> {
                lookup("#setup-toggle").query().requestFocus();
                return null;
            });
            press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(shown("#profile-name-1"), "Ctrl+Shift+S unfolds the setup folded by the second run");
        }
    }

    /** The node is on screen: it and every parent visible. */
    private boolean shown(String query) throws Exception {
        return Fx.call(() -> {
            for (Node n = lookup(query).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Height of the results (the tabs holding the outcome strip and the columns). */
    private double resultsHeight() throws Exception {
        return Fx.call(() -> ((javafx.scene.layout.Region) lookup("#compare-view .tab-pane").query()).getHeight());
    }
}
