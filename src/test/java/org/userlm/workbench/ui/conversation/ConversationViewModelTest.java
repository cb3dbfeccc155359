package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.settings.RunSettings;

/**
 * The live conversation's view model with a same-thread executor: {@code start} runs the whole conversation before
 * it returns, and one {@code pulse} applies everything it streamed.
 */
class ConversationViewModelTest {
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
    void aConversationStreamsIntoTheShownTranscriptAndIsStored() {
        vm.start(settings(2));
        assertEquals(ConversationViewModel.RunState.RUNNING, vm.stateProperty().get(), "nothing applied before a pulse");
        vm.pulse();
        assertEquals(ConversationViewModel.RunState.IDLE, vm.stateProperty().get());
        assertEquals(false, vm.isLive());
        TranscriptModel shown = vm.shownProperty().get();
        assertEquals(EndReason.MAX_TURNS, shown.endReasonProperty().get());
        assertEquals(4, shown.turns().size());
        assertEquals(USER.get(0), shown.turn(0).text());
        assertEquals("It is 36.", shown.turn(1).text());
        String id = shown.conversationIdProperty().get();
        Conversation stored = services.conversations().find(id).orElseThrow();
        assertEquals(4, stored.turns().size());
        assertTrue(changes.get() >= 2, "history is told when a conversation starts and ends");
        assertEquals(List.of(id), vm.branches().stream().map(b -> b.id()).toList());
    }

    @Test
    void forkingATurnStartsABranchThatKeepsTheEditedText() {
        vm.start(settings(2));
        vm.pulse();
        String parent = vm.shownProperty().get().conversationIdProperty().get();
        vm.fork(0, "what is twenty percent of two hundred and forty");
        vm.pulse();
        TranscriptModel branch = vm.shownProperty().get();
        String child = branch.conversationIdProperty().get();
        assertNotNull(child);
        assertEquals(parent, services.conversations().find(child).orElseThrow().parentId());
        assertEquals("what is twenty percent of two hundred and forty", branch.turn(0).text());
        assertEquals(2, vm.branches().size(), "the family: the original and its fork");
    }

    @Test
    void aBackendFailureEndsTheRunWithTheReasonShown() {
        server.respondWith(req -> Reply.httpError(500, "model crashed"));
        vm.start(settings(2));
        vm.pulse();
        assertEquals(ConversationViewModel.RunState.IDLE, vm.stateProperty().get());
        TranscriptModel shown = vm.shownProperty().get();
        assertEquals(EndReason.ERROR, shown.endReasonProperty().get());
        assertEquals(TurnStatus.FAILED, shown.turn(0).statusProperty().get());
        assertTrue(vm.activityProperty().get().toLowerCase().contains("error"), vm.activityProperty().get());
    }

    @Test
    void openShowsAStoredConversation() {
        vm.start(settings(1));
        vm.pulse();
        String id = vm.shownProperty().get().conversationIdProperty().get();
        ConversationViewModel other = new ConversationViewModel(services, new CurrentThreadTaskExecutor());
        other.open(id);
        assertEquals(id, other.shownProperty().get().conversationIdProperty().get());
        assertEquals(2, other.shownProperty().get().turns().size());
    }
}
