package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;

/** The code grader against real HumanEval and LiC records with known-good and broken solutions. */
class CodeGraderRealDataTest {
    private static final List<Integer> SAMPLE = List.of(0, 2, 10, 12, 32, 38, 53, 100, 128, 163);
    private static final Map<String, String> LCB_SOLUTIONS = Map.of(
            "sharded-livecodebench/2756", """
                    class Solution:
                        def buyChoco(self, prices: List[int], money: int) -> int:
                            a, b = sorted(prices)[:2]
                            return money - a - b if a + b <= money else money
                    """,
            "sharded-livecodebench/2791", """
                    class Solution:
                        def circularGameLosers(self, n: int, k: int) -> List[int]:
                            seen, cur, i = {1}, 1, 1
                            while True:
                                cur = (cur - 1 + i * k) % n + 1
                                if cur in seen:
                                    break
                                seen.add(cur)
                                i += 1
                            return [x for x in range(1, n + 1) if x not in seen]
                    """,
            "sharded-livecodebench/2812", """
                    class Solution:
                        def theMaximumAchievableX(self, num: int, t: int) -> int:
                            return num + 2 * t
                    """,
            "sharded-livecodebench/2816", """
                    class Solution:
                        def makeSmallestPalindrome(self, s: str) -> str:
                            c = list(s)
                            for i in range(len(c) // 2):
                                c[i] = c[-1 - i] = min(c[i], c[-1 - i])
                            return ''.join(c)
                    """);

    /** A known-good solution of an LiC LiveCodeBench record, or null. */
    static String lcbSolution(String id) {
        return LCB_SOLUTIONS.get(id);
    }

    private static Map<String, Task> humanEval;
    private static Map<String, String> canonical;
    private final CodeGrader grader = new CodeGrader();

    @BeforeAll
    static void load() throws Exception {
        humanEval = TaskFiles.load(SharedData.file("humaneval/HumanEval.jsonl")).stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        canonical = HumanEvalCanonical.read(SharedData.file("humaneval/HumanEval.jsonl"));
    }

    static String fenced(String code) {
        return "Sure! Here is a solution.\n\n```python\n" + code + "\n```\n\nIt runs in linear time. Example:\n"
                + "```\n>>> print('hi')\n```\n";
    }

    @Test
    void canonicalHumanEvalSolutionsPassAndBrokenOnesFail() {
        for (int i : SAMPLE) {
            Task t = humanEval.get("HumanEval/" + i);
            String good = t.code().prompt() + canonical.get(t.id());
            GradeResult ok = grader.grade(t, fenced(good));
            assertTrue(ok.correct(), t.id() + ": " + ok.detail());
            GradeResult bad = grader.grade(t, fenced(t.code().prompt() + "    return 12345\n"));
            assertFalse(bad.correct(), t.id() + " broken solution passed");
            assertTrue(bad.detail().startsWith("check(candidate) "), bad.detail());
        }
    }

    @Test
    void licHumanEvalRecordsPassTheirPublicTestsWithCanonicalSolutions() throws Exception {
        List<Task> tasks = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_code_subset.json"));
        int graded = 0;
        for (Task t : tasks) {
            if (!t.source().equals("lic/humaneval")) {
                continue;
            }
            String heId = t.id().replace("sharded-", "");
            GradeResult r = grader.grade(t, fenced(t.code().prompt() + canonical.get(heId)));
            assertTrue(r.correct(), t.id() + ": " + r.detail());
            assertTrue(r.detail().startsWith("passed all "), r.detail());
            GradeResult wrong = grader.grade(t, fenced(t.code().prompt() + "    return 'nope'\n"));
            assertFalse(wrong.correct(), t.id());
            assertTrue(wrong.detail().startsWith("public test 1/"), wrong.detail());
            graded++;
        }
        assertEquals(11, graded);
    }

    @Test
    void liveCodeBenchClassBasedWithPrivateTests() throws Exception {
        Map<String, Task> lcb = TaskFiles.load(SharedData.file("lost_in_conversation/sharded_code_subset.json"))
                .stream().filter(t -> t.source().startsWith("lic/lcb")).collect(Collectors.toMap(Task::id, t -> t));
        assertEquals(LCB_SOLUTIONS.keySet(), lcb.keySet());
        for (var e : LCB_SOLUTIONS.entrySet()) {
            Task t = lcb.get(e.getKey());
            GradeResult r = grader.grade(t, fenced(e.getValue()));
            assertTrue(r.correct(), t.id() + ": " + r.detail());
            int publicCount = CodeTests.parse("public", t.code().publicTestsJson()).size();
            assertEquals("passed all " + (publicCount + 12) + " tests", r.detail());
        }
        Task t = lcb.get("sharded-livecodebench/2812");
        GradeResult topLevel = grader.grade(t, "```python\ndef achievable(num, t):\n    return num + 2 * t\n```");
        assertTrue(topLevel.correct(), "a top-level function is aliased to func_name: " + topLevel.detail());
        GradeResult offByOne = grader.grade(t, fenced(LCB_SOLUTIONS.get(t.id()).replace("2 * t", "2 * t + (num > 40)")));
        assertFalse(offByOne.correct(), "only a private test catches this one");
        assertTrue(offByOne.detail().startsWith("private test "), offByOne.detail());
    }
}
