package org.userlm.workbench.evaluation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.userlm.workbench.domain.Task;

/**
 * The Lost-in-Conversation math rule (PROTOCOL.md §6): gold = text after {@code ####}, trimmed, lower-cased;
 * prediction = last match of {@code (-?[$0-9.,]{2,})|(-?[0-9]+)} in the answer, with a {@code .00} dropped
 * when it holds {@code $}; {@code ,}, {@code $} and one trailing {@code .} are removed from both; correct iff
 * the strings are equal.
 */
public final class MathGrader implements Grader {
    private static final Pattern NUMBER = Pattern.compile("(-?[$0-9.,]{2,})|(-?[0-9]+)");

    @Override
    public GradeResult grade(Task task, String answerText) {
        String gold = task.goldAnswer();
        if (gold == null) {
            return GradeResult.fail("task " + task.id() + " has no gold answer (no \"####\" in its answer)");
        }
        String goldNorm = normalise(gold.toLowerCase(Locale.ROOT));
        String raw = extractPrediction(answerText);
        if (raw == null) {
            return GradeResult.fail("no number found in the answer; gold " + goldNorm);
        }
        String pred = normalise(raw);
        boolean ok = pred.equals(goldNorm);
        return new GradeResult(ok, "predicted " + pred + " (from \"" + raw + "\"), gold " + goldNorm);
    }

    /**
     * The raw last number-like match in {@code text}, with a {@code .00} dropped when it holds {@code $};
     * null when there is none.
     */
    public static String extractPrediction(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1) != null ? m.group(1) : m.group(2);
        }
        if (last != null && last.contains("$") && last.endsWith(".00")) {
            last = last.substring(0, last.length() - 3);
        }
        return last;
    }

    /** Removes {@code ,} and {@code $}, then one trailing {@code .}. */
    public static String normalise(String s) {
        String r = s.replace(",", "").replace("$", "");
        return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
    }
}
