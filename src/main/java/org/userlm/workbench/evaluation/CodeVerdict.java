package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Turns what the sandbox reported into a verdict, outside the sandbox: test by test in order, the first
 * record for each test is compared with the expected output; the first test that did not pass decides.
 */
final class CodeVerdict {
    private final List<CodeTests.CallTest> tests;
    private final List<JsonNode> expected;
    private final PyValues.Tuples tuples;
    private final SandboxSettings settings;

    CodeVerdict(List<CodeTests.CallTest> tests, List<JsonNode> expected, GraderMode mode, SandboxSettings settings) {
        this.tests = tests;
        this.expected = expected;
        this.tuples = mode == GraderMode.LIC ? PyValues.Tuples.TOP_LEVEL : PyValues.Tuples.EVERYWHERE;
        this.settings = settings;
    }

    /** Whether the records so far decide the verdict (a failed load, or every test up to a failure or the last). */
    boolean known(Map<String, JsonNode> records) {
        JsonNode load = records.get("load");
        if (load != null && !load.path("ok").asBoolean()) {
            return true;
        }
        if (records.containsKey("check")) {
            return true;
        }
        for (int i = 0; i < tests.size(); i++) {
            JsonNode r = records.get("res:" + i);
            if (r == null) {
                return false;
            }
            if (!passed(r, i)) {
                return true;
            }
        }
        return !tests.isEmpty();
    }

    private boolean passed(JsonNode r, int i) {
        return "out".equals(r.path("k").asText()) && PyValues.equal(r.path("v"), expected.get(i), tuples);
    }

    /** The verdict for call tests. */
    GradeResult of(CodeSandbox.Report report, String note) {
        Map<String, JsonNode> rec = report.records();
        JsonNode load = rec.get("load");
        if (report.stop() == CodeSandbox.Stop.MEMORY) {
            int last = -1;
            while (rec.containsKey("start:" + (last + 1))) {
                last++;
            }
            String where = last < 0 ? "loading the solution " : tests.get(Math.min(last, tests.size() - 1)).label() + " ";
            return GradeResult.fail(where + stopped(report) + note);
        }
        if (load == null) {
            return GradeResult.fail("loading the solution " + stopped(report) + note);
        }
        if (!load.path("ok").asBoolean()) {
            return GradeResult.fail("loading the solution failed: " + load.path("error").asText() + note);
        }
        for (int i = 0; i < tests.size(); i++) {
            CodeTests.CallTest t = tests.get(i);
            String where = t.label() + " (input " + shorten(t.input()) + ") ";
            JsonNode r = rec.get("res:" + i);
            if (r == null) {
                return GradeResult.fail(where + stopped(report) + note);
            }
            if ("raise".equals(r.path("k").asText())) {
                return GradeResult.fail(where + (r.path("memory").asBoolean()
                        ? "exceeded the memory cap (" + (settings.memoryBytes() >> 20) + " MB): MemoryError"
                        : "raised " + r.path("error").asText()) + note);
            }
            if (!passed(r, i)) {
                return GradeResult.fail(where + "failed: expected " + PyValues.reprExpected(expected.get(i))
                        + ", got " + PyValues.repr(r.path("v")) + note);
            }
        }
        return GradeResult.pass("passed all " + tests.size() + " tests" + note);
    }

    /** The verdict of HumanEval's {@code check(candidate)}, reported from inside the sandbox: untrusted. */
    GradeResult ofCheck(CodeSandbox.Report report) {
        Map<String, JsonNode> rec = report.records();
        JsonNode load = rec.get("load");
        GradeResult r;
        if (report.stop() == CodeSandbox.Stop.MEMORY) {
            r = GradeResult.fail("check(candidate) " + stopped(report));
        } else if (load == null) {
            r = GradeResult.fail("loading the solution " + stopped(report));
        } else if (!load.path("ok").asBoolean()) {
            r = GradeResult.fail("loading the solution failed: " + load.path("error").asText());
        } else if (!rec.containsKey("check")) {
            r = GradeResult.fail("check(candidate) " + stopped(report));
        } else if (rec.get("check").path("ok").asBoolean()) {
            r = GradeResult.pass("check(candidate) passed (reported from inside the sandbox: untrusted)");
        } else {
            r = GradeResult.fail("check(candidate) failed: " + rec.get("check").path("error").asText());
        }
        return r.withTrusted(false);
    }

    private String stopped(CodeSandbox.Report report) {
        return switch (report.stop()) {
            case TIMEOUT -> "timed out after " + settings.perTestTimeout().toMillis() / 1000.0 + " s";
            case MEMORY -> "exceeded the memory cap (" + (settings.memoryBytes() >> 20) + " MB, whole process tree)";
            case OUTPUT_LIMIT -> "stopped: the code wrote more than " + (settings.maxOutputBytes() >> 20)
                    + " MB to the grader's channel";
            default -> "crashed: the harness stopped without a result (" + shortenErr(report.stderr()) + ")";
        };
    }

    private static String shortenErr(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 300 ? one : "…" + one.substring(one.length() - 300);
    }

    private static String shorten(String s) {
        String one = s.replace("\n", ", ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }
}
