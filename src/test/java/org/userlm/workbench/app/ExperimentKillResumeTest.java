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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.testing.ExperimentFixture;

/**
 * The Done-when test of issue 11: a 3 × 2 × 30 × 2 experiment killed with SIGKILL mid-way, resumed, then checked
 * against numbers computed here from the stored rows with plain JDBC.
 */
class ExperimentKillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)");

    @TempDir
    Path dir;

    @Test
    void killedExperimentResumesWithEveryConversationExactlyOnceAndTheReportMatchesTheRows() throws Exception {
        try (ExperimentFixture fx = new ExperimentFixture(15)) {
            Path config = dir.resolve("exp.json");
            Files.writeString(config, fx.config(ExperimentFixture.tasks(dir, 30), 2, 2, 4));
            Path db = dir.resolve("w.db");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "experiment", "run",
                    "--config", config.toString(), "--db", db.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                awaitFinishedSlots(db, 90, 120_000);
            } finally {
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
            int before = count(db, "SELECT COUNT(*) FROM experiment_slots WHERE status IN ('done', 'failed')");
            assertTrue(before >= 90 && before < 360, "killed mid-way: " + before + " finished");

            Cli.Result list = Cli.run("experiment", "list", "--db", db.toString());
            JsonNode listed = JSON.readTree(list.lastLine());
            String id = listed.get("experiment").asText();
            assertEquals(360, listed.get("planned").asInt());
            assertEquals("interrupted", listed.get("status").asText(), "its process is gone");

            Cli.Result resumed = Cli.run("experiment", "resume", "--id", id, "--db", db.toString());
            assertEquals(0, resumed.exit(), resumed.err());
            JsonNode last = JSON.readTree(resumed.lastLine());
            assertEquals(id, last.get("experiment").asText());
            assertEquals(360, last.get("conversations").asInt() + last.get("failed").asInt());
            assertEquals(4, last.get("failed").asInt(), "task 13 x prompted x 2 assistants x 2 runs: " + resumed.err());

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                checkEveryCellHasExactlyItsConversations(c, id);
                Cli.Result report = Cli.run("experiment", "report", "--id", id, "--db", db.toString(), "--json");
                assertEquals(0, report.exit(), report.err());
                checkReport(c, id, JSON.readTree(report.lastLine()));
            }
            JsonNode after = JSON.readTree(Cli.run("experiment", "list", "--db", db.toString()).lastLine());
            assertEquals("done", after.get("status").asText());
        }
    }

    private static void checkEveryCellHasExactlyItsConversations(Connection c, String id) throws Exception {
        assertEquals(360, count(c, "SELECT COUNT(*) FROM experiment_slots WHERE experiment_id = '" + id + "'"));
        assertEquals(0, count(c, "SELECT COUNT(*) FROM experiment_slots WHERE status NOT IN ('done', 'failed')"));
        assertEquals(360, count(c, "SELECT COUNT(DISTINCT conversation_id) FROM experiment_slots"));
        // No orphan: the killed process's partial conversations were removed, nothing was run twice.
        assertEquals(360, count(c, "SELECT COUNT(*) FROM conversations WHERE run_id = 'run-" + id + "'"));
        assertEquals(360, count(c, "SELECT COUNT(*) FROM experiment_slots s JOIN conversations v "
                + "ON v.id = s.conversation_id"));
        Map<Integer, String[]> cells = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT cell_idx, simulator, assistant FROM experiment_cells")) {
            while (rs.next()) {
                cells.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        assertEquals(6, cells.size());
        Map<String, String> kindOf = Map.of("UserLM", "userlm", "Prompted", "prompted", "Sharded", "sharded");
        Map<String, String> modelOf = Map.of("A", "asst-a", "B", "asst-b");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.cell_idx, v.simulator, "
                + "v.assistant_model, COUNT(*), COUNT(DISTINCT s.task_id || '/' || s.run_idx) FROM experiment_slots s "
                + "JOIN conversations v ON v.id = s.conversation_id GROUP BY s.cell_idx, v.simulator, "
                + "v.assistant_model")) {
            int groups = 0;
            while (rs.next()) {
                groups++;
                String[] cell = cells.get(rs.getInt(1));
                assertEquals(kindOf.get(cell[0]), rs.getString(2));
                assertEquals(modelOf.get(cell[1]), rs.getString(3));
                assertEquals(60, rs.getInt(4));
                assertEquals(60, rs.getInt(5));
            }
            assertEquals(6, groups, "each cell's conversations are of its simulator and assistant only");
        }
    }

    private static void checkReport(Connection c, String id, JsonNode report) throws Exception {
        assertEquals(id, report.get("experiment").asText());
        Map<String, Boolean> solved = new HashMap<>();
        Map<String, Integer> cellOf = new HashMap<>();
        Map<String, String> slotKey = new HashMap<>();
        Map<String, Integer> userTurns = new HashMap<>();
        Map<Integer, int[]> counts = new HashMap<>(); // done, solved, failed, user-ended, user turns
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.cell_idx, s.status, "
                + "s.conversation_id, s.task_id, s.run_idx, v.ended_by FROM experiment_slots s JOIN conversations v "
                + "ON v.id = s.conversation_id")) {
            while (rs.next()) {
                int[] k = counts.computeIfAbsent(rs.getInt(1), x -> new int[5]);
                if (rs.getString(2).equals("failed")) {
                    k[2]++;
                    continue;
                }
                k[0]++;
                k[3] += "user_ended".equals(rs.getString(6)) ? 1 : 0;
                cellOf.put(rs.getString(3), rs.getInt(1));
                slotKey.put(rs.getString(3), rs.getString(4) + "/" + rs.getInt(5));
            }
        }
        Map<String, String> lastAnswer = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT conversation_id, role, content FROM turns ORDER BY conversation_id, idx")) {
            while (rs.next()) {
                String conv = rs.getString(1);
                if (rs.getString(2).equals("USER")) {
                    userTurns.merge(conv, 1, Integer::sum);
                } else if (LAST_NUMBER.matcher(rs.getString(3)).find()) {
                    lastAnswer.put(conv, rs.getString(3));
                }
            }
        }
        for (Map.Entry<String, Integer> e : cellOf.entrySet()) {
            String task = slotKey.get(e.getKey()).split("/")[0];
            int gold = Integer.parseInt(task.substring(2)) + 7;
            String answer = lastAnswer.get(e.getKey());
            boolean ok = false;
            if (answer != null) {
                Matcher m = LAST_NUMBER.matcher(answer);
                String lastNum = null;
                while (m.find()) {
                    lastNum = m.group(1);
                }
                ok = Integer.parseInt(lastNum) == gold;
            }
            solved.put(e.getKey(), ok);
            int[] k = counts.get(e.getValue());
            k[1] += ok ? 1 : 0;
            k[4] += userTurns.getOrDefault(e.getKey(), 0);
        }
        JsonNode cells = report.get("cells");
        assertEquals(6, cells.size());
        for (int i = 0; i < 6; i++) {
            JsonNode cell = cells.get(i);
            int[] k = counts.get(i);
            assertEquals(k[0], cell.get("conversations").asInt(), "cell " + i);
            assertEquals(k[1], cell.get("solved").asInt(), "cell " + i);
            assertEquals((double) k[1] / k[0], cell.get("success_rate").asDouble(), 1e-12);
            JsonNode m = cell.get("metrics");
            assertEquals(k[2], m.get("failed").asInt());
            assertEquals((double) k[3] / k[0], m.get("user_ended_share").asDouble(), 1e-12);
            assertEquals((double) k[4] / k[0], m.get("user_turns_mean").asDouble(), 1e-12);
            double lo = cell.get("ci").get(0).asDouble();
            double hi = cell.get("ci").get(1).asDouble();
            assertTrue(lo <= cell.get("success_rate").asDouble() && cell.get("success_rate").asDouble() <= hi);
        }
        assertTrue(cells.get(0).get("metrics").get("user_ended_share").asDouble() > 0.9, "UserLM ends its turns");
        checkPaired(report, cellOf, slotKey, solved);
    }

    private static void checkPaired(JsonNode report, Map<String, Integer> cellOf, Map<String, String> slotKey,
                                    Map<String, Boolean> solved) {
        JsonNode paired = report.get("paired");
        assertEquals(6, paired.size(), "2 assistants x 3 pairs of simulators");
        Map<Integer, Map<String, Boolean>> byCell = new HashMap<>();
        cellOf.forEach((conv, cell) -> byCell.computeIfAbsent(cell, k -> new HashMap<>())
                .put(slotKey.get(conv), solved.get(conv)));
        List<int[]> expectedPairs = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int i = 0; i < 3; i++) {
                for (int j = i + 1; j < 3; j++) {
                    expectedPairs.add(new int[] {i * 2 + a, j * 2 + a});
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode p : paired) {
            seen.add(p.get("a").asText() + "-" + p.get("b").asText() + "-" + p.get("assistant").asText());
        }
        assertEquals(6, seen.size());
        for (int idx = 0; idx < expectedPairs.size(); idx++) {
            int[] ij = expectedPairs.get(idx);
            Map<String, Boolean> x = byCell.get(ij[0]);
            Map<String, Boolean> y = byCell.get(ij[1]);
            int n = 0;
            int diff = 0;
            int b = 0;
            int cc = 0;
            for (Map.Entry<String, Boolean> e : x.entrySet()) {
                Boolean other = y.get(e.getKey());
                if (other == null) {
                    continue;
                }
                n++;
                diff += (e.getValue() ? 1 : 0) - (other ? 1 : 0);
                b += e.getValue() && !other ? 1 : 0;
                cc += !e.getValue() && other ? 1 : 0;
            }
            JsonNode p = paired.get(idx);
            assertEquals(n, p.get("pairs").asInt());
            assertEquals((double) diff / n, p.get("difference").asDouble(), 1e-12);
            assertEquals(binomialTwoSided(b, cc), p.get("p_value").asDouble(), 1e-9);
            assertTrue(p.get("ci").get(0).asDouble() <= p.get("difference").asDouble() + 1e-12);
        }
    }

    /** 2 · P(X ≤ min(b, c)), X ~ Bin(b + c, 1/2), capped at 1: computed with exact big integers. */
    private static double binomialTwoSided(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        java.math.BigInteger choose = java.math.BigInteger.ONE;
        for (int k = 0; k <= Math.min(b, c); k++) {
            sum = sum.add(choose);
            choose = choose.multiply(java.math.BigInteger.valueOf(n - k)).divide(java.math.BigInteger.valueOf(k + 1));
        }
        double p = new java.math.BigDecimal(sum).divide(new java.math.BigDecimal(java.math.BigInteger.TWO.pow(n)),
                java.math.MathContext.DECIMAL64).doubleValue() * 2;
        return Math.min(1, p);
    }

    private static int count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return count(c, sql);
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }

    private static void awaitFinishedSlots(Path db, int n, long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(db)) {
                try {
                    if (count(db, "SELECT COUNT(*) FROM experiment_slots WHERE status IN ('done', 'failed')") >= n) {
                        return;
                    }
                } catch (java.sql.SQLException notYet) {
                    // the child is still creating the schema
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the experiment never reached " + n + " finished conversations");
    }
}
