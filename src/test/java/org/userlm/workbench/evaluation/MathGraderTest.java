package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;

class MathGraderTest {
    /**
     * The LiC rule transcribed to Python, as an independent oracle for the Java port (lic mode), quirks included:
     * the gold is the part after the first "####", and "$...00" is cut with rstrip('.00').
     */
    private static final String LIC_RULE = """
            import json, re, sys
            def norm(s):
                s = s.replace(',', '').replace('$', '')
                return s[:-1] if s.endswith('.') else s
            def grade(answer, text):
                gold = norm(answer.split('####')[1].strip().lower())
                m = re.findall(r'(-?[$0-9.,]{2,})|(-?[0-9]+)', text.strip())
                if not m:
                    return False
                pred = m[-1][0] or m[-1][1]
                if '$' in pred and pred.endswith('.00'):
                    pred = pred.rstrip('.00')
                return norm(pred) == gold
            cases = json.load(open(sys.argv[1]))
            print(json.dumps([grade(a, t) for a, t in cases]))
            """;

    private final MathGrader grader = new MathGrader();

    @TempDir
    Path tmp;

    private static Task math(String answer) {
        return new Task("t", TaskKind.MATH, "test", "t", "q", List.of(), answer, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "#### 1000 | It costs $1,000.00 in total. | false",
        "#### 1000 | It costs $1,000 in total. | true",
        "#### 60 | $60.00 | false",
        "#### 6 | $60.00 | true",
        "#### 1,000 | The answer is 1000 | true",
        "#### -5 | The temperature drops to -5 degrees. | true",
        "#### 42 | The total is 42. | true",
        "#### 42 | 42.0 | false",
        "#### 3.5 | She pays $3.50 | false",
        "#### 18 | First 16 - 3 = 13, then 13 + 5 = 18 eggs. | true",
        "#### 18 | 18 eggs, not 19 | false",
        "#### 7 | seven | false",
        "#### 0.5 | .5 | false",
        "#### 12 | The answer is **12**. | true",
    })
    void edgeCases(String answer, String text, boolean expected) {
        assertEquals(expected, grader.grade(math(answer), text).correct(), text);
    }

    @Test
    void noGoldAnswerIsNotCorrect() {
        GradeResult r = grader.grade(math("no hashes"), "12");
        assertFalse(r.correct());
        assertTrue(r.detail().contains("no gold answer"), r.detail());
    }

    @Test
    void agreesWithTheLicRuleOnEveryRealMathRecord() throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (String f : List.of("lost_in_conversation/sharded_math_subset.json", "lost_in_conversation/sample_5_per_task.json",
                "lic_community_sharded_gsm8k/sharded_gsm8k_v1.json", "gsm8k/test.jsonl")) {
            tasks.addAll(TaskFiles.load(SharedData.file(f)).stream().filter(t -> t.kind() == TaskKind.MATH).toList());
        }
        assertTrue(tasks.size() > 1600, "math records: " + tasks.size());
        List<String[]> cases = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (Task t : tasks) {
            String gold = t.goldAnswer();
            String plus = new BigDecimal(MathGrader.normalise(gold)).add(BigDecimal.ONE).toPlainString();
            add(cases, expected, t, t.answer(), true);
            add(cases, expected, t, "The answer is " + gold + ".", true);
            add(cases, expected, t, "So we get " + plus + " and the answer is " + gold, true);
            add(cases, expected, t, "The answer is " + plus + ".", false);
            add(cases, expected, t, "I believe " + gold + " is close but the answer is " + plus, false);
        }
        List<Boolean> java = new ArrayList<>();
        for (String[] c : cases) {
            java.add(grader.grade(math(c[0]), c[1]).correct());
        }
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(expected.get(i), java.get(i), "answer text: " + cases.get(i)[1]);
        }
        assertEquals(licRule(cases), java, "Java grader disagrees with the Python transcription of the LiC rule");
    }

    private static void add(List<String[]> cases, List<Boolean> expected, Task t, String text, boolean ok) {
        cases.add(new String[] {t.answer(), text});
        expected.add(ok);
    }

    private List<Boolean> licRule(List<String[]> cases) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Path in = tmp.resolve("cases.json");
        mapper.writeValue(in.toFile(), cases);
        Path script = Files.writeString(tmp.resolve("lic_rule.py"), LIC_RULE);
        Process p = new ProcessBuilder(System.getProperty("userlm.python", "python3"), script.toString(), in.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return List.of(mapper.readValue(out, Boolean[].class));
    }
}
