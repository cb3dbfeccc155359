package org.userlm.workbench.evaluation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in an assistant answer: the last fenced Python block (or a fence without a language)
 * that holds a top-level {@code def} or {@code class}; else the last top-level {@code def} in the text with
 * the indented lines that follow it.
 */
public final class CodeExtractor {
    private static final Pattern FENCE_LINE = Pattern.compile("^\\s*```+\\s*([\\w+-]*).*$");
    private static final Pattern TOP_LEVEL = Pattern.compile("(?m)^(?:async\\s+)?(?:def|class)\\s+\\w+");
    private static final Pattern LAST_DEF = Pattern.compile("(?m)^def\\s+\\w+");

    private CodeExtractor() {
    }

    /**
     * The candidate code in {@code answer}, or null when there is none.
     *
     * @param answer the assistant's whole answer
     * @return Python source, or null
     */
    public static String extract(String answer) {
        if (answer == null) {
            return null;
        }
        String found = lastFencedBlock(answer);
        if (found != null) {
            return found;
        }
        Matcher d = LAST_DEF.matcher(answer);
        int start = -1;
        while (d.find()) {
            start = d.start();
        }
        return start < 0 ? null : defWithBody(answer.substring(start));
    }

    /** The last fenced block tagged python/py/python3 or untagged that holds a top-level def or class. */
    private static String lastFencedBlock(String answer) {
        String found = null;
        StringBuilder body = null;
        boolean python = false;
        for (String line : answer.split("\r?\n", -1)) {
            Matcher f = FENCE_LINE.matcher(line);
            if (!f.matches()) {
                if (body != null) {
                    body.append(line).append('\n');
                }
                continue;
            }
            if (body == null) {
                String lang = f.group(1).toLowerCase(Locale.ROOT);
                python = lang.isEmpty() || lang.equals("python") || lang.equals("py") || lang.equals("python3");
                body = new StringBuilder();
            } else {
                if (python && TOP_LEVEL.matcher(body).find()) {
                    found = body.toString();
                }
                body = null;
            }
        }
        if (body != null && python && TOP_LEVEL.matcher(body).find()) {
            found = body.toString();
        }
        return found;
    }

    /** The {@code def} line and the following blank or indented lines. */
    private static String defWithBody(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
