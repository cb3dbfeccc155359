package org.userlm.workbench.inference.djl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.userlm.workbench.inference.Constraints;

/**
 * Logits processors for the guardrails of PROTOCOL.md section 3, applied before sampling:
 * <ul>
 *   <li>banned first words: while the text so far is whitespace only, every token whose text (leading whitespace
 *   stripped) is a banned word, or starts with it followed by a non-letter, is masked ("It" stays allowed when
 *   "I" is banned; "I", " I", "I'm" are masked);</li>
 *   <li>banned strings: the id a banned string encodes to, every token whose text contains it, and every token
 *   that would complete it after the text so far (so a literal {@code <|endconversation|>} cannot be spelled
 *   out piece by piece).</li>
 * </ul>
 * Built per request on the worker thread; the vocabulary is scanned once per banned-string remainder, not per token.
 */
final class ConstraintMasks {
    private final int[] firstWordBans;
    private final int[] alwaysBans;
    private final List<String> bannedStrings;
    private final String[] texts;
    /** Ids whose text starts with a given remainder of a banned string: one vocabulary scan per remainder. */
    private final Map<String, int[]> startingWith = new HashMap<>();

    ConstraintMasks(Constraints c, LlamaTokenizer tok, int vocab) {
        this.bannedStrings = c.bannedStrings().stream().filter(s -> !s.isEmpty()).toList();
        if (c.isEmpty()) {
            texts = null;
            firstWordBans = new int[0];
            alwaysBans = new int[0];
            return;
        }
        texts = tok.tokenTexts();
        Set<Integer> first = new TreeSet<>();
        Set<Integer> always = new TreeSet<>();
        for (int id = 0; id < Math.min(vocab, texts.length); id++) {
            String t = texts[id];
            for (String w : c.bannedFirstWords()) {
                if (startsWithWord(t, w)) {
                    first.add(id);
                }
            }
            for (String b : bannedStrings) {
                if (t.contains(b)) {
                    always.add(id);
                }
            }
        }
        for (String b : bannedStrings) {
            int id = tok.singleId(b);
            if (id >= 0 && id < vocab) {
                always.add(id);
            }
        }
        firstWordBans = first.stream().mapToInt(Integer::intValue).toArray();
        alwaysBans = always.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * True when a token's text, leading whitespace stripped, is {@code word} or starts with it followed by a
     * non-letter: "I", " I", "I'm" start with the word "I"; "It" does not.
     */
    static boolean startsWithWord(String tokenText, String word) {
        String s = tokenText.stripLeading();
        return !word.isEmpty() && s.startsWith(word)
                && (s.length() == word.length() || !Character.isLetter(s.charAt(word.length())));
    }

    /** Masks the logits in place given the text generated so far. */
    void apply(float[] logits, String textSoFar) {
        for (int id : alwaysBans) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
        if (firstWordBans.length > 0 && textSoFar.isBlank()) {
            for (int id : firstWordBans) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
        if (texts != null && !bannedStrings.isEmpty() && !textSoFar.isEmpty()) {
            for (int id : completions(textSoFar)) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    private int[] idsStartingWith(String rest) {
        return IntStream.range(0, texts.length).filter(id -> texts[id].startsWith(rest)).toArray();
    }

    /** Ids whose text would complete a banned string that the text so far has begun. */
    private List<Integer> completions(String text) {
        List<Integer> out = new ArrayList<>();
        for (String b : bannedStrings) {
            for (int k = Math.min(b.length() - 1, text.length()); k >= 1; k--) {
                if (text.endsWith(b.substring(0, k))) {
                    for (int id : startingWith.computeIfAbsent(b.substring(k), this::idsStartingWith)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }
}
