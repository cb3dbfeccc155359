package org.userlm.workbench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.AnnotationScope;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.AnnotationRepository.ImportResult;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

class SqliteAnnotationRepositoryTest {
    @TempDir
    Path dir;

    static Annotation ann(String id, String who, int turn, String q, String value, long at) {
        return new Annotation(id, "userlm-default", who, "c1", turn, q, value, at);
    }

    private static void seedConversation(SqliteDatabase db) {
        new SqliteConversationRepository(db).create(SqliteConversationRepositoryTest.conv("c1", List.of(
                Turn.typed(0, Role.USER, "hi, I need \"help\", with a sum"), Turn.typed(1, Role.ASSISTANT, "Sure."))));
    }

    @Test
    void saveReplacesByNaturalKeyKeepsIdAndAudits() throws Exception {
        Path file = dir.resolve("a.db");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            var repo = new SqliteAnnotationRepository(db);
            Annotation first = repo.save(ann("u1", "alice", 0, "human_like", "3", 10));
            Annotation second = repo.save(ann("u2", "alice", 0, "human_like", "5", 20));
            assertEquals("u1", first.id());
            assertEquals("u1", second.id());
            assertEquals(List.of(second), repo.find("alice", "c1"));
            repo.save(second.withValue(null, 30)); // cleared (undo to "no answer")
            assertEquals(List.of(), repo.find("alice", "c1"));
            assertEquals(List.of(), repo.annotators());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT old_value_json, new_value_json FROM annotation_audit ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1));
            assertEquals("3", rs.getString(2));
            assertTrue(rs.next());
            assertEquals("3", rs.getString(1));
            assertEquals("5", rs.getString(2));
            assertTrue(rs.next());
            assertEquals("5", rs.getString(1));
            assertEquals(null, rs.getString(2));
        }
    }

    @Test
    void importDeduplicatesByIdAndNaturalKeyKeepingTheNewer() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("b.db"))) {
            var repo = new SqliteAnnotationRepository(db);
            repo.save(ann("x1", "alice", 0, "human_like", "3", 100));
            ImportResult r = repo.importAll(List.of(
                    ann("x1", "alice", 0, "human_like", "2", 50),      // same id, older: unchanged
                    ann("other", "alice", 0, "human_like", "4", 200),  // same natural key, newer: updated
                    ann("y1", "bob", 0, "human_like", "1", 10),        // new
                    ann("y1", "bob", 0, "human_like", "1", 10)));      // duplicate within the file
            assertEquals(new ImportResult(1, 1, 2), r);
            assertEquals(List.of(ann("x1", "alice", 0, "human_like", "4", 200), ann("y1", "bob", 0, "human_like", "1", 10)),
                    repo.all(null));
            assertEquals(List.of("alice", "bob"), repo.annotators());
            assertEquals(new ImportResult(0, 0, 2), repo.importAll(repo.all(null)));
        }
    }

    @Test
    void exportJoinsTurnsAsJsonlAndCsvAndJsonlRoundTrips() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db"))) {
            seedConversation(db);
            var repo = new SqliteAnnotationRepository(db);
            repo.save(ann("a1", "alice", 0, "user_flags", "[\"role_break\",\"intent_drift\"]", 5));
            repo.save(ann("a2", "alice", 1, "turn_category", "\"clarification\"", 6));
            repo.save(ann("a3", "alice", -1, "blame", "\"assistant\"", 7));
            repo.save(ann("b1", "bob", 0, "human_like", "2", 8));
            List<AnnotationRow> rows = repo.exportRows("alice");
            assertEquals(3, rows.size());
            StringWriter jsonl = new StringWriter();
            AnnotationFiles.writeJsonl(rows, jsonl);
            String[] lines = jsonl.toString().split("\n");
            assertEquals(3, lines.length);
            assertTrue(lines[1].contains("\"question\":\"user_flags\""), lines[1]);
            assertTrue(lines[1].contains("\"value\":[\"role_break\",\"intent_drift\"]"), lines[1]);
            assertTrue(lines[1].contains("\"role\":\"user\""), lines[1]);
            assertTrue(lines[1].contains("\"simulator\":\"userlm\""), lines[1]);
            assertTrue(lines[0].contains("\"role\":\"conversation\""), lines[0]);
            assertEquals(rows.stream().map(AnnotationRow::annotation).toList(),
                    AnnotationFiles.readJsonl(new StringReader(jsonl.toString())));

            StringWriter csv = new StringWriter();
            AnnotationFiles.writeCsv(rows, csv);
            String[] records = csv.toString().split("\r\n");
            assertTrue(records[0].startsWith("id,annotator,conversation_id,task_id,simulator"));
            assertTrue(records[2].contains(",user,\"hi, I need \"\"help\"\", with a sum\",userlm-default,user_flags,"
                    + "role_break|intent_drift,\"[\"\"role_break\"\",\"\"intent_drift\"\"]\",5"), records[2]);
        }
    }

    @Test
    void badImportLinesAreReported() {
        var e = assertThrows(IOException.class,
                () -> AnnotationFiles.readJsonl(new StringReader("\n{\"id\":\"x\"}\n")));
        assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
    }

    @Test
    void schemasRoundTripAndTheDefaultIsInstalledOnce() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("d.db"))) {
            var schemas = new SqliteAnnotationSchemaRepository(db);
            AnnotationSchema def = schemas.ensureDefault();
            assertEquals(List.of("answer_attempt", "clarification", "interrogation", "discussion", "hedge", "refuse",
                    "missing"), def.question("turn_category").orElseThrow().options());
            assertEquals(3, def.questionsFor(AnnotationScope.USER_TURN).size());
            AnnotationSchema edited = AnnotationSchemaJson.parse(AnnotationSchemaJson.toJson(def)
                    .replace("\"version\" : 1", "\"version\" : 2"));
            schemas.save(edited);
            assertEquals(2, schemas.ensureDefault().version());
            assertEquals(List.of(edited), schemas.list());
            assertThrows(IllegalArgumentException.class, () -> AnnotationSchemaJson.parse("{\"id\":\"x\","
                    + "\"questions\":[{\"key\":\"q\",\"scope\":\"user_turn\",\"type\":\"single_choice\"}]}"));
        }
    }
}
