package org.userlm.workbench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.storage.sqlite.StoreBenchmark;

/** The paged history, the early-stopping search and the streamed export give what the full queries give. */
class HistoryAtScaleTest {
    @TempDir
    Path dir;

    private static Conversation conv(String id, long at, String... texts) {
        Conversation c = SqliteConversationRepositoryTest.conv(id, List.of());
        List<org.userlm.workbench.domain.Turn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            turns.add(SqliteConversationRepositoryTest.turn(i, i % 2 == 0 ? Role.USER : Role.ASSISTANT, texts[i],
                    TurnStatus.COMPLETE, List.of()));
        }
        return new Conversation(c.id(), null, c.taskId(), c.title(), c.simulator(), c.userModel(),
                c.assistantModel(), c.intent(), c.assistantSystemPrompt(), c.settingsJson(), null, null, null, at,
                turns);
    }

    @Test
    void recentAndSearchRecentArePagesOfListAndSearch() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("h.db"))) {
            var repo = new SqliteConversationRepository(db);
            for (int i = 0; i < 30; i++) {
                repo.create(conv("c" + i, 1000L + i, "apple pie number " + i, i % 3 == 0 ? "banana split" : "plum"));
            }
            repo.delete("c27");
            List<String> all = repo.list().stream().map(ConversationSummary::id).toList();
            assertEquals(all.subList(0, 10), repo.recent(10).stream().map(ConversationSummary::id).toList());
            assertEquals(all, repo.recent(100).stream().map(ConversationSummary::id).toList());
            // every live conversation with a banana, newest first (turns written in conversation order)
            List<String> banana = repo.search("banana").stream().map(ConversationSummary::id).toList();
            assertEquals(9, banana.size());
            assertEquals(banana, repo.searchRecent("banana", 100).stream().map(ConversationSummary::id).toList());
            assertEquals(banana.subList(0, 4),
                    repo.searchRecent("banana", 4).stream().map(ConversationSummary::id).toList());
            assertEquals(List.of("c12"), repo.searchRecent("number 12", 5).stream()
                    .map(ConversationSummary::id).toList());
            assertEquals(repo.searchRecent("", 7), repo.recent(7));
            assertEquals(List.of(), repo.searchRecent("cherry", 5));
        }
    }

    @Test
    void streamedExportHandsOverWhatAllReturns() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("e.db"))) {
            var repo = new SqliteConversationRepository(db);
            new StoreBenchmark().generate(db, 40, 3, n -> { });
            repo.create(conv("late", 1L, "first of all"));
            List<Conversation> streamed = new ArrayList<>();
            repo.forEach(streamed::add);
            assertEquals(repo.all(), streamed);
            assertEquals(41, streamed.size());
            assertEquals("late", streamed.get(0).id());
            assertEquals(3, streamed.get(1).turns().size());
        }
    }

    @Test
    void historyIndexServesTheNewestPage() throws Exception {
        Path file = dir.resolve("i.db");
        SqliteDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE deleted_at IS NULL "
                     + "ORDER BY created_at DESC LIMIT 10")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(4)).append('\n');
            }
            assertTrue(plan.toString().contains("conversations_recent") && !plan.toString().contains("TEMP B-TREE"),
                    plan.toString());
        }
    }
}
