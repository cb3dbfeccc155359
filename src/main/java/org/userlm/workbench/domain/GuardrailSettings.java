package org.userlm.workbench.domain;

import java.util.List;

/**
 * The four UserLM guardrails of PROTOCOL.md section 3, each switchable with its parameters.
 *
 * @param filterFirstTokens       rule 1 on/off
 * @param bannedFirstTokens       words a user turn may not start with (default {@code I, You, Here})
 * @param avoidTermination        rule 2 on/off
 * @param terminationMode         when the end marker is banned
 * @param minUserTurnsBeforeEnd   with {@link TerminationMode#UNTIL_MIN_TURNS}: banned until this many user turns exist
 * @param lengthThreshold         rule 3 on/off
 * @param minWords                minimum words per user turn
 * @param maxWords                maximum words per user turn
 * @param verbatimRepetition      rule 4 on/off
 * @param intentNgram             n of the word n-gram shared with the intent that counts as a copy (default 8); 0 selects
 *                                the paper's reported rule instead: a turn equal, character for character, to an earlier
 *                                user turn, or found word for word inside the intent
 * @param maxRetries              regenerations before keeping the last candidate (default 5)
 * @param maxNewTokens            token cap of a user turn (default 256)
 * @param useServerBans           send {@code logit_bias}/{@code bad_words} where the server supports them
 */
public record GuardrailSettings(boolean filterFirstTokens, List<String> bannedFirstTokens,
                                boolean avoidTermination, TerminationMode terminationMode, int minUserTurnsBeforeEnd,
                                boolean lengthThreshold, int minWords, int maxWords,
                                boolean verbatimRepetition, int intentNgram,
                                int maxRetries, int maxNewTokens, boolean useServerBans) {

    /** When {@code <|endconversation|>} is banned. */
    public enum TerminationMode {
        /** Banned on the first user turn only (the model card's example). */
        FIRST_TURN,
        /** Banned until {@code minUserTurnsBeforeEnd} user turns exist (this project's default). */
        UNTIL_MIN_TURNS,
        /** Banned for the whole run (the paper's math/code setting). */
        ALWAYS
    }

    public GuardrailSettings {
        bannedFirstTokens = List.copyOf(bannedFirstTokens == null ? List.of() : bannedFirstTokens);
        if (terminationMode == null) {
            terminationMode = TerminationMode.UNTIL_MIN_TURNS;
        }
    }

    /** The project default [ours]: ban I/You/Here, end banned until 2 user turns, 3-25 words, stricter verbatim. */
    public static GuardrailSettings defaults() {
        return new GuardrailSettings(true, List.of("I", "You", "Here"), true, TerminationMode.UNTIL_MIN_TURNS, 2,
                true, 3, 25, true, 8, 5, 256, true);
    }

    /**
     * The "Paper" preset: ban I/You/Here, end token always banned, 3-25 words, and the reported verbatim rule (an
     * exact repeat of an earlier user turn or of the intent's words; {@code intentNgram} 0).
     */
    public static GuardrailSettings paper() {
        return new GuardrailSettings(true, List.of("I", "You", "Here"), true, TerminationMode.ALWAYS, 2,
                true, 3, 25, true, 0, 5, 256, true);
    }

    /** Whether the verbatim rule is the paper's reported one (exact repeats) rather than ours (n-grams). */
    public boolean reportedVerbatimRule() {
        return intentNgram <= 0;
    }

    /** A copy with another n-gram size of the verbatim rule (0: the paper's reported rule). */
    public GuardrailSettings withIntentNgram(int n) {
        return new GuardrailSettings(filterFirstTokens, bannedFirstTokens, avoidTermination, terminationMode,
                minUserTurnsBeforeEnd, lengthThreshold, minWords, maxWords, verbatimRepetition, n, maxRetries,
                maxNewTokens, useServerBans);
    }

    /** A copy with another minimum number of user turns before an end (mode {@code UNTIL_MIN_TURNS}). */
    public GuardrailSettings withMinUserTurnsBeforeEnd(int n) {
        return new GuardrailSettings(filterFirstTokens, bannedFirstTokens, avoidTermination, terminationMode, n,
                lengthThreshold, minWords, maxWords, verbatimRepetition, intentNgram, maxRetries, maxNewTokens,
                useServerBans);
    }

    /** A copy with another token cap per user turn. */
    public GuardrailSettings withMaxNewTokens(int n) {
        return new GuardrailSettings(filterFirstTokens, bannedFirstTokens, avoidTermination, terminationMode,
                minUserTurnsBeforeEnd, lengthThreshold, minWords, maxWords, verbatimRepetition, intentNgram,
                maxRetries, n, useServerBans);
    }

    /** "Off", for ablations. The first turn still never ends the conversation (PROTOCOL.md). */
    public static GuardrailSettings off() {
        return new GuardrailSettings(false, List.of("I", "You", "Here"), false, TerminationMode.FIRST_TURN, 2,
                false, 3, 25, false, 8, 5, 256, false);
    }

    /** A copy with another retry budget. */
    public GuardrailSettings withMaxRetries(int retries) {
        return new GuardrailSettings(filterFirstTokens, bannedFirstTokens, avoidTermination, terminationMode,
                minUserTurnsBeforeEnd, lengthThreshold, minWords, maxWords, verbatimRepetition, intentNgram, retries,
                maxNewTokens, useServerBans);
    }

    /** Whether the end marker is banned when {@code existingUserTurns} user turns already exist. */
    public boolean endBanned(int existingUserTurns) {
        if (existingUserTurns == 0) {
            return true;
        }
        if (!avoidTermination) {
            return false;
        }
        return switch (terminationMode) {
            case FIRST_TURN -> false;
            case UNTIL_MIN_TURNS -> existingUserTurns < minUserTurnsBeforeEnd;
            case ALWAYS -> true;
        };
    }
}
