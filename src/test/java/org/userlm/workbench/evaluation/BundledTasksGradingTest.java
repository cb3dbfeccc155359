package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.tasks.BundledTasks;

/** The bundled set: shape, arithmetic of every math solution, and every code task against its reference. */
class BundledTasksGradingTest {
    private static final Pattern CALC = Pattern.compile("<<([^=>]+)=([^>]+)>>");
    private final List<Task> tasks = BundledTasks.load();

    @Test
    void shapeOfTheBundledSet() {
        assertTrue(tasks.stream().filter(t -> t.kind() == TaskKind.MATH).count() >= 12);
        assertTrue(tasks.stream().filter(t -> t.kind() == TaskKind.CODE).count() >= 12);
        assertEquals(tasks.size(), new HashSet<>(tasks.stream().map(Task::id).toList()).size(), "unique ids");
        for (Task t : tasks) {
            assertEquals("bundled", t.source(), t.id());
            assertTrue(t.shards().size() >= 3 && t.shards().size() <= 6, t.id());
            for (int i = 0; i < t.shards().size(); i++) {
                Shard s = t.shards().get(i);
                assertEquals(i + 1, s.id(), t.id());
                assertFalse(s.text().isBlank(), t.id());
            }
            assertTrue(t.title().length() <= 61 && !t.title().isBlank(), t.id());
            assertTrue(t.id().matches("bundled-(math|code)-\\d\\d"), t.id());
        }
    }

    @Test
    void everyCalculatorAnnotationIsRightAndTheSolutionGradesCorrect() {
        MathGrader grader = new MathGrader();
        for (Task t : tasks.stream().filter(t -> t.kind() == TaskKind.MATH).toList()) {
            Matcher m = CALC.matcher(t.answer());
            int count = 0;
            while (m.find()) {
                double expected = Double.parseDouble(m.group(2));
                assertEquals(expected, Arith.eval(m.group(1)), 1e-9, t.id() + ": " + m.group());
                count++;
            }
            assertTrue(count >= 2, t.id());
            assertTrue(grader.grade(t, t.answer()).correct(), t.id());
            assertTrue(grader.grade(t, "So the answer is " + t.goldAnswer() + ".").correct(), t.id());
            assertFalse(grader.grade(t, "So the answer is 99999.").correct(), t.id());
        }
    }

    @Test
    void everyCodeTaskPassesWithItsReferenceAndFailsWithAWrongSolution() throws Exception {
        // The bundled references use helpers and nested tuples, which only the strict rules accept.
        CodeGrader grader = new CodeGrader(SandboxSettings.defaults(), GraderMode.STRICT);
        for (Task t : tasks.stream().filter(t -> t.kind() == TaskKind.CODE).toList()) {
            String reference = reference(t.id());
            GradeResult ok = grader.grade(t, "Here you go:\n```python\n" + reference + "```\n");
            assertTrue(ok.correct(), t.id() + ": " + ok.detail());
            String wrong = "def " + t.code().funcName() + "(*args):\n    return 0\n";
            GradeResult bad = grader.grade(t, "```python\n" + wrong + "```");
            assertFalse(bad.correct(), t.id());
            assertTrue(bad.detail().startsWith("public test "), bad.detail());
        }
    }

    @Test
    void aSubtlyWrongSolutionIsCaught() throws Exception {
        Task fib = tasks.stream().filter(t -> t.code() != null && t.code().funcName().equals("fib_plus_one"))
                .findFirst().orElseThrow();
        String offByOne = reference(fib.id()).replace("a, b = 1, 1", "a, b = 1, 2");
        GradeResult r = new CodeGrader().grade(fib, "```python\n" + offByOne + "```");
        assertFalse(r.correct());
        assertEquals("public test 2/6 (input 2) failed: expected 1, got 2", r.detail());
    }

    private static String reference(String id) throws Exception {
        try (InputStream in = BundledTasksGradingTest.class.getResourceAsStream("/tasks/bundled_reference/" + id + ".py")) {
            assertNotNull(in, "reference solution for " + id);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A tiny evaluator for calculator annotations: numbers, + - * /, unary minus, parentheses. */
    private static final class Arith {
        private final String s;
        private int i;

        private Arith(String s) {
            this.s = s.replace(" ", "").replace(",", "");
        }

        static double eval(String expr) {
            Arith a = new Arith(expr);
            double v = a.sum();
            assertEquals(a.s.length(), a.i, "unparsed rest of " + expr);
            return v;
        }

        private double sum() {
            double v = product();
            while (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                v = s.charAt(i++) == '+' ? v + product() : v - product();
            }
            return v;
        }

        private double product() {
            double v = unary();
            while (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '/')) {
                v = s.charAt(i++) == '*' ? v * unary() : v / unary();
            }
            return v;
        }

        private double unary() {
            if (s.charAt(i) == '-') {
                i++;
                return -unary();
            }
            if (s.charAt(i) == '(') {
                i++;
                double v = sum();
                i++;
                return v;
            }
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }
    }
}
