package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

/** export-annotations / import-annotations / agreement through the real CLI. */
class AnnotationCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Annotation a(String who, int turn, String q, String value) {
        return new Annotation(UUID.randomUUID().toString(), "userlm-default", who, "c1", turn, q, value, 1L);
    }

    /** A database with one conversation and the given answers. */
    private Path database(String name, List<Annotation> answers) {
        Path file = dir.resolve(name);
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            new SqliteConversationRepository(db).create(new Conversation("c1", null, "t1", "t", "userlm", "u", "a",
                    "i", "s", "{}", null, null, null, 1L, List.of(Turn.typed(0, Role.USER, "q"),
                    Turn.typed(1, Role.ASSISTANT, "a"), Turn.typed(2, Role.USER, "q2"),
                    Turn.typed(3, Role.ASSISTANT, "a2"))));
            new SqliteAnnotationSchemaRepository(db).ensureDefault();
            var repo = new SqliteAnnotationRepository(db);
            answers.forEach(repo::save);
        }
        return file;
    }

    @Test
    void exportOneAnnotatorImportElsewhereTwiceThenAgreement() throws Exception {
        Path aliceDb = database("alice.db", List.of(a("alice", 1, "turn_category", "\"answer_attempt\""),
                a("alice", 3, "turn_category", "\"clarification\""), a("alice", 0, "human_like", "4"),
                a("alice", 2, "human_like", "2")));
        Path bobDb = database("bob.db", List.of(a("bob", 1, "turn_category", "\"answer_attempt\""),
                a("bob", 3, "turn_category", "\"hedge\""), a("bob", 0, "human_like", "5"),
                a("bob", 2, "human_like", "2"), a("stray", 0, "human_like", "1")));

        Path file = dir.resolve("alice.jsonl");
        Cli.Result exp = Cli.run("export-annotations", "--db", aliceDb.toString(), "--out", file.toString(),
                "--annotator", "alice");
        assertEquals(0, exp.exit(), exp.err());
        assertEquals(4, Files.readAllLines(file).size());

        Cli.Result first = Cli.run("import-annotations", "--db", bobDb.toString(), file.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("\"inserted\": 4, \"updated\": 0, \"unchanged\": 0"), first.out());
        Cli.Result again = Cli.run("import-annotations", "--db", bobDb.toString(), file.toString());
        assertTrue(again.out().contains("\"inserted\": 0, \"updated\": 0, \"unchanged\": 4"), again.out());

        Cli.Result agr = Cli.run("agreement", "--db", bobDb.toString(), "--question", "turn_category");
        assertEquals(0, agr.exit(), agr.err());
        JsonNode line = JSON.readTree(agr.lastLine());
        assertEquals(1, agr.out().strip().split("\n").length);
        assertEquals("turn_category", line.get("question").asText());
        assertEquals(2, line.get("items").asInt());
        assertEquals("[\"alice\",\"bob\"]", line.get("annotators").toString());
        // 2 items, 1 agreement: p_o = 1/2; alice aa 1/2 cl 1/2, bob aa 1/2 he 1/2: p_e = 1/4 -> kappa = 1/3.
        assertEquals(1.0 / 3.0, line.get("cohen_kappa").asDouble(), 1e-12);
        assertTrue(line.get("alpha_ordinal").isNull());

        Cli.Result all = Cli.run("agreement", "--db", bobDb.toString());
        List<JsonNode> lines = all.out().strip().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        JsonNode human = lines.stream().filter(n -> n.get("question").asText().equals("human_like")).findFirst()
                .orElseThrow();
        // Three annotators (stray rated one item): no kappa; ordinal alpha present.
        assertTrue(human.get("cohen_kappa").isNull());
        assertEquals(2, human.get("items").asInt());
        assertEquals(3, human.get("annotators").size());
        assertTrue(human.get("alpha_ordinal").isNumber());

        Path csv = dir.resolve("all.csv");
        Cli.Result c = Cli.run("export-annotations", "--db", bobDb.toString(), "--out", csv.toString(),
                "--format", "csv");
        assertEquals(0, c.exit(), c.err());
        assertEquals(10, Files.readString(csv).split("\r\n").length); // header + 9 answers

        assertEquals(3, Cli.run("agreement", "--db", dir.resolve("missing.db").toString()).exit());
    }

    @Test
    void answersImportedWithoutSchemaIdStillGetOrdinalFiguresForKnownRatings() throws Exception {
        Path file = dir.resolve("bare.jsonl");
        Files.writeString(file, """
                {"id":"1","annotator":"alice","conversation_id":"c9","turn_index":0,"question":"human_like","value":4,"updated_at":1}
                {"id":"2","annotator":"bob","conversation_id":"c9","turn_index":0,"question":"human_like","value":5,"updated_at":1}
                {"id":"3","annotator":"alice","conversation_id":"c9","turn_index":2,"question":"human_like","value":2,"updated_at":1}
                {"id":"4","annotator":"bob","conversation_id":"c9","turn_index":2,"question":"human_like","value":2,"updated_at":1}
                """);
        Path db = dir.resolve("bare.db");
        assertEquals(0, Cli.run("import-annotations", "--db", db.toString(), file.toString()).exit());
        JsonNode line = JSON.readTree(Cli.run("agreement", "--db", db.toString()).lastLine());
        // Units {4,5} and {2,2}: n = 4, n_2 = 2, n_4 = n_5 = 1. Nominal: 1 - 3 * 2 / 10 = 0.4.
        // Interval: D_o sum = 2 * 1 = 2; expected sum = 2 * (1*1*1 + 2*1*4 + 2*1*9) = 54 -> 1 - 3 * 2 / 54 = 8/9.
        assertEquals(0.4, line.get("alpha_nominal").asDouble(), 1e-12);
        assertEquals(8.0 / 9.0, line.get("alpha_interval").asDouble(), 1e-12);
        assertTrue(line.get("alpha_ordinal").isNumber());
        assertEquals(1.0 / 3.0, line.get("cohen_kappa").asDouble(), 1e-12);
    }
}
