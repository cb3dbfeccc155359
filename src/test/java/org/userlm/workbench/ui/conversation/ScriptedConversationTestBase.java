package org.userlm.workbench.ui.conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The live conversation's view model over a real SQLite file and a scripted server on loopback, with a same-thread
 * executor: {@code start} runs the whole conversation before it returns, and one {@code pulse} applies everything
 * it streamed. The simulated user ("sim") says the lines of {@link #USER} in order; the assistant ("asst") answers
 * "It is 36.".
 */
abstract class ScriptedConversationTestBase {
    static final List<String> USER = List.of("can you help me work out a percentage of a number please",
            "what is fifteen percent of two hundred and forty then", "thanks that is all for today");
    @TempDir
    Path dir;
    GuiServices services;
    ScriptedOpenAiServer server;
    ConversationViewModel vm;
    final AtomicInteger changes = new AtomicInteger();

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

    /** The bundled math task against the scripted server, no guardrails, at most {@code maxUserTurns}. */
    RunSettings settings(int maxUserTurns) {
        Task task = services.tasks().all().stream().filter(t -> t.id().equals("bundled-math-01")).findFirst()
                .orElseThrow();
        SimulatorSettings sim = new SimulatorSettings("sim", SimulatorKind.USERLM,
                BackendSettings.openAiChat(server.baseUrl(), "sim"), null, GuardrailSettings.off(), null, null);
        AssistantSettings asst = new AssistantSettings("asst", BackendSettings.openAiChat(server.baseUrl(), "asst"),
                null, null);
        return new RunSettings(task, "find 15% of 240", sim, asst, maxUserTurns, false, false);
    }
}
