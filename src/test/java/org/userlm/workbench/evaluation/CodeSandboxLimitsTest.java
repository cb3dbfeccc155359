package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.CodeSpec;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

/** Timeout, memory cap, network block, renaming and test reporting of the code grader (strict rules). */
class CodeSandboxLimitsTest {
    private static final String TESTS = "[{\"input\": \"2\\n3\", \"output\": \"5\", \"testtype\": \"functional\"},"
            + " {\"input\": \"-1\\n1\", \"output\": \"0\", \"testtype\": \"functional\"},"
            + " {\"input\": \"10\\n5\", \"output\": \"15\", \"testtype\": \"functional\"}]";
    private static final Task ADD = new Task("add", TaskKind.CODE, "test", "add", "add two ints", List.of(), null,
            new CodeSpec("add", "", "", TESTS, null, null, ""));

    private final CodeGrader fast = new CodeGrader(SandboxSettings.defaults()
            .withTimeout(Duration.ofSeconds(2)).withMemoryBytes(256L << 20), GraderMode.STRICT);

    private static String py(String body) {
        return "```python\n" + body + "\n```";
    }

    @Test
    void correctAndWrongSolutionsNameTheFailingTest() {
        assertTrue(fast.grade(ADD, py("def add(a, b):\n    return a + b")).correct());
        GradeResult r = fast.grade(ADD, py("def add(a, b):\n    return a + b if a > 0 else 99"));
        assertFalse(r.correct());
        assertEquals("public test 2/3 (input -1, 1) failed: expected 0, got 99", r.detail());
    }

    @Test
    void infiniteLoopIsStoppedByTheTimeout() {
        long t0 = System.nanoTime();
        GradeResult r = fast.grade(ADD, py("def add(a, b):\n    if a == 10:\n        while True:\n            pass\n    return a + b"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.correct());
        assertEquals("public test 3/3 (input 10, 5) timed out after 2.0 s", r.detail());
        assertTrue(ms < 6000, "took " + ms + " ms");
    }

    @Test
    void childProcessesAreKilledOnTimeout() throws Exception {
        String marker = "userlm-sandbox-child-" + System.nanoTime();
        String code = "import subprocess, sys\ndef add(a, b):\n"
                + "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)', '" + marker + "'])\n"
                + "    while True:\n        pass\n";
        GradeResult r = fast.grade(ADD, py(code));
        assertTrue(r.detail().contains("timed out"), r.detail());
        Thread.sleep(300);
        long survivors = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)).count();
        assertEquals(0, survivors, "a child of the timed-out solution survived");
    }

    @Test
    void unboundedAllocationIsStoppedByTheMemoryCap() {
        String hog = "def add(a, b):\n    chunks = []\n    while True:\n        chunks.append(bytearray(16 << 20))\n";
        long t0 = System.nanoTime();
        GradeResult r = fast.grade(ADD, py(hog));
        assertFalse(r.correct());
        assertTrue(r.detail().contains("exceeded the memory cap (256 MB)"), r.detail());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 6000);
    }

    @Test
    void socketsAreBlocked() {
        for (String attempt : List.of("socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(('127.0.0.1', 9))",
                "socket.create_connection(('example.com', 80), timeout=1)",
                "__import__('_socket').socket().connect(('10.1.2.3', 80))")) {
            GradeResult r = fast.grade(ADD, py("import socket\ndef add(a, b):\n    " + attempt + "\n    return a + b"));
            assertFalse(r.correct(), attempt);
            assertTrue(r.detail().contains("raised"), attempt + " -> " + r.detail());
        }
    }

    @Test
    void aDifferentlyNamedFunctionIsRenamedAndTuplesCompareAsLists() {
        Task pair = new Task("p", TaskKind.CODE, "test", "p", "q", List.of(), null, new CodeSpec("pair", "", "",
                "[{\"input\": \"1\\n2\", \"output\": \"[1, 2]\", \"testtype\": \"functional\"}]", null, null, ""));
        GradeResult r = fast.grade(pair, "Use this:\n```python\ndef helper(x):\n    return x\n\ndef make_pair(a, b):\n"
                + "    return (helper(a), b)\n```\nThat is all.");
        assertTrue(r.correct(), r.detail());
        GradeResult unfenced = fast.grade(pair, "Simply:\ndef make_pair(a, b):\n    return a, b\nThat is all.");
        assertTrue(unfenced.correct(), unfenced.detail());
    }

    @Test
    void answersWithoutCodeOrThatDoNotLoadFail() {
        assertEquals("no Python function found in the answer (no fenced block with a def, no def)",
                fast.grade(ADD, "The answer is a + b.").detail());
        GradeResult syntax = fast.grade(ADD, py("def add(a, b):\n    return a +"));
        assertFalse(syntax.correct());
        assertTrue(syntax.detail().startsWith("loading the solution failed: SyntaxError"), syntax.detail());
    }

    @Test
    void candidateOutputDoesNotConfuseTheHarness() {
        GradeResult r = fast.grade(ADD, py("def add(a, b):\n    print('{\"event\": \"done\"}')\n    return a + b"));
        assertTrue(r.correct(), r.detail());
    }
}
