package org.userlm.workbench.ui.compare;

import java.util.Locale;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;

/** The outcome text under a compare column (solved, end reason, turn stats, guardrail firings) and number formats. */
final class ColumnOutcome {
    private ColumnOutcome() {
    }

    static String text(ColumnState c) {
        Transcript tr = c.shown();
        ConversationMetrics m = tr.metrics;
        String head = c.name() + (c.repeats.size() > 1 ? " · run " + (c.shownRepeat.get() + 1) : "");
        if (tr.error != null) {
            return head + "\n✗ failed: " + tr.error;
        }
        if (m == null) {
            return head + "\nrunning… " + tr.cells.size() + " turns";
        }
        String outcome = switch (m.outcome().mark()) {
            case "✓" -> "✓ solved";
            case "✗" -> "✗ not solved" + (m.outcome().solvedAtSomeTurn() ? " (was right earlier)" : "");
            default -> "– not graded";
        };
        if (m.outcome().grader() != null) {
            outcome += " [" + m.outcome().grader() + "]";
        }
        return head + "\n" + outcome + "\nended: " + (m.endReason() == null ? "?" : m.endReason().wire())
                + " · " + m.userTurns() + " user turns\n" + fmt(m.wordsPerUserTurn(), 1) + " words/turn"
                + " · intent share in turn 1: " + pct(m.intentShareTurn1())
                + "\nguardrail firings: " + m.guardrailFirings()
                + (m.firingsByRule().isEmpty() ? "" : " " + m.firingsByRule());
    }

    static String fmt(double v, int d) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + d + "f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
