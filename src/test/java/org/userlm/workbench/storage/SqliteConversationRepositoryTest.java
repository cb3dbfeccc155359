package org.userlm.workbench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.storage.sqlite.SqliteTaskRepository;

class SqliteConversationRepositoryTest {
    @TempDir
    Path dir;

    static Conversation conv(String id, List<Turn> turns) {
        return new Conversation(id, null, "t1", "title " + id, "userlm", "u", "a", "intent", "sys", "{}", null,
                null, null, System.currentTimeMillis(), turns);
    }

    static Turn turn(int i, Role r, String text, TurnStatus s, List<GuardrailEvent> ev) {
        return new Turn(i, r, text, "\n" + text, s, null, 1L, 5L, 10L, 3, 4,
                new GenerationParams(1.0, 0.8, null, 256, 7L), "m", ev, false, null);
    }

    @Test
    void migratesWithWalAndRoundTripsTurnsAndEvents() throws Exception {
        Path file = dir.resolve("sub/w.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            var repo = new SqliteConversationRepository(db);
            repo.create(conv("c1", List.of()));
            GuardrailEvent ev = new GuardrailEvent("length", "hi", "regenerated", "1 words, minimum 3", 1);
            repo.saveTurn("c1", turn(0, Role.USER, "what is 15 percent", TurnStatus.COMPLETE, List.of(ev)));
            repo.saveTurn("c1", turn(1, Role.ASSISTANT, "It is 36.", TurnStatus.COMPLETE, List.of()));
            repo.finish("c1", EndReason.MAX_TURNS);
            Conversation c = repo.find("c1").orElseThrow();
            assertEquals(EndReason.MAX_TURNS, c.endedBy());
            assertEquals(2, c.turns().size());
            assertEquals(List.of(ev), c.turns().get(0).guardrailEvents());
            assertEquals(7L, c.turns().get(0).params().seed());
            assertEquals("\nwhat is 15 percent", c.turns().get(0).rawText());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertEquals(migrationCount(), rs.getInt(1)); // every migration applied, whatever their number
            }
        }
        // Reopening applies no migration twice and keeps the data.
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            assertEquals(1, new SqliteConversationRepository(db).list().size());
        }
    }

    @Test
    void checkpointsAreCoalescedAndSupersededBySave() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var repo = new SqliteConversationRepository(db);
            repo.create(conv("c1", List.of()));
            for (int i = 1; i <= 50; i++) {
                repo.checkpoint("c1", turn(0, Role.USER, "x".repeat(i), TurnStatus.STREAMING, List.of()));
            }
            repo.saveTurn("c1", turn(0, Role.USER, "final text", TurnStatus.COMPLETE, List.of()));
            Turn t = repo.find("c1").orElseThrow().turns().get(0);
            assertEquals("final text", t.content());
            assertEquals(TurnStatus.COMPLETE, t.status());
        }
    }

    @Test
    void recoveryMarksInterruptedTurnsFailedAndKeepsTheirText() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var repo = new SqliteConversationRepository(db);
            repo.create(conv("c1", List.of(turn(0, Role.USER, "hello there you", TurnStatus.COMPLETE, List.of()))));
            repo.saveTurn("c1", turn(1, Role.ASSISTANT, "partial ans", TurnStatus.STREAMING, List.of()));
            assertEquals(1, repo.recoverInterrupted());
            Conversation c = repo.find("c1").orElseThrow();
            assertEquals(TurnStatus.FAILED, c.turns().get(1).status());
            assertEquals("partial ans", c.turns().get(1).content());
            assertEquals(EndReason.ERROR, c.endedBy());
        }
    }

    @Test
    void renameDeleteRestoreAndFullTextSearch() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var repo = new SqliteConversationRepository(db);
            repo.create(conv("c1", List.of(turn(0, Role.USER, "fibonacci plus one please", TurnStatus.COMPLETE,
                    List.of()))));
            repo.create(conv("c2", List.of(turn(0, Role.USER, "percent of 240", TurnStatus.COMPLETE, List.of()))));
            assertEquals(List.of("c1"), repo.search("fibon").stream().map(ConversationSummary::id).toList());
            assertEquals(List.of("c2"), repo.search("percent 240").stream().map(ConversationSummary::id).toList());
            assertTrue(repo.search("\"unbalanced").isEmpty(), "quotes in the query must not break FTS");
            repo.rename("c1", "Renamed");
            assertEquals("Renamed", repo.find("c1").orElseThrow().title());
            repo.delete("c1");
            assertTrue(repo.find("c1").isEmpty());
            assertEquals(1, repo.list().size());
            repo.restore("c1");
            assertEquals(2, repo.list().size());
            // search sees edited content too
            repo.saveTurn("c2", turn(0, Role.USER, "now about llamas", TurnStatus.COMPLETE, List.of()));
            assertEquals(List.of("c2"), repo.search("llamas").stream().map(ConversationSummary::id).toList());
            assertTrue(repo.search("percent").isEmpty());
            assertThrows(StorageException.class, () -> repo.rename("nope", "x"));
        }
    }

    @Test
    void tasksRoundTrip() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var repo = new SqliteTaskRepository(db);
            Task t = new Task("m1", TaskKind.MATH, "bundled", "Apples", "How many apples?",
                    List.of(new Shard(1, "how many apples"), new Shard(2, "she has 3")), "3+1=4\n#### 4", null);
            repo.upsert(List.of(t));
            repo.upsert(List.of(t));
            assertEquals(List.of(t), repo.all());
        }
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path bad = dir.resolve("bad.db");
        Files.writeString(bad, "this is not sqlite at all, just text ".repeat(200));
        StorageException e = assertThrows(StorageException.class, () -> SqliteDatabase.open(bad));
        assertTrue(e.getMessage().contains("bad.db"), e.getMessage());
        assertEquals("this is not sqlite at all, just text ".repeat(200), Files.readString(bad),
                "a file that is not ours is left untouched");
    }

    /** The number of V*.sql migrations shipped (each branch adds its own; the test should not care how many). */
    private static int migrationCount() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d{3}__.*\\.sql")).count();
        }
    }
}
