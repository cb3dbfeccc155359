package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.ExperimentFixture;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** With a judge model the adherence and coverage metrics ask it once per input; re-reports never call it again. */
class ExperimentJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void judgeAnswersAreUsedAndCachedByModelPromptVersionAndInput() throws Exception {
        try (ExperimentFixture fx = new ExperimentFixture(0); ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            // The judge says a turn breaks role when it asks for "help" (only the UserLM turns do).
            judge.respondWith(r -> Reply.text(r.lastMessage().contains("Does this turn stay in the user's role")
                    && r.lastMessage().contains("please help me") ? "NO" : "YES"));
            Path config = dir.resolve("exp.json");
            Files.writeString(config, fx.config(ExperimentFixture.tasks(dir, 3), 1, 2, 4).replace("\"judge\": null",
                    "\"judge\": {\"url\": \"" + judge.baseUrl() + "\", \"model\": \"judge-m\"}"));
            Path db = dir.resolve("w.db");
            Cli.Result run = Cli.run("experiment", "run", "--config", config.toString(), "--db", db.toString());
            assertEquals(0, run.exit(), run.err());
            String id = JSON.readTree(run.lastLine()).get("experiment").asText();
            int calls = judge.requests().size();
            assertTrue(calls > 0, "the results computed at the end of the run asked the judge");

            JsonNode report = JSON.readTree(Cli.run("experiment", "report", "--id", id, "--db", db.toString(),
                    "--json").lastLine());
            assertEquals("judge", report.get("judge").asText());
            JsonNode userLm = report.get("cells").get(0).get("metrics");
            assertEquals(0.0, userLm.get("role_adherence_judge").asDouble(), 1e-12, "every UserLM turn asks for help");
            assertEquals(1.0, report.get("cells").get(2).get("metrics").get("role_adherence_judge").asDouble(), 1e-12);
            assertTrue(userLm.has("intent_coverage_judge") && !userLm.has("role_adherence_heuristic"));
            assertEquals(calls, judge.requests().size(), "the cached report needs no judge call");

            // Even with the cached report gone, every judge answer comes from the judge cache.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM experiment_reports");
                assertTrue(s.executeQuery("SELECT COUNT(*) FROM judge_cache WHERE model = 'judge-m' "
                        + "AND prompt_version = 'i11-judge-v1'").getInt(1) > 0);
            }
            Cli.Result again = Cli.run("experiment", "report", "--id", id, "--db", db.toString(), "--json");
            assertEquals(report.toString(), JSON.readTree(again.lastLine()).toString());
            assertEquals(calls, judge.requests().size(), "recomputing the report asks the judge nothing new");
        }
    }
}
