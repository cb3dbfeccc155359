package org.userlm.workbench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.ComparisonEntry;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.domain.Run;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

class SqliteComparisonRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void comparisonsColumnsAndJudgmentsSurviveReopening() {
        Path file = dir.resolve("w.db");
        BackendSettings userBackend = new BackendSettings(BackendKind.OPENAI_COMPLETIONS, "http://h:8000/v1",
                "microsoft/UserLM-8b", "USERLM_KEY", null, 60, "{{ x }}", "{\"skip_special_tokens\": false}", true);
        List<SimulatorSettings> profiles = List.of(
                new SimulatorSettings("UserLM + paper", SimulatorKind.USERLM, userBackend, null,
                        GuardrailSettings.paper(), null, null),
                new SimulatorSettings("prompted", SimulatorKind.PROMPTED,
                        BackendSettings.openAiChat("http://h:9000/v1", "gpt-4o"), null, null, "play {intent}", null));
        AssistantSettings asst = new AssistantSettings("a", BackendSettings.openAiChat("http://h:9000/v1", "gpt-4o"),
                null, "be brief");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            var convs = new SqliteConversationRepository(db);
            var cmps = new SqliteComparisonRepository(db);
            convs.createRun(new Run("r1", "cmp", "compare", "{}", 1L));
            cmps.create(new Comparison("k1", "r1", "t1", "my comparison", asst, profiles, 3, 6, 5L));
            for (String id : List.of("c0", "c1")) {
                convs.create(new Conversation(id, "r1", "t1", id, "userlm", "u", "a", "i", "s", "{}", null, null,
                        null, 1L, List.of()));
            }
            cmps.addEntry("k1", new ComparisonEntry("c1", 1, 0));
            cmps.addEntry("k1", new ComparisonEntry("c0", 0, 0));
            cmps.saveJudgment(new Judgment("j1", "k1", "t1", "c1", "c0", "prompted", "UserLM + paper", null,
                    JudgmentWinner.RIGHT, "me", 10L));
            cmps.saveJudgment(new Judgment("j2", null, "t1", "c0", "c1", "UserLM + paper", "prompted", 0,
                    JudgmentWinner.TIE, "me", 11L));
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            var cmps = new SqliteComparisonRepository(db);
            Comparison c = cmps.find("k1").orElseThrow();
            assertEquals(profiles, c.profiles());
            assertEquals(asst, c.assistant());
            assertEquals(3, c.repeats());
            assertEquals(6, c.maxUserTurns());
            assertEquals(List.of(new ComparisonEntry("c0", 0, 0), new ComparisonEntry("c1", 1, 0)), cmps.entries("k1"));
            assertEquals(1, cmps.list().size());
            assertEquals(2, cmps.judgments().size());
            assertEquals(List.of("j1"), cmps.judgments("k1").stream().map(Judgment::id).toList());
            assertEquals(0, cmps.judgments().get(1).turnIndex());
            assertEquals(JudgmentWinner.TIE, cmps.judgments().get(1).winner());
            assertFalse(cmps.find("nope").isPresent());
            int version = db.read(conn -> {
                try (var s = conn.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                    return rs.getInt(1);
                }
            });
            assertTrue(version >= 3, "V003 and later applied: " + version);
        }
    }
}
