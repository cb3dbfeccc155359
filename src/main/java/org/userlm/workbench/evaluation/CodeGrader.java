package org.userlm.workbench.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;

/**
 * Grades code answers in the sandbox ({@link CodeSandbox}) under one of two rule sets ({@link GraderMode}).
 * <ul>
 *   <li>{@code lic}: Lost in Conversation's code evaluator, quirks included: its extraction (the last top-level
 *   function of the last fenced block that has one, with every import of that block; whole block when the
 *   answer mentions {@code class Solution}), its renaming of the first defined name by text replacement, its
 *   star imports ({@code from math import *} and 17 more), its guard against destructive calls, tuples turned
 *   into lists at the top level only.</li>
 *   <li>{@code strict}: ours (docs/grading-code.md): the last fenced block with a def kept whole (helpers
 *   included), the last function aliased to the task's name, plain module imports, tuples compared as lists at
 *   every depth.</li>
 * </ul>
 * Either way the sandbox receives the answer and the test inputs only; what the code returns comes back as
 * data and is compared here ({@link PyValues}), so no answer can report its own pass. HumanEval tasks without
 * call tests run {@code check(candidate)} inside the sandbox: that verdict is marked untrusted.
 * Without a sandbox nothing is run: "not graded: no sandbox".
 */
public final class CodeGrader implements Grader {
    /** Imports every candidate gets under the strict rules. */
    static final String HEADER = "from typing import *\n"
            + "import math, re, collections, itertools, functools, heapq, bisect, string\n";

    private final SandboxSettings settings;
    private final GraderMode mode;

    /** A grader with the LiC defaults ({@link SandboxSettings#defaults()}) and the default mode. */
    public CodeGrader() {
        this(SandboxSettings.defaults());
    }

    /** A grader with the given sandbox limits and the default mode. */
    public CodeGrader(SandboxSettings settings) {
        this(settings, GraderMode.defaultMode());
    }

    /** A grader with the given sandbox limits and rules. */
    public CodeGrader(SandboxSettings settings, GraderMode mode) {
        this.settings = settings;
        this.mode = mode;
    }

    /** The sandbox limits in use. */
    public SandboxSettings settings() {
        return settings;
    }

    /** The rules in use. */
    public GraderMode mode() {
        return mode;
    }

    /** Whether a sandbox is available here (else every code answer is "not graded: no sandbox"). */
    public boolean sandboxAvailable() {
        return new CodeSandbox(settings).available();
    }

    /**
     * One line saying how code is run here (the sandbox and which limits it enforces) or how to get a sandbox.
     * Probes the machine: call it off the FX thread.
     */
    public String sandboxStatus() {
        return new CodeSandbox(settings).status();
    }

    @Override
    public GradeResult grade(Task task, String answerText) {
        return gradeRaw(task, answerText).withMode(mode);
    }

    private GradeResult gradeRaw(Task task, String answerText) {
        CodeSpec spec = task.code();
        if (spec == null) {
            return GradeResult.fail("task " + task.id() + " has no code spec; it cannot be graded as code");
        }
        List<CodeTests.CallTest> tests = new ArrayList<>();
        String note;
        try {
            note = collectTests(spec, tests);
        } catch (IllegalArgumentException e) {
            return GradeResult.fail("task " + task.id() + " has malformed tests: " + e.getMessage());
        }
        boolean check = tests.isEmpty() && spec.checkCode() != null && !spec.checkCode().isBlank();
        if (tests.isEmpty() && !check) {
            return GradeResult.fail("task " + task.id() + " has no runnable tests" + note);
        }
        for (CodeTests.CallTest t : tests) {
            if (!"functional".equals(t.testType())) {
                return GradeResult.fail(t.label() + ": test type \"" + t.testType() + "\" is not supported" + note);
            }
        }
        String answer = answerText == null ? "" : answerText;
        String code = null;
        if (mode == GraderMode.STRICT || check) {
            code = CodeExtractor.extract(answer);
            if (code == null) {
                return GradeResult.fail("no Python function found in the answer (no fenced block with a def, no def)");
            }
        }
        Map<String, Object> run = new HashMap<>();
        run.put("func_name", spec.funcName());
        String prompt = nullToEmpty(spec.prompt());
        if (check) {
            run.put("mode", "check");
            run.put("answer", HEADER + nullToEmpty(spec.imports()) + code);
            run.put("check", spec.checkCode());
            run.put("preamble", prompt.isBlank() ? "" : HEADER + prompt + "\n    pass\n");
        } else if (mode == GraderMode.LIC) {
            run.put("mode", "lic");
            run.put("answer", answer);
            run.put("prompt", prompt);
        } else {
            run.put("mode", "strict");
            run.put("answer", HEADER + nullToEmpty(spec.imports()) + code);
            run.put("class_based", nullToEmpty(spec.starterCode()).contains("class Solution"));
            run.put("preamble", prompt.isBlank() ? "" : HEADER + prompt + "\n    pass\n");
        }
        run.put("inputs", tests.stream().map(CodeTests.CallTest::input).toList());
        try {
            List<JsonNode> expected = new ArrayList<>();
            for (CodeTests.CallTest t : tests) {
                expected.add(PyValues.parseExpected(t.output()));
            }
            CodeVerdict verdict = new CodeVerdict(tests, expected, mode, settings);
            CodeSandbox.Report report = new CodeSandbox(settings).run(run, Math.max(1, tests.size()), verdict::known);
            GradeResult r = check ? verdict.ofCheck(report) : verdict.of(report, note);
            String extracted = mode == GraderMode.LIC && !check
                    ? (report.records().containsKey("extracted") ? report.records().get("extracted").path("code")
                    .asText(null) : null) : code;
            return r.withExtracted(extracted).withSandbox(report.isolation());
        } catch (CodeSandbox.NoSandboxException e) {
            return GradeResult.notGraded(e.getMessage());
        } catch (IOException e) {
            return GradeResult.fail("could not run the tests: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GradeResult.fail("grading was interrupted");
        }
    }

    /** Fills {@code out}; returns a note about skipped private tests ("" when none). */
    private static String collectTests(CodeSpec spec, List<CodeTests.CallTest> out) {
        if (spec.publicTestsJson() != null && !spec.publicTestsJson().isBlank()) {
            out.addAll(CodeTests.parse("public", spec.publicTestsJson()));
        }
        if (spec.privateTests() != null && !spec.privateTests().isBlank()) {
            try {
                out.addAll(CodeTests.parsePrivate(spec.privateTests()));
            } catch (IllegalArgumentException e) {
                return "; private tests skipped: " + e.getMessage();
            }
        }
        return "";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
