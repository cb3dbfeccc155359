package org.userlm.workbench.reports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.AnswerAttempts;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.RepeatSummary;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.simulation.compare.ComparisonLoader;

/**
 * A self-contained HTML page of a comparison for stakeholders: inline CSS, no scripts, every text HTML-escaped;
 * the columns side by side with their metrics, large type for a projector.
 */
public final class ComparisonHtml {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:18px;margin:24px;color:#1d1d1f}
            h1{font-size:28px;margin:0 0 4px}.sub{color:#555;margin-bottom:16px}
            .cols{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:16px;align-items:start}
            .col{border:1px solid #ccc;border-radius:8px;padding:12px;background:#fafafa}
            .col h2{font-size:20px;margin:0 0 8px}
            table.m{border-collapse:collapse;width:100%;font-size:15px;margin-bottom:12px}
            table.m td{padding:2px 6px;border-bottom:1px solid #e5e5e5}table.m td:first-child{color:#555}
            .turn{border-radius:8px;padding:8px 10px;margin:8px 0;white-space:pre-wrap;word-wrap:break-word}
            .user{background:#e3efff;border-left:4px solid #2f6fd6}.assistant{background:#fff;border-left:4px solid #999}
            .who{font-size:13px;color:#555;display:block;margin-bottom:2px}
            .ok{color:#137333;font-weight:bold}.bad{color:#b3261e;font-weight:bold}
            .notes{font-size:14px;color:#555;margin-top:24px}
            """;

    private ComparisonHtml() {
    }

    /** The page for a loaded comparison (first repetition of each column in full, all repetitions summarised). */
    public static String render(ComparisonLoader.Loaded l) {
        return render(l, List.of());
    }

    /** The page with the blind pairwise judgments of this comparison (wins, losses, ties per simulator). */
    public static String render(ComparisonLoader.Loaded l, List<Judgment> judgments) {
        Comparison c = l.comparison();
        if (c.title() == null || c.title().isBlank()) {
            c = new Comparison(c.id(), c.runId(), c.taskId(), "Comparison on " + c.taskId(), c.assistant(),
                    c.profiles(), c.repeats(), c.maxUserTurns(), c.createdAtMs());
        }
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(c.title())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>").append(esc(c.title())).append("</h1>\n<div class=\"sub\">Task <b>")
                .append(esc(c.taskId())).append("</b> · assistant <b>").append(esc(c.assistant().backend().label()))
                .append("</b> · ").append(c.profiles().size()).append(" user simulators · N = ").append(c.repeats())
                .append(" · ").append(esc(Instant.ofEpochMilli(c.createdAtMs()).toString())).append("</div>\n");
        sb.append("<div class=\"cols\" style=\"--n:").append(c.profiles().size()).append("\">\n");
        for (int col = 0; col < c.profiles().size(); col++) {
            column(sb, col, c.profiles().get(col), l.conversations());
        }
        sb.append("</div>\n");
        judgments(sb, c, judgments);
        sb.append("<div class=\"notes\"><p>Success = the last answer attempt is correct (LiC graders: math "
                + "exact match, code tests in a python3 sandbox). ").append(esc(AnswerAttempts.DEFINITION))
                .append(".</p><p>").append(esc(ConversationMetrics.INTENT_SHARE_DEFINITION))
                .append(". Success-rate intervals: 95% Wilson. First-turn diversity: mean pairwise 1 − Jaccard "
                        + "of word 3-grams over the N first user turns.</p></div>\n</body></html>\n");
        return sb.toString();
    }

    private static void judgments(StringBuilder sb, Comparison c, List<Judgment> all) {
        if (all.isEmpty()) {
            return;
        }
        sb.append("<h2>Blind pairwise judgments (").append(all.size()).append(")</h2>\n<table class=\"m\">"
                + "<tr><td><b>Simulator</b></td><td><b>Won</b></td><td><b>Lost</b></td><td><b>Tied</b></td></tr>\n");
        for (SimulatorSettings p : c.profiles()) {
            int won = 0;
            int lost = 0;
            int tied = 0;
            for (Judgment j : all) {
                boolean left = j.leftProfile().equals(p.name());
                boolean right = j.rightProfile().equals(p.name());
                if (!left && !right) {
                    continue;
                }
                switch (j.winner()) {
                    case TIE -> tied++;
                    case LEFT -> {
                        if (left) {
                            won++;
                        } else {
                            lost++;
                        }
                    }
                    case RIGHT -> {
                        if (right) {
                            won++;
                        } else {
                            lost++;
                        }
                    }
                    default -> { }
                }
            }
            sb.append("<tr><td>").append(esc(p.name())).append("</td><td>").append(won).append("</td><td>")
                    .append(lost).append("</td><td>").append(tied).append("</td></tr>\n");
        }
        sb.append("</table>\n<p class=\"notes\">The judge saw two users side by side with their names hidden, in "
                + "random order, and picked the more human-like one.</p>\n");
    }

    private static void column(StringBuilder sb, int col, SimulatorSettings p, List<CompletedConversation> all) {
        List<CompletedConversation> mine = all.stream().filter(x -> x.column() == col).toList();
        sb.append("<section class=\"col\"><h2>").append(esc(p.name())).append("</h2>\n<table class=\"m\">");
        if (!mine.isEmpty()) {
            ConversationMetrics m = mine.get(0).metrics();
            row(sb, "outcome", m.outcome().mark().equals("✓") ? "<span class=\"ok\">✓ solved</span>"
                    : m.outcome().mark().equals("✗") ? "<span class=\"bad\">✗ not solved</span>" : "– not graded");
            row(sb, "solved at some turn", m.outcome().solvedAtSomeTurn() ? "yes" : "no");
            if (m.outcome().grader() != null) {
                row(sb, "grader", esc(m.outcome().grader()));
            }
            row(sb, "ended by", esc(m.endReason() == null ? "running" : m.endReason().wire()));
            row(sb, "user turns", Integer.toString(m.userTurns()));
            row(sb, "words / user turn", num(m.wordsPerUserTurn(), 1));
            row(sb, "intent share, turn 1", pct(m.intentShareTurn1()));
            row(sb, "guardrail firings", m.guardrailFirings() + (m.firingsByRule().isEmpty() ? ""
                    : " (" + esc(m.firingsByRule().toString()) + ")"));
            if (mine.size() > 1) {
                RepeatSummary s = RepeatSummary.of(mine.stream().map(CompletedConversation::metrics).toList());
                row(sb, "success over N=" + s.runs(), esc(s.success().percent()));
                row(sb, "mean user turns", num(s.meanTurns(), 1));
                row(sb, "first-turn diversity", num(s.firstTurnDiversity(), 2) + " (distinct "
                        + pct(s.distinctFirstTurns()) + ")");
            }
        }
        sb.append("</table>\n");
        if (!mine.isEmpty()) {
            for (Turn t : mine.get(0).conversation().turns()) {
                boolean user = t.role() == Role.USER;
                sb.append("<div class=\"turn ").append(user ? "user" : "assistant").append("\"><span class=\"who\">")
                        .append(user ? "User" : "Assistant").append(" · turn ").append(t.index() + 1)
                        .append(t.guardrailEvents().isEmpty() ? "" : " · " + t.guardrailEvents().size() + " guardrail")
                        .append("</span>").append(esc(t.content())).append("</div>\n");
            }
        } else {
            sb.append("<p>No conversation stored.</p>");
        }
        sb.append("</section>\n");
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>");
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
