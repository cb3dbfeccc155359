package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.ExperimentFixture;

/** {@code --shard i/n} splits the cells; {@code merge} combines the shards without duplicates, also when repeated. */
class ExperimentShardMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void twoShardsMergeIntoTheWholeExperimentOnce() throws Exception {
        try (ExperimentFixture fx = new ExperimentFixture(0)) {
            Path config = dir.resolve("exp.json");
            Files.writeString(config, fx.config(ExperimentFixture.tasks(dir, 4), 1, 2, 4));
            Path a = dir.resolve("a.db");
            Path b = dir.resolve("b.db");
            Cli.Result ra = Cli.run("experiment", "run", "--config", config.toString(), "--db", a.toString(),
                    "--shard", "1/2");
            Cli.Result rb = Cli.run("experiment", "run", "--config", config.toString(), "--db", b.toString(),
                    "--shard", "2/2");
            assertEquals(0, ra.exit(), ra.err());
            assertEquals(0, rb.exit(), rb.err());
            JsonNode ja = JSON.readTree(ra.lastLine());
            JsonNode jb = JSON.readTree(rb.lastLine());
            assertEquals(ja.get("experiment"), jb.get("experiment"), "the id comes from the config");
            assertEquals(12, ja.get("conversations").asInt() + ja.get("failed").asInt());
            assertEquals(12, jb.get("conversations").asInt() + jb.get("failed").asInt());
            assertEquals("[0, 2, 4]", cells(a));
            assertEquals("[1, 3, 5]", cells(b));

            Path into = dir.resolve("all.db");
            Cli.Result m1 = Cli.run("merge", "--into", into.toString(), a.toString(), b.toString());
            assertEquals(0, m1.exit(), m1.err());
            assertEquals(24, JSON.readTree(m1.lastLine()).get("conversations").asInt());
            Cli.Result m2 = Cli.run("merge", "--into", into.toString(), a.toString(), b.toString());
            assertEquals(0, JSON.readTree(m2.lastLine()).get("conversations").asInt(), "a second merge adds nothing");

            JsonNode listed = JSON.readTree(Cli.run("experiment", "list", "--db", into.toString()).lastLine());
            assertEquals(24, listed.get("planned").asInt());
            assertEquals(24, listed.get("conversations").asInt() + listed.get("failed").asInt());
            assertEquals("done", listed.get("status").asText());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + into);
                 Statement s = c.createStatement()) {
                assertEquals(24, one(s, "SELECT COUNT(*) FROM conversations"));
                assertEquals(24, one(s, "SELECT COUNT(DISTINCT conversation_id) FROM experiment_slots"));
                assertEquals(one(s, "SELECT COUNT(*) FROM turns"), sum(a, b, "SELECT COUNT(*) FROM turns"));
            }
            Cli.Result report = Cli.run("experiment", "report", "--id", listed.get("experiment").asText(), "--db",
                    into.toString(), "--json", "--csv", dir.resolve("r.csv").toString(), "--html",
                    dir.resolve("r.html").toString());
            assertEquals(0, report.exit(), report.err());
            assertEquals(6, JSON.readTree(report.lastLine()).get("cells").size());
            // The second report comes from the cached one and says exactly the same.
            Cli.Result again = Cli.run("experiment", "report", "--id", listed.get("experiment").asText(), "--db",
                    into.toString(), "--json");
            assertEquals(report.lastLine(), again.lastLine());
            String html = Files.readString(dir.resolve("r.html"));
            assertTrue(html.contains("<svg") && html.contains("first_turn_diversity") && !html.contains("<script"));
            String csv = Files.readString(dir.resolve("r.csv"));
            assertTrue(csv.startsWith("experiment,simulator,assistant,conversations,solved,success_rate"), csv);
            assertTrue(csv.contains("metric,definition"));
        }
    }

    @Test
    void aSecondRunnerOfTheSameExperimentIsRefusedWhileTheFirstRuns() throws Exception {
        try (ExperimentFixture fx = new ExperimentFixture(0)) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            fx.assistants.respondWith(r -> {
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return org.userlm.workbench.testing.Reply.text("So the total is 8.");
            });
            Path config = dir.resolve("exp.json");
            Files.writeString(config, fx.config(ExperimentFixture.tasks(dir, 1), 1, 1, 2));
            Path db = dir.resolve("w.db");
            java.util.concurrent.CompletableFuture<Cli.Result> first = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> Cli.run("experiment", "run", "--config", config.toString(), "--db",
                            db.toString()));
            fx.assistants.awaitRequests(1, java.time.Duration.ofSeconds(60));
            Cli.Result second = Cli.run("experiment", "run", "--config", config.toString(), "--db", db.toString());
            assertEquals(3, second.exit());
            assertTrue(second.err().contains("is being run by another process"), second.err());
            release.countDown();
            Cli.Result done = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, done.exit(), done.err());
            assertEquals(6, JSON.readTree(done.lastLine()).get("conversations").asInt()
                    + JSON.readTree(done.lastLine()).get("failed").asInt());
        }
    }

    @Test
    void badConfigIsRefusedNamingTheKeyAndUnknownIdsAreReported() throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"name\": \"x\", \"tasks\": {}, \"simulators\": [], \"assistants\": [], "
                + "\"colour\": 1}");
        Cli.Result r = Cli.run("experiment", "run", "--config", config.toString(), "--db", dir.resolve("w.db")
                .toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown key \"colour\""), r.err());
        Cli.Result q = Cli.run("experiment", "resume", "--id", "exp-nope", "--db", dir.resolve("w.db").toString());
        assertEquals(2, q.exit());
        assertTrue(q.err().contains("no experiment with id exp-nope"), q.err());
    }

    private static String cells(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT cell_idx FROM experiment_slots ORDER BY cell_idx")) {
            java.util.List<Integer> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out.toString();
        }
    }

    private static int sum(Path a, Path b, String sql) throws Exception {
        int n = 0;
        for (Path p : new Path[] {a, b}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
                n += one(s, sql);
            }
        }
        return n;
    }

    private static int one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
