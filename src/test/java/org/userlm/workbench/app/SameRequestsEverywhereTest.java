package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.Intents;
import org.userlm.workbench.simulation.Simulators;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.conversation.ConversationViewModel;
import org.userlm.workbench.ui.settings.RunSettings;

/**
 * The window, {@code simulate} and {@code compare} build their conversations in one place: with the same settings
 * they send the same request bodies (recorded by scripted servers on loopback).
 */
class SameRequestsEverywhereTest {
    static final String TEMPLATE = "You are a user who wants to {goal} (be brief)\n\n{problem}";

    @TempDir
    Path dir;
    ScriptedOpenAiServer userServer;
    ScriptedOpenAiServer assistantServer;
    Path tasks;

    @BeforeEach
    void start() throws Exception {
        userServer = ScriptedOpenAiServer.start();
        assistantServer = ScriptedOpenAiServer.start();
        // Replies depend only on the request, so equal settings give equal conversations.
        userServer.respondWith(r -> Reply.text("what about the apples part " + r.messages().size() + " then"));
        assistantServer.respondWith(r -> Reply.text("Let me think, step " + r.messages().size() + "."));
        tasks = Cli.tasksFile(dir);
    }

    @AfterEach
    void stop() {
        userServer.close();
        assistantServer.close();
    }

    List<String> protocolFlags() {
        return List.of("--max-turns", "2", "--intent-template", TEMPLATE, "--user-temperature", "0.9",
                "--user-top-p", "0.85", "--user-max-tokens", "100", "--verbatim-ngram", "6", "--min-user-turns", "3",
                "--assistant-system-prompt", "Be brief.", "--assistant-temperature", "0.3", "--assistant-top-p", "0.9",
                "--assistant-max-tokens", "300", "--stop-when-solved", "--grader", "strict");
    }

    static Set<String> bodies(List<RecordedRequest> requests) {
        Set<String> out = new TreeSet<>();
        for (RecordedRequest r : requests) {
            if (r.isChat()) {
                out.add(r.body().toString());
            }
        }
        return out;
    }

    @Test
    void windowSimulateAndCompareSendTheSameRequests() throws Exception {
        List<String> sim = new ArrayList<>(List.of("simulate", "--tasks", tasks.toString(), "--task-id", "t-math-1",
                "--user-url", userServer.baseUrl(), "--user-model", "ulm",
                "--assistant-url", assistantServer.baseUrl(), "--assistant-model", "asst",
                "--db", dir.resolve("s.db").toString()));
        sim.addAll(protocolFlags());
        Cli.Result r = Cli.run(sim.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        Set<String> simUser = bodies(userServer.requests());
        Set<String> simAsst = bodies(assistantServer.requests());
        assertEquals(2, simUser.size(), "two user turns");
        assertEquals(2, simAsst.size(), "two assistant turns");
        int userSeen = userServer.requests().size();
        int asstSeen = assistantServer.requests().size();

        runWindow();
        assertEquals(simUser, bodies(userServer.requests().subList(userSeen, userServer.requests().size())),
                "window vs simulate: user-model requests");
        assertEquals(simAsst, bodies(assistantServer.requests().subList(asstSeen,
                assistantServer.requests().size())), "window vs simulate: assistant requests");
        userSeen = userServer.requests().size();
        asstSeen = assistantServer.requests().size();

        String profile = "kind=userlm,url=" + userServer.baseUrl() + ",model=ulm";
        List<String> cmp = new ArrayList<>(List.of("compare", "--tasks", tasks.toString(), "--task-id", "t-math-1",
                "--assistant-url", assistantServer.baseUrl(), "--assistant-model", "asst",
                "--profile", profile, "--profile", profile, "--db", dir.resolve("c.db").toString()));
        cmp.addAll(protocolFlags());
        Cli.Result c = Cli.run(cmp.toArray(String[]::new));
        assertEquals(0, c.exit(), c.err());
        List<RecordedRequest> cu = userServer.requests().subList(userSeen, userServer.requests().size());
        List<RecordedRequest> ca = assistantServer.requests().subList(asstSeen, assistantServer.requests().size());
        assertEquals(4, cu.stream().filter(RecordedRequest::isChat).count(), "2 columns x 2 user turns");
        assertEquals(simUser, bodies(cu), "compare vs simulate: user-model requests");
        assertEquals(simAsst, bodies(ca), "compare vs simulate: assistant requests");
        assertTrue(simAsst.iterator().next().contains("Be brief."), simAsst.toString());
    }

    private void runWindow() throws Exception {
        Task task = TaskFiles.load(tasks).stream().filter(t -> t.id().equals("t-math-1")).findFirst().orElseThrow();
        BackendSettings userBackend = new BackendSettings(BackendKind.OPENAI_CHAT, userServer.baseUrl(), "ulm", null,
                null, 120, null, Simulators.USERLM_EXTRA_BODY, true);
        GuardrailSettings g = GuardrailSettings.defaults().withIntentNgram(6).withMinUserTurnsBeforeEnd(3)
                .withMaxNewTokens(100);
        SimulatorSettings sim = new SimulatorSettings("ulm + guardrails", SimulatorKind.USERLM, userBackend,
                new GenerationParams(0.9, 0.85, null, 100, null), g, null, TEMPLATE);
        AssistantSettings asst = new AssistantSettings("asst",
                BackendSettings.openAiChat(assistantServer.baseUrl(), "asst"),
                new GenerationParams(0.3, 0.9, null, 300, null), "Be brief.");
        // The settings pane fills the intent from the template; the researcher may edit it.
        RunSettings settings = new RunSettings(task, Intents.fromTask(task, TEMPLATE).text(), sim, asst, 2, true,
                false, GraderMode.STRICT);
        ThreadPoolTaskExecutor bg = new ThreadPoolTaskExecutor(Runnable::run);
        try (GuiServices services = GuiServices.open(dir.resolve("w.db"))) {
            ConversationViewModel vm = new ConversationViewModel(services, bg);
            vm.start(settings);
            long end = System.currentTimeMillis() + 30_000;
            while (vm.isLive()) {
                vm.pulse();
                assertTrue(System.currentTimeMillis() < end, "window conversation timed out: "
                        + vm.activityProperty().get());
                Thread.sleep(10);
            }
        } finally {
            bg.shutdown();
        }
    }
}
