package org.userlm.workbench.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.tasks.TaskFiles;

/**
 * {@code --grader lic} against an independent restatement of LiC's math {@code evaluator_function}, written here
 * from its documented steps (not from our implementation), on every math record of the shared LiC files with many
 * answer variants each; and {@code strict} on the cases where the two modes differ on purpose.
 */
class LicMathModeTest {

    /** LiC's steps, in LiC's order, with plain java.util.regex. */
    static boolean licOracle(String extracted, String reference) {
        String gold = reference.split("####", -1)[1].strip().toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(-?[$0-9.,]{2,})|(-?[0-9]+)").matcher(extracted.strip());
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (found.isEmpty()) {
            return false;
        }
        String pred = found.get(found.size() - 1);
        if (pred.indexOf('$') >= 0 && pred.endsWith(".00")) {
            pred = pred.replaceAll("[.0]+$", ""); // Python's rstrip(".00") strips a set of characters
        }
        for (String re : List.of(",", "\\$", "(?s).*#### ", "\\.$")) {
            pred = pred.replaceAll(re, "");
            gold = gold.replaceAll(re, "");
        }
        return pred.equals(gold);
    }

    static List<Task> mathRecords() throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (String f : List.of("lost_in_conversation/sharded_math_subset.json",
                "lost_in_conversation/sample_5_per_task.json", "lic_community_sharded_gsm8k/sharded_gsm8k_v1.json")) {
            tasks.addAll(TaskFiles.load(SharedData.file(f)).stream().filter(t -> t.kind() == TaskKind.MATH).toList());
        }
        return tasks;
    }

    static List<String> variants(String gold) {
        List<String> v = new ArrayList<>(List.of(gold, gold + ".", "The answer is " + gold + ".",
                "$" + gold, "$" + gold + ".00", gold + ".00", "It costs $" + gold + ".00 in total.",
                "So the total is " + gold + " dollars, and that's it!", gold + " (computed as 48 / 3)",
                "**" + gold + "**", "-" + gold, gold + "0", "about " + gold + " or so?", "  " + gold + "\n"));
        BigDecimal value = new BigDecimal(gold.replace(",", ""));
        DecimalFormat thousands = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String grouped = thousands.format(value);
        v.add(grouped);
        v.add("$" + grouped + ".00");
        v.add("The total is " + grouped + " apples.");
        v.add(value.add(BigDecimal.ONE).toPlainString());
        v.add("First " + value.add(BigDecimal.TEN).toPlainString() + ", then " + gold);
        v.add(gold + " then " + value.add(BigDecimal.TEN).toPlainString());
        return v;
    }

    @Test
    void licModeAgreesWithTheRestatementOnEveryMathRecordAndVariant() throws Exception {
        List<Task> tasks = mathRecords();
        assertTrue(tasks.size() > 100, "math records: " + tasks.size());
        int cases = 0;
        int correct = 0;
        for (Task t : tasks) {
            String gold = t.answer().split("####", -1)[1].strip();
            for (String answer : variants(gold)) {
                boolean expected = licOracle(answer, t.answer());
                GradeResult r = Graders.grade(t, answer, GraderMode.LIC);
                assertEquals(expected, r.correct(), t.id() + " answer \"" + answer + "\": " + r.detail());
                assertEquals(GraderMode.LIC, r.mode());
                cases++;
                correct += expected ? 1 : 0;
            }
        }
        assertTrue(cases > 2000, "cases: " + cases);
        assertTrue(correct > cases / 4 && correct < cases, "both outcomes occur: " + correct + "/" + cases);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // reference | answer | lic | strict
        "#### 60 | $60.00 | false | true",
        "#### 6 | $60.00 | true | false",
        "#### 1000 | $1,000.00 | false | true",
        "#### 1000 | 1,000 | true | true",
        "#### 16 | Leigh has 16 shells (48 / 3). | false | false",
        "#### 16 | So the answer is 16 (48 / 3). | false | true",
        "#### 0.5 | 0.50 | false | true",
        "#### 42 | The total is 42. | true | true",
        "#### 12 | \\boxed{12} because 3 * 4 | false | true",
        "#### 3 | 1,2,3 | false | false",
        "#### 1.5 | 3/2 | false | true",
    })
    void licAndStrictDifferWhereTheDocsSay(String reference, String answer, boolean lic, boolean strict) {
        Task t = new Task("t", TaskKind.MATH, "test", "t", "q", List.of(), reference, null);
        assertEquals(lic, Graders.grade(t, answer, GraderMode.LIC).correct(), "lic");
        assertEquals(lic, licOracle(answer, reference), "the restatement");
        GradeResult s = Graders.grade(t, answer, GraderMode.STRICT);
        assertEquals(strict, s.correct(), "strict: " + s.detail());
        assertEquals(GraderMode.STRICT, s.mode());
    }

    @Test
    void theExtractedAnswerIsReported() {
        Task t = new Task("t", TaskKind.MATH, "test", "t", "q", List.of(), "#### 60", null);
        assertEquals("$60.00.", Graders.grade(t, "It costs $60.00.", GraderMode.LIC).extracted(), "LiC's pattern takes the full stop");
        assertEquals("$60.00", Graders.grade(t, "It costs $60.00.", GraderMode.STRICT).extracted());
        GradeResult none = Graders.grade(t, "no digits here", GraderMode.LIC);
        assertFalse(none.correct());
        assertEquals(null, none.extracted());
    }
}
