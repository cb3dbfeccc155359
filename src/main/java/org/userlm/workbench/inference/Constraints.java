package org.userlm.workbench.inference;

import java.util.List;

/**
 * Bans that a backend should apply while sampling, when it can (logits processors in-process,
 * {@code logit_bias}/{@code bad_words} on servers). Callers always re-check the result: a backend may ignore them.
 *
 * @param bannedFirstWords     words the completion may not start with (e.g. {@code I, You, Here})
 * @param bannedStrings        strings that may not be generated at all (e.g. {@code <|endconversation|>})
 */
public record Constraints(List<String> bannedFirstWords, List<String> bannedStrings) {
    /** No bans. */
    public static final Constraints NONE = new Constraints(List.of(), List.of());

    public Constraints {
        bannedFirstWords = List.copyOf(bannedFirstWords == null ? List.of() : bannedFirstWords);
        bannedStrings = List.copyOf(bannedStrings == null ? List.of() : bannedStrings);
    }

    public boolean isEmpty() {
        return bannedFirstWords.isEmpty() && bannedStrings.isEmpty();
    }
}
