package org.userlm.workbench.evaluation.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;

/**
 * The per-column numbers of a comparison (PROTOCOL.md section 7, formulas [ours]).
 *
 * @param endReason         why the conversation ended (null while running)
 * @param userTurns         number of user turns that were completed and not empty (failed and empty turns are left
 *                          out of pace: turns and words per turn)
 * @param wordsPerUserTurn  mean whitespace-separated words per user turn (NaN without user turns)
 * @param intentShareTurn1  share of the intent's distinct content words present in user turn 1 (NaN without one)
 * @param intentShareMean   the same share averaged over all user turns
 * @param guardrailFirings  guardrail events on all user turns
 * @param firingsByRule     guardrail events per rule name, sorted by name
 * @param firstUserTurn     the text of user turn 1 ("" without one), for first-turn diversity
 * @param outcome           the assistant's outcome
 */
public record ConversationMetrics(EndReason endReason, int userTurns, double wordsPerUserTurn,
                                  double intentShareTurn1, double intentShareMean, int guardrailFirings,
                                  Map<String, Integer> firingsByRule, String firstUserTurn, Outcome outcome) {

    /** How the intent share is defined, for labels and exports. */
    public static final String INTENT_SHARE_DEFINITION = "intent share = distinct content words of the task text in "
            + "the intent (lower-cased, stop words removed; the intent template's own words left out) that appear in "
            + "the user turn, divided by the task text's content words";

    public ConversationMetrics {
        firingsByRule = Map.copyOf(firingsByRule);
    }

    /**
     * Computes the text metrics of a conversation against its whole intent text. Prefer
     * {@link #of(Conversation, Outcome, String)}: the intent template's words would count as revealed.
     */
    public static ConversationMetrics of(Conversation c, Outcome outcome) {
        return of(c, outcome, c.intent());
    }

    /**
     * Computes the text metrics of a conversation and attaches an outcome (graded elsewhere).
     *
     * @param intentContent what intent share measures against: the task's own text in the intent, without the
     *                      intent template's words (the simulation layer's {@code Intents.taskText})
     */
    public static ConversationMetrics of(Conversation c, Outcome outcome, String intentContent) {
        List<Turn> all = c.turns().stream().filter(t -> t.role() == Role.USER).toList();
        List<Turn> user = all.stream().filter(t -> t.status() == TurnStatus.COMPLETE && !t.content().isBlank())
                .toList();
        double words = user.stream().mapToInt(t -> wordCount(t.content())).average().orElse(Double.NaN);
        String target = intentContent == null ? c.intent() : intentContent;
        double share1 = user.isEmpty() ? Double.NaN : intentShare(target, user.get(0).content());
        double shareMean = user.stream().mapToDouble(t -> intentShare(target, t.content())).average()
                .orElse(Double.NaN);
        Map<String, Integer> byRule = new TreeMap<>();
        int firings = 0;
        for (Turn t : all) {
            for (GuardrailEvent e : t.guardrailEvents()) {
                byRule.merge(e.rule(), 1, Integer::sum);
                firings++;
            }
        }
        return new ConversationMetrics(c.endedBy(), user.size(), words, share1, shareMean, firings, byRule,
                user.isEmpty() ? "" : user.get(0).content(), outcome);
    }

    /** Whitespace-separated words (what the guardrails' "3 to 25 words" counts). */
    public static int wordCount(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Share of the intent's distinct content words present in the turn; NaN when the intent has none. */
    public static double intentShare(String intent, String turn) {
        Set<String> want = StopWords.contentWords(intent);
        if (want.isEmpty()) {
            return Double.NaN;
        }
        Set<String> have = StopWords.contentWords(turn);
        long hit = want.stream().filter(have::contains).count();
        return (double) hit / want.size();
    }
}
