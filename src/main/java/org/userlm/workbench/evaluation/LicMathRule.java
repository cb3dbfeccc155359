package org.userlm.workbench.evaluation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lost in Conversation's math {@code evaluator_function}, restated in Java with its quirks (facts read from
 * microsoft/lost_in_conversation, {@code tasks/math/task_math.py}; no code copied):
 * <ol>
 *   <li>gold = the part of the reference between the first {@code ####} and the next one, whitespace-stripped,
 *   lower-cased;</li>
 *   <li>the extracted answer is whitespace-stripped; the prediction is the last match of
 *   {@code (-?[$0-9.,]{2,})|(-?[0-9]+)} (nothing matches: not correct);</li>
 *   <li>when the prediction holds a {@code $} and ends with {@code .00}, every trailing {@code .} and {@code 0}
 *   is stripped (Python's {@code rstrip(".00")}: {@code $60.00} becomes {@code $6}, {@code $1,000.00} becomes
 *   {@code $1,});</li>
 *   <li>on both, in this order: every {@code ,} removed, every {@code $} removed, everything up to the last
 *   {@code "#### "} removed, one final {@code .} removed;</li>
 *   <li>correct iff the two strings are equal.</li>
 * </ol>
 */
public final class LicMathRule {
    private static final Pattern NUMBER = Pattern.compile("(-?[$0-9.,]{2,})|(-?[0-9]+)");

    private LicMathRule() {
    }

    /** What the rule compared, and the verdict. {@code prediction} is null when nothing could be extracted. */
    public record Verdict(boolean correct, String prediction, String gold, String raw) {
    }

    /** The gold string, or null when the reference has no {@code ####} (LiC would crash). */
    public static String gold(String referenceAnswer) {
        if (referenceAnswer == null) {
            return null;
        }
        int i = referenceAnswer.indexOf("####");
        if (i < 0) {
            return null;
        }
        int j = referenceAnswer.indexOf("####", i + 4);
        String seg = j < 0 ? referenceAnswer.substring(i + 4) : referenceAnswer.substring(i + 4, j);
        return normalise(pyStrip(seg).toLowerCase(Locale.ROOT));
    }

    /** Applies the rule to an already-extracted answer. */
    public static Verdict evaluate(String extractedAnswer, String referenceAnswer) {
        String gold = gold(referenceAnswer);
        String raw = lastMatch(extractedAnswer == null ? "" : pyStrip(extractedAnswer));
        if (raw == null) {
            return new Verdict(false, null, gold, null);
        }
        String pred = raw;
        if (pred.contains("$") && pred.endsWith(".00")) {
            int end = pred.length();
            while (end > 0 && (pred.charAt(end - 1) == '.' || pred.charAt(end - 1) == '0')) {
                end--;
            }
            pred = pred.substring(0, end);
        }
        pred = normalise(pred);
        return new Verdict(gold != null && pred.equals(gold), pred, gold, raw);
    }

    /** The last match of the number pattern, or null. */
    static String lastMatch(String text) {
        Matcher m = NUMBER.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return last;
    }

    /** The four substitutions, in LiC's order. */
    static String normalise(String s) {
        String r = s.replace(",", "").replace("$", "");
        int h = r.lastIndexOf("#### ");
        if (h >= 0) {
            r = r.substring(h + 5);
        }
        // Python's "\.$": a final "." or a "." before a final newline.
        if (r.endsWith(".")) {
            r = r.substring(0, r.length() - 1);
        } else if (r.endsWith(".\n")) {
            r = r.substring(0, r.length() - 2) + "\n";
        }
        return r;
    }

    /** Python's {@code str.strip()}: removes the characters {@code str.isspace()} accepts. */
    static String pyStrip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && pySpace(s.charAt(a))) {
            a++;
        }
        while (b > a && pySpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean pySpace(char c) {
        return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }
}
