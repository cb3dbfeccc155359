package org.userlm.workbench.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.userlm.workbench.domain.GuardrailSettings;

/**
 * The four UserLM guardrails of PROTOCOL.md section 3 as checks on a finished candidate. Rule names are stable
 * (stored and exported): {@code filter_first_tokens}, {@code avoid_termination}, {@code length},
 * {@code verbatim_repetition}.
 */
public final class Guardrails {
    public static final String FIRST_TOKENS = "filter_first_tokens";
    public static final String TERMINATION = "avoid_termination";
    public static final String LENGTH = "length";
    public static final String VERBATIM = "verbatim_repetition";
    /** Not one of the paper's four: an empty turn that does not end the conversation is always redrawn. */
    public static final String EMPTY = "empty_turn";

    private Guardrails() {
    }

    /** A broken rule with a short explanation. */
    public record Violation(String rule, String detail) {
    }

    /**
     * Checks one candidate user turn.
     *
     * @param s                 settings
     * @param content           the candidate, stripped, end marker and what follows removed
     * @param ended             whether the candidate carried the end marker
     * @param earlierUserTurns  the user's previous turns in this conversation
     * @param intent            the intent text
     * @return the first rule broken, if any
     */
    public static Optional<Violation> check(GuardrailSettings s, String content, boolean ended,
                                            List<String> earlierUserTurns, String intent) {
        int existing = earlierUserTurns.size();
        if (ended && s.endBanned(existing)) {
            return Optional.of(new Violation(TERMINATION, existing == 0
                    ? "the first user turn may not end the conversation"
                    : "ending is banned until " + s.minUserTurnsBeforeEnd() + " user turns exist ("
                      + s.terminationMode().name().toLowerCase(Locale.ROOT) + ")"));
        }
        if (!ended && content.isBlank()) {
            return Optional.of(new Violation(EMPTY, "the turn is empty"));
        }
        if (s.filterFirstTokens()) {
            String w = Words.startsWithWord(content, s.bannedFirstTokens());
            if (w != null) {
                return Optional.of(new Violation(FIRST_TOKENS, "starts with \"" + w + "\""));
            }
        }
        if (s.lengthThreshold()) {
            int n = Words.count(content);
            // A closing message ("thanks!") may be short; the maximum still applies.
            if (!ended && n < s.minWords()) {
                return Optional.of(new Violation(LENGTH, n + " words, minimum " + s.minWords()));
            }
            if (n > s.maxWords()) {
                return Optional.of(new Violation(LENGTH, n + " words, maximum " + s.maxWords()));
            }
        }
        if (s.verbatimRepetition() && !content.isBlank() && s.reportedVerbatimRule()) {
            for (String earlier : earlierUserTurns) {
                if (earlier.strip().equals(content.strip())) {
                    return Optional.of(new Violation(VERBATIM, "repeats an earlier user turn verbatim"));
                }
            }
            if (intent != null && intent.contains(content.strip())) {
                return Optional.of(new Violation(VERBATIM, "copies the intent verbatim"));
            }
            return Optional.empty();
        }
        if (s.verbatimRepetition() && !content.isBlank()) {
            String norm = Words.normalise(content);
            for (String earlier : earlierUserTurns) {
                if (Words.normalise(earlier).equals(norm)) {
                    return Optional.of(new Violation(VERBATIM, "repeats an earlier user turn"));
                }
            }
            String shared = Words.sharedNgram(content, intent, s.intentNgram());
            if (shared != null) {
                return Optional.of(new Violation(VERBATIM, "copies the intent: \"" + shared + "\""));
            }
        }
        return Optional.empty();
    }
}
