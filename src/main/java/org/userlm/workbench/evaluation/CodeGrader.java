package org.userlm.workbench.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;

/**
 * The Lost-in-Conversation code rule (PROTOCOL.md §6): extract the answer's code ({@link CodeExtractor}),
 * prepend the task's imports and common typing/stdlib imports, alias the last top-level function to
 * {@code func_name} when the answer named it differently, then run every public and private test, one
 * separate Python process per answer, each test timed on its own ({@link SandboxSettings}: 6 s per test,
 * 4 GB, no network by default). Call-based tests pass
 * JSON positional arguments and compare with {@code ==} (tuples as lists); class-based starter code calls
 * {@code Solution().func_name(*args)}. Tasks without LiC tests (HumanEval JSONL) run {@code check(candidate)}.
 * Correct iff every test passes; the first failing test is named in the detail.
 */
public final class CodeGrader implements Grader {
    /** Imports every candidate gets, as LiveCodeBench-style harnesses do. */
    static final String HEADER = "from typing import *\n"
            + "import math, re, collections, itertools, functools, heapq, bisect, string\n";

    private final SandboxSettings settings;
    private final GraderMode mode;

    /** A grader with the LiC defaults ({@link SandboxSettings#defaults()}). */
    public CodeGrader() {
        this(SandboxSettings.defaults());
    }

    /** A grader with the given sandbox limits. */
    public CodeGrader(SandboxSettings settings) {
        this(settings, GraderMode.defaultMode());
    }

    /** A grader with the given sandbox limits and grading mode (the mode's code rules are issue 10's). */
    public CodeGrader(SandboxSettings settings, GraderMode mode) {
        this.settings = settings;
        this.mode = mode == null ? GraderMode.defaultMode() : mode;
    }

    /** The grading mode. */
    public GraderMode mode() {
        return mode;
    }

    /** The sandbox limits in use. */
    public SandboxSettings settings() {
        return settings;
    }

    @Override
    public GradeResult grade(Task task, String answerText) {
        CodeSpec spec = task.code();
        if (spec == null) {
            return GradeResult.fail("task " + task.id() + " has no code spec; it cannot be graded as code");
        }
        String code = CodeExtractor.extract(answerText);
        if (code == null) {
            return GradeResult.fail("no Python function found in the answer (no fenced block with a def, no def)");
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
        Map<String, Object> base = new HashMap<>();
        base.put("code", HEADER + nullToEmpty(spec.imports()) + code);
        base.put("func_name", spec.funcName());
        base.put("class_based", nullToEmpty(spec.starterCode()).contains("class Solution"));
        String prompt = nullToEmpty(spec.prompt());
        base.put("preamble", prompt.isBlank() ? "" : HEADER + prompt + "\n    pass\n");
        try {
            return check ? runCheck(base, spec) : runCalls(base, tests, note);
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

    private GradeResult runCheck(Map<String, Object> base, CodeSpec spec) throws IOException, InterruptedException {
        Map<String, Object> run = new HashMap<>(base);
        run.put("mode", "check");
        run.put("check", spec.checkCode());
        PythonSandbox.Outcome o = new PythonSandbox(settings).run(run, 1);
        if (o.status() == PythonSandbox.Status.PASS) {
            return GradeResult.pass("check(candidate) passed");
        }
        return GradeResult.fail((o.index() < 0 ? "loading the solution " : "check(candidate) ") + describe(o));
    }

    private GradeResult runCalls(Map<String, Object> base, List<CodeTests.CallTest> tests, String note)
            throws IOException, InterruptedException {
        List<Map<String, String>> wire = new ArrayList<>();
        for (CodeTests.CallTest t : tests) {
            if (!"functional".equals(t.testType())) {
                return GradeResult.fail(t.label() + ": test type \"" + t.testType() + "\" is not supported" + note);
            }
            wire.add(Map.of("input", t.input(), "output", t.output()));
        }
        Map<String, Object> run = new HashMap<>(base);
        run.put("mode", "call");
        run.put("tests", wire);
        PythonSandbox.Outcome o = new PythonSandbox(settings).run(run, tests.size());
        if (o.status() == PythonSandbox.Status.PASS) {
            return GradeResult.pass("passed all " + tests.size() + " tests" + note);
        }
        if (o.index() < 0) {
            return GradeResult.fail("loading the solution " + describe(o) + note);
        }
        CodeTests.CallTest t = tests.get(o.index());
        return GradeResult.fail(t.label() + " (input " + shorten(t.input()) + ") " + describe(o) + note);
    }

    private String describe(PythonSandbox.Outcome o) {
        return switch (o.status()) {
            case PASS -> "passed";
            case FAIL -> "failed: " + o.message();
            case TIMEOUT -> "timed out after " + settings.perTestTimeout().toMillis() / 1000.0 + " s";
            case MEMORY -> "exceeded the memory cap (" + (settings.memoryBytes() >> 20) + " MB): " + o.message();
            case ERROR -> "raised " + o.message();
            case CRASH -> "crashed: " + o.message();
        };
    }

    private static String shorten(String s) {
        String one = s.replace("\n", ", ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
