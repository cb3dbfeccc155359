package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** {@code kill -9} of a simulate process in the middle of a streaming turn loses no finished turn. */
class KillMidStreamTest {
    @TempDir
    Path dir;

    @Test
    void killDashNineLosesNoFinishedTurnAndAtMostASecondOfStreamingText() throws Exception {
        String slow = "Let me think about this step by step. ".repeat(40);
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start();
             ScriptedOpenAiServer assistant = ScriptedOpenAiServer.start()) {
            AtomicInteger n = new AtomicInteger();
            user.respondWith(req -> Reply.text("\nnext question number " + n.incrementAndGet()));
            assistant.enqueue(Reply.text("first answer, complete"));
            assistant.respondWith(req -> Reply.text(slow).chunkSize(4).delayMillis(40));
            Path db = dir.resolve("w.db");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "simulate",
                    "--tasks", Cli.tasksFile(dir).toString(), "--task-id", "t-math-1", "--guardrails", "off",
                    "--user-url", user.baseUrl(), "--user-model", "u",
                    "--assistant-url", assistant.baseUrl(), "--assistant-model", "a", "--db", db.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                // Wait until the second assistant turn has streamed for more than a second.
                String partial = awaitStreamingText(db, 3, 120, 60_000);
                assertFalse(partial.isEmpty());
            } finally {
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
            try (SqliteDatabase database = SqliteDatabase.open(db)) {
                var repo = new SqliteConversationRepository(database);
                Conversation c = repo.all().get(0);
                List<Turn> turns = c.turns();
                assertEquals(List.of("next question number 1", "first answer, complete", "next question number 2"),
                        turns.subList(0, 3).stream().map(Turn::content).toList());
                turns.subList(0, 3).forEach(t -> assertEquals(TurnStatus.COMPLETE, t.status()));
                Turn streaming = turns.get(3);
                assertEquals(TurnStatus.STREAMING, streaming.status());
                assertTrue(slow.startsWith(streaming.content()), streaming.content());
                assertTrue(streaming.content().length() >= 120, "checkpointed text: " + streaming.content());
                // On the next start the interrupted turn becomes a visible failure and keeps its text.
                assertEquals(1, repo.recoverInterrupted());
                Turn recovered = repo.find(c.id()).orElseThrow().turns().get(3);
                assertEquals(TurnStatus.FAILED, recovered.status());
                assertEquals(streaming.content(), recovered.content());
            }
        }
    }

    /** Polls the database (as another process would) until turn {@code index} holds at least {@code chars}. */
    private static String awaitStreamingText(Path db, int index, int chars, long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (db.toFile().exists()) {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                     PreparedStatement ps = c.prepareStatement("SELECT content FROM turns WHERE idx = ?")) {
                    ps.setInt(1, index);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1).length() >= chars) {
                            return rs.getString(1);
                        }
                    }
                } catch (SQLException busyOrNotYetCreated) {
                    // the child may still be creating the schema
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("turn " + index + " never reached " + chars + " characters");
    }
}
