package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.simulation.compare.ComparisonListener;
import org.userlm.workbench.simulation.compare.ComparisonRequest;
import org.userlm.workbench.simulation.compare.ComparisonRunner;
import org.userlm.workbench.testing.FakeChatModel;

/** export-comparison writes a self-contained, escaped HTML page and the comparison's JSONL. */
class ExportComparisonCommandTest {
    @TempDir
    Path dir;

    static final Task TASK = new Task("t-html", TaskKind.MATH, "test", "Pens & <pencils>",
            "A pen costs 2 dollars. How much do 5 pens cost?", List.of(), "5*2=10\n#### 10", null);

    @Test
    void writesHtmlAndJsonlOfAStoredComparison() throws Exception {
        Path db = dir.resolve("w.db");
        String id;
        try (AppContext ctx = AppContext.open(db)) {
            ctx.tasks().upsert(List.of(TASK));
            List<SimulatorSettings> profiles = List.of(
                    new SimulatorSettings("UserLM <8b>", SimulatorKind.USERLM,
                            BackendSettings.openAiChat("http://x/v1", "u1"), null, GuardrailSettings.off(), null, null),
                    new SimulatorSettings("Prompted & co", SimulatorKind.PROMPTED,
                            BackendSettings.openAiChat("http://x/v1", "u2"), null, null, null, null));
            AssistantSettings asst = new AssistantSettings("a", BackendSettings.openAiChat("http://x/v1", "a"),
                    null, null);
            var runner = new ComparisonRunner(ctx.conversations(), ctx.comparisons(), s -> switch (s.model()) {
                case "u1" -> new FakeChatModel("u1").respond(r -> "pens cost <script>alert(1)</script> how much");
                case "u2" -> new FakeChatModel("u2").respond(r -> "Hello! What do 5 pens at 2 dollars cost?");
                default -> new FakeChatModel("a").respond(r -> r.messages().toString().contains("5 pens")
                        ? "They cost 10 dollars." : "They cost 12 dollars.");
            });
            var h = runner.start(new ComparisonRequest("Pens <demo>", TASK, asst, profiles, 2, 1, false, null),
                    ComparisonListener.NONE);
            h.done().get(30, TimeUnit.SECONDS);
            id = h.comparisonId();
            ctx.comparisons().saveJudgment(new org.userlm.workbench.domain.Judgment("j1", id, TASK.id(), "l", "r",
                    "UserLM <8b>", "Prompted & co", null, org.userlm.workbench.domain.JudgmentWinner.RIGHT, "me", 1));
        }
        Cli.Result list = Cli.run("export-comparison", "--db", db.toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith(id), list.out());

        Path html = dir.resolve("c.html");
        Path jsonl = dir.resolve("c.jsonl");
        Cli.Result r = Cli.run("export-comparison", "--db", db.toString(), "--id", id, "--html", html.toString(),
                "--jsonl", jsonl.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("<script"), "no scripts, user text escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("UserLM &lt;8b&gt;") && page.contains("Prompted &amp; co"));
        assertTrue(page.contains("--n:2"), "two columns side by side");
        assertTrue(page.contains("✗ not solved") && page.contains("✓ solved"), "per-column outcomes");
        assertTrue(page.contains("success over N=2"));
        assertTrue(page.contains("<title>Pens &lt;demo&gt;</title>"), "the title is the page's");
        assertTrue(page.contains("Blind pairwise judgments (1)"), "judgments are exported");
        assertTrue(page.contains("<tr><td>Prompted &amp; co</td><td>1</td><td>0</td><td>0</td></tr>"), page);
        assertFalse(page.contains("http://") && page.contains("<link"), "self-contained");
        assertEquals(4, Files.readAllLines(jsonl).size());

        assertEquals(3, Cli.run("export-comparison", "--db", db.toString(), "--id", "nope", "--html",
                html.toString()).exit());
        assertEquals(2, Cli.run("export-comparison", "--db", db.toString(), "--id", id).exit());
    }
}
