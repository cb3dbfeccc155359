package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** The headless compare command against a scripted server on loopback. */
class CompareCommandTest {
    @TempDir
    Path dir;

    static Reply reply(RecordedRequest r) {
        return switch (r.model()) {
            case "userlm" -> Reply.text("\nso tom has apples in boxes, how many");
            case "prompted" -> Reply.text("Tom has 3 boxes of 4 apples. How many apples?");
            default -> Reply.text(r.messages().toString().contains("3 boxes of 4") ? "12 apples." : "Say more?");
        };
    }

    @Test
    void runsStoresAndSummarisesEachSimulator() throws Exception {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start().respondWith(CompareCommandTest::reply)) {
            Path db = dir.resolve("w.db");
            Cli.Result r = Cli.run("compare", "--tasks", Cli.tasksFile(dir).toString(), "--task-id", "t-math-1",
                    "--assistant-url", server.baseUrl(), "--assistant-model", "assistant",
                    "--profile", "kind=userlm,url=" + server.baseUrl() + ",model=userlm,guardrails=off,name=UserLM",
                    "--profile", "kind=prompted,url=" + server.baseUrl() + ",model=prompted,name=Prompted",
                    "--repeats", "2", "--max-turns", "1", "--db", db.toString());
            assertEquals(0, r.exit(), r.err());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.get(0).startsWith("comparison ") && lines.get(0).contains("(4 conversations)"), r.out());
            assertTrue(lines.get(1).startsWith("0\tUserLM\tsuccess 0% ["), lines.get(1));
            assertTrue(lines.get(2).startsWith("1\tPrompted\tsuccess 100% ["), lines.get(2));
            String id = lines.get(0).split(" ")[1];
            Cli.Result list = Cli.run("export-comparison", "--db", db.toString());
            assertTrue(list.out().startsWith(id), list.out());
        }
        assertEquals(2, Cli.run("compare", "--task-id", "x", "--assistant-url", "u", "--assistant-model", "m",
                "--profile", "kind=userlm,url=u,model=m").exit());
        assertEquals(2, Cli.run("compare", "--task-id", "x", "--assistant-url", "u", "--assistant-model", "m",
                "--profile", "kind=nope,url=u,model=m", "--profile", "kind=userlm,url=u,model=m").exit());
    }
}
