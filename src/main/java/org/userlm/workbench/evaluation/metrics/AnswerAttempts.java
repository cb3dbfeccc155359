package org.userlm.workbench.evaluation.metrics;

import java.util.regex.Pattern;
import org.userlm.workbench.domain.TaskKind;

/**
 * The heuristic answer-attempt detector [ours], the fallback to LiC's LLM classifier (PROTOCOL.md section 6).
 * Math: an assistant turn is an attempt when it contains a number and its last non-empty line is not a question.
 * Code: when it contains a Python {@code def}. Other tasks: every non-empty assistant turn.
 */
public final class AnswerAttempts {
    /** Shown beside the numbers in the UI and the HTML export. */
    public static final String DEFINITION = "answer attempt (heuristic): math = an assistant turn with a number whose "
            + "last line is not a question; code = an assistant turn with a Python def";

    private static final Pattern NUMBER = Pattern.compile("\\d");
    private static final Pattern DEF = Pattern.compile("(?m)^\\s*def\\s+\\w+\\s*\\(");

    private AnswerAttempts() {
    }

    /** Whether the assistant turn text is an answer attempt for a task of this kind. */
    public static boolean isAttempt(TaskKind kind, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return false;
        }
        return switch (kind) {
            case MATH -> NUMBER.matcher(t).find() && !lastLine(t).endsWith("?");
            case CODE -> DEF.matcher(t).find();
            case OTHER -> true;
        };
    }

    private static String lastLine(String t) {
        String[] lines = t.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }
}
