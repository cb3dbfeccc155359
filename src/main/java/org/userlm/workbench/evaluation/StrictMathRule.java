package org.userlm.workbench.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our math rule ({@code --grader strict}); each difference from {@link LicMathRule} is listed in
 * {@code docs/grading.md}: numbers compare by value ({@code $60.00} = {@code 60}, {@code 0.50} = {@code .5}),
 * commas count only as thousands separators, a stated final answer ({@code \boxed{}}, {@code ####}, "answer is",
 * "answer:") wins over the last number, and simple fractions compare by value.
 */
public final class StrictMathRule {
    private static final String NUM = "-?\\$?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|-?\\$?\\.\\d+";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])(" + NUM + ")(?:/(\\d+))?");
    private static final Pattern STATED = Pattern.compile("(?i)(?:\\\\boxed\\{\\s*|####\\s*|answer\\s*(?:is|:|=)\\s*"
            + "(?:\\*\\*)?\\s*)(" + NUM + ")(?:/(\\d+))?");

    private StrictMathRule() {
    }

    /** What the rule compared, and the verdict; {@code prediction} is null when there is no number. */
    public record Verdict(boolean correct, String prediction, String gold) {
    }

    /** Applies the rule to an answer (a whole turn or an extracted answer). */
    public static Verdict evaluate(String answer, String referenceAnswer) {
        String goldText = referenceAnswer == null ? null : lastStated(referenceAnswer, true);
        BigDecimal gold = goldText == null ? null : value(goldText);
        String text = answer == null ? "" : answer;
        String pred = lastStated(text, false);
        if (pred == null) {
            return new Verdict(false, null, goldText);
        }
        BigDecimal p = value(pred);
        return new Verdict(gold != null && p != null && p.compareTo(gold) == 0, pred, goldText);
    }

    /** The last stated final answer, else (unless {@code statedOnly}) the last number; null when none. */
    private static String lastStated(String text, boolean statedOnly) {
        String found = null;
        Matcher m = STATED.matcher(text);
        while (m.find()) {
            found = m.group(2) == null ? m.group(1) : m.group(1) + "/" + m.group(2);
        }
        if (found != null || statedOnly) {
            return found;
        }
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            found = n.group(2) == null ? n.group(1) : n.group(1) + "/" + n.group(2);
        }
        return found;
    }

    /** The value of a matched number ({@code $} and thousands separators dropped; a/b divided), or null. */
    static BigDecimal value(String s) {
        String t = s.replace("$", "").replace(",", "").replace(" ", "");
        try {
            int slash = t.indexOf('/');
            if (slash > 0) {
                BigDecimal den = new BigDecimal(t.substring(slash + 1));
                return den.signum() == 0 ? null
                        : new BigDecimal(t.substring(0, slash)).divide(den, 12, RoundingMode.HALF_EVEN);
            }
            return new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
