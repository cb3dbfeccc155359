package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.conversation.ConversationViewModel;
import org.userlm.workbench.ui.settings.RunSettings;

/** The window labels a finished conversation's assistant turns and stores an annotator's change of category. */
class WindowLabelsTest {
    @TempDir
    Path dir;

    static void await(BooleanSupplier done, ConversationViewModel vm) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!done.getAsBoolean()) {
            vm.pulse();
            assertTrue(System.currentTimeMillis() < end, "timed out: " + vm.activityProperty().get());
            Thread.sleep(10);
        }
    }

    @Test
    void heuristicLabelsThenAnAnnotatorsCategory() throws Exception {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.respondWith(r -> Reply.text(r.model().equals("u") ? "how many apples does tom have"
                    : "Tom has 12 apples."));
            Path tasks = Cli.tasksFile(dir);
            Task task = TaskFiles.load(tasks).get(0);
            SimulatorSettings sim = new SimulatorSettings("u", SimulatorKind.PROMPTED,
                    BackendSettings.openAiChat(server.baseUrl(), "u"), null, null, null, null);
            AssistantSettings asst = new AssistantSettings("a", BackendSettings.openAiChat(server.baseUrl(), "a"),
                    null, null);
            ThreadPoolTaskExecutor bg = new ThreadPoolTaskExecutor(Runnable::run);
            try (GuiServices services = GuiServices.open(dir.resolve("w.db"))) {
                services.tasks().upsert(List.of(task));
                ConversationViewModel vm = new ConversationViewModel(services, bg);
                vm.start(new RunSettings(task, null, sim, asst, 1, false, false, GraderMode.LIC));
                await(() -> !vm.isLive(), vm);
                String id = vm.shownProperty().get().conversationIdProperty().get();
                await(() -> !services.turnLabels().list(id).isEmpty(), vm);
                TurnLabel h = services.turnLabels().list(id).get(0);
                assertEquals(TurnLabel.Source.HEURISTIC, h.source());
                assertEquals(TurnCategory.ANSWER_ATTEMPT, h.category());
                assertEquals(Boolean.TRUE, h.correct(), h.detail());
                await(() -> vm.shownProperty().get().turn(1).labelProperty().get() != null, vm);

                vm.relabel(1, TurnCategory.HEDGE);
                await(() -> services.turnLabels().list(id).get(0).source() == TurnLabel.Source.ANNOTATOR, vm);
                TurnLabel a = services.turnLabels().list(id).get(0);
                assertEquals(TurnCategory.HEDGE, a.category());
                assertEquals(null, a.correct(), "not an attempt any more: no grade");
                assertEquals(System.getProperty("user.name", "annotator"), a.annotator());
            } finally {
                bg.shutdown();
            }
        }
    }
}
