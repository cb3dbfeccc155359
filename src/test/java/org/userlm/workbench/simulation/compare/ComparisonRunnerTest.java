package org.userlm.workbench.simulation.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.evaluation.metrics.RepeatSummary;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;

/** Three simulators against one assistant, concurrently, stored and graded. */
class ComparisonRunnerTest {
    @TempDir
    Path dir;

    static final Task APPLES = new Task("t-math-1", TaskKind.MATH, "test", "apples",
            "Tom has 3 boxes of 4 apples. How many apples does he have?",
            List.of(new Shard(1, "how many apples does Tom have?"), new Shard(2, "he has 3 boxes"),
                    new Shard(3, "each box holds 4 apples")), "3*4=12\n#### 12", null);

    static SimulatorSettings profile(String name, SimulatorKind kind, String model) {
        return new SimulatorSettings(name, kind, BackendSettings.openAiChat("http://fake/v1", model), null,
                GuardrailSettings.off(), null, null);
    }

    static List<SimulatorSettings> threeProfiles() {
        return List.of(profile("UserLM-8b", SimulatorKind.USERLM, "userlm"),
                profile("GPT-as-user", SimulatorKind.PROMPTED, "prompted"),
                profile("LiC sharded", SimulatorKind.SHARDED, "sharded"));
    }

    static FakeChatModel model(String name) {
        return switch (name) {
            case "userlm" -> new FakeChatModel(name).respond(r -> "\nhey so tom has some apples, how many?");
            case "prompted" -> new FakeChatModel(name).respond(r -> "Hello! I need help counting Tom's apples.");
            case "sharded" -> new FakeChatModel(name).respond(r -> r.messages().get(0).content().contains("\"2\"")
                    || r.messages().get(0).content().contains(": 2") ? "{\"response\": \"he has 3 boxes\", "
                    + "\"shard_id\": 2}" : "{\"response\": \"each box has 4\", \"shard_id\": 3}");
            default -> new FakeChatModel(name).respond(r -> r.messages().size() > 3 ? "So 12 apples." : "So 10 apples.");
        };
    }

    @Test
    void runsEveryColumnConcurrentlyStoresAndGradesThem() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var convs = new SqliteConversationRepository(db);
            var cmps = new SqliteComparisonRepository(db);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AssistantSettings asst = new AssistantSettings("assistant",
                    BackendSettings.openAiChat("http://fake/v1", "assistant"), null, null);
            ComparisonRequest req = new ComparisonRequest(null, APPLES, asst, threeProfiles(), 2, 2, false, 7L);
            ComparisonHandle h = new ComparisonRunner(convs, cmps, s -> model(s.model())).start(req,
                    new ComparisonListener() {
                        @Override
                        public void onText(int column, int repeat, int index, String delta) {
                            threads.add(Thread.currentThread().getName());
                        }
                    });
            List<CompletedConversation> done = h.done().get(30, TimeUnit.SECONDS);
            assertEquals(6, done.size());
            assertEquals(List.of("userlm", "userlm", "prompted", "prompted", "sharded", "sharded"),
                    done.stream().map(c -> c.conversation().simulator()).toList());
            for (CompletedConversation c : done) {
                assertEquals(2, c.metrics().userTurns(), c.conversation().simulator());
                assertTrue(c.metrics().outcome().success(), c.conversation().simulator()); // last answer: 12
                assertEquals(3, c.metrics().outcome().firstSolvedTurn());
            }
            assertEquals("he has 3 boxes", done.get(4).conversation().turns().get(2).content());
            assertTrue(threads.size() >= 3, "callbacks on " + threads);

            Comparison stored = cmps.find(h.comparisonId()).orElseThrow();
            assertEquals(3, stored.profiles().size());
            assertEquals(SimulatorKind.SHARDED, stored.profiles().get(2).kind());
            assertEquals(6, cmps.entries(h.comparisonId()).size());
            assertEquals(stored.runId(), convs.find(done.get(0).conversation().id()).orElseThrow().runId());

            var loaded = new ComparisonLoader(convs, cmps).load(h.comparisonId(), List.of(APPLES)).orElseThrow();
            assertEquals(6, loaded.conversations().size());
            assertEquals(done.stream().map(c -> c.conversation().id()).collect(Collectors.toSet()),
                    loaded.conversations().stream().map(c -> c.conversation().id()).collect(Collectors.toSet()));
            RepeatSummary s = RepeatSummary.of(loaded.conversations().stream().filter(c -> c.column() == 0)
                    .map(CompletedConversation::metrics).toList());
            assertEquals(1.0, s.success().estimate());
            assertEquals(0.0, s.firstTurnDiversity(), 1e-9);
        }
    }

    @Test
    void stopCancelsEveryConversation() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var convs = new SqliteConversationRepository(db);
            var cmps = new SqliteComparisonRepository(db);
            AssistantSettings asst = new AssistantSettings("assistant",
                    BackendSettings.openAiChat("http://fake/v1", "assistant"), null, null);
            ComparisonRequest req = new ComparisonRequest("t", APPLES, asst, threeProfiles().subList(0, 2), 1, 50,
                    false, null);
            FakeChatModel slowAssistant = new FakeChatModel("assistant").respond(r -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "thinking about it";
            });
            ComparisonHandle h = new ComparisonRunner(convs, cmps,
                    s -> s.model().equals("assistant") ? slowAssistant : model(s.model())).start(req,
                    ComparisonListener.NONE);
            Thread.sleep(200);
            h.stop();
            List<CompletedConversation> done = h.done().get(30, TimeUnit.SECONDS);
            assertEquals(2, done.size());
            done.forEach(c -> assertEquals("cancelled", c.conversation().endedBy().wire()));
        }
    }
}
