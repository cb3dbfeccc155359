package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.settings.RunSettings;

/**
 * Issue 13's take-over and stale-state items, on the view model with a same-thread executor: typed text on a
 * finished conversation continues it (never silently dropped), typed and hand-edited turns do not show the model's
 * speed, and the branch picker lists the family after a run.
 */
class TakeOverAndForkStateTest {
    private static final List<String> USER = List.of("can you help me work out a percentage of a number please",
            "what is fifteen percent of two hundred and forty then", "thanks that is all for today");
    @TempDir
    Path dir;
    private GuiServices services;
    private ScriptedOpenAiServer server;
    private ConversationViewModel vm;
    private final AtomicInteger changes = new AtomicInteger();

    @BeforeEach
    void open() {
        services = GuiServices.open(dir.resolve("c.db"));
        server = ScriptedOpenAiServer.start();
        server.respondWith(req -> req.model().equals("sim") ? Reply.text(userTurn(req)) : Reply.text("It is 36."));
        vm = new ConversationViewModel(services, new CurrentThreadTaskExecutor());
        vm.onConversationsChanged(changes::incrementAndGet);
    }

    @AfterEach
    void close() {
        server.close();
        services.close();
    }

    private static String userTurn(RecordedRequest req) {
        long n = req.messages().stream().filter(m -> m.role() == Role.USER).count();
        return USER.get((int) Math.min(n, USER.size() - 1));
    }

    private RunSettings settings(int maxUserTurns) {
        Task task = services.tasks().all().stream().filter(t -> t.id().equals("bundled-math-01")).findFirst()
                .orElseThrow();
        SimulatorSettings sim = new SimulatorSettings("sim", SimulatorKind.USERLM,
                BackendSettings.openAiChat(server.baseUrl(), "sim"), null, GuardrailSettings.off(), null, null);
        AssistantSettings asst = new AssistantSettings("asst", BackendSettings.openAiChat(server.baseUrl(), "asst"),
                null, null);
        return new RunSettings(task, "find 15% of 240", sim, asst, maxUserTurns, false, false);
    }

    @Test
    void textTypedOnAFinishedConversationContinuesItInABranchAndShowsAsTyped() {
        vm.start(settings(1));
        vm.pulse();
        String parent = vm.shownProperty().get().conversationIdProperty().get();
        assertTrue(vm.submitHumanTurn("  and what is twenty percent of it?  "));
        vm.pulse();
        TranscriptModel branch = vm.shownProperty().get();
        assertNotEquals(parent, branch.conversationIdProperty().get());
        assertEquals("and what is twenty percent of it?", branch.turn(2).text());
        assertEquals(Role.USER, branch.turn(2).role());
        assertEquals("typed", branch.turn(2).statsProperty().get(), "no tok/s or TTFT for a person's turn");
        assertEquals("It is 36.", branch.turn(3).text());
        assertEquals(2, vm.branches().size(), "the branch picker lists the original and the continuation");
    }

    @Test
    void textTypedWithNothingToContinueIsRefusedWithAReason() {
        assertFalse(vm.submitHumanTurn("hello?"), "the composer keeps the text");
        assertTrue(vm.activityProperty().get().startsWith("Start a conversation first"),
                vm.activityProperty().get());
        assertFalse(vm.submitHumanTurn("   "));
    }

    @Test
    void aHandEditedTurnDoesNotKeepTheModelsSpeed() {
        vm.start(settings(2));
        vm.pulse();
        assertTrue(vm.shownProperty().get().turn(0).statsProperty().get().contains("tok"),
                "a generated turn shows its tokens: " + vm.shownProperty().get().turn(0).statsProperty().get());
        vm.fork(0, "what is twenty percent of two hundred and forty");
        vm.pulse();
        String stats = vm.shownProperty().get().turn(0).statsProperty().get();
        assertFalse(stats.contains("tok/s") || stats.contains("TTFT"), stats);
    }
}
