package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.GuardrailSettings;

class GuardrailsTest {
    private static final String INTENT = "You are a user who wants to implement a sequence where each number is "
            + "the sum of the two previous ones plus 1; the first two numbers are 1 and 1.";
    private final GuardrailSettings def = GuardrailSettings.defaults();

    private Optional<String> rule(GuardrailSettings s, String content, boolean ended, List<String> earlier) {
        return Guardrails.check(s, content, ended, earlier, INTENT).map(Guardrails.Violation::rule);
    }

    @Test
    void firstTokensAreBannedAsWordsNotPrefixes() {
        assertEquals(Optional.of(Guardrails.FIRST_TOKENS), rule(def, "I need a fibonacci variant", false, List.of()));
        assertEquals(Optional.of(Guardrails.FIRST_TOKENS), rule(def, "I'm stuck on a sequence thing", false, List.of()));
        assertEquals(Optional.of(Guardrails.FIRST_TOKENS), rule(def, "Here is my sequence problem", false, List.of()));
        assertEquals(Optional.of(Guardrails.FIRST_TOKENS), rule(def, "You should write code for me", false, List.of()));
        assertEquals(Optional.empty(), rule(def, "It is a sequence question ok", false, List.of()));
        assertEquals(Optional.empty(), rule(def, "i need a sequence thing", false, List.of()),
                "lower-case i is not in the default list");
        assertEquals(Optional.empty(), rule(def, "Youth sports schedule help please", false, List.of()));
    }

    @Test
    void endIsBannedOnFirstTurnAlwaysAndUntilMinTurnsByDefault() {
        assertEquals(Optional.of(Guardrails.TERMINATION), rule(GuardrailSettings.off(), "thanks", true, List.of()));
        assertEquals(Optional.of(Guardrails.TERMINATION), rule(def, "thanks", true, List.of("write a sequence fn")));
        assertEquals(Optional.empty(), rule(def, "thanks", true, List.of("a b c", "d e f")));
        assertEquals(Optional.of(Guardrails.TERMINATION),
                rule(GuardrailSettings.paper(), "thanks", true, List.of("a b c", "d e f", "g h i")));
        assertEquals(Optional.empty(), rule(def, "", true, List.of("a b c", "d e f")), "empty final message is fine");
    }

    @Test
    void lengthThresholds() {
        assertEquals(Optional.of(Guardrails.LENGTH), rule(def, "sequence help", false, List.of()));
        assertEquals(Optional.empty(), rule(def, "sequence help please", false, List.of()));
        String words26 = "word ".repeat(26).strip();
        assertEquals(Optional.of(Guardrails.LENGTH), rule(def, words26, false, List.of()));
        assertEquals(Optional.empty(), rule(def, "word ".repeat(25).strip(), false, List.of()));
        assertEquals(Optional.empty(), rule(GuardrailSettings.off(), "hm", false, List.of()));
    }

    @Test
    void verbatimRepetitionOfEarlierTurnOrIntent() {
        assertEquals(Optional.of(Guardrails.VERBATIM),
                rule(def, "Can you  HELP with a sequence", false, List.of("can you help with a sequence")));
        assertEquals(Optional.of(Guardrails.VERBATIM),
                rule(def, "so each number is the sum of the two previous ones plus one ok", false, List.of()),
                "shares 8 words with the intent");
        assertEquals(Optional.empty(),
                rule(def, "each number is the sum of the previous two, plus one", false, List.of()));
    }

    @Test
    void emptyTurnIsAlwaysRedrawn() {
        assertEquals(Optional.of(Guardrails.EMPTY), rule(GuardrailSettings.off(), "  ", false, List.of()));
    }

    @Test
    void wordHelpers() {
        assertEquals(3, Words.count("  a  b\nc "));
        assertEquals(0, Words.count("   "));
        assertEquals("a b", Words.normalise(" A \n B "));
        assertNull(Words.startsWithWord("Italy", List.of("I")));
        assertEquals("I", Words.startsWithWord("\nI think", List.of("You", "I")));
        assertTrue(Words.ngrams(Words.tokens("a b c d"), 3).contains("b c d"));
        assertFalse(Words.ngrams(Words.tokens("a b"), 3).iterator().hasNext());
    }

    @Test
    void markerFilterHidesMarkerAndTailAndLeadingNewline() {
        List<String> shown = new ArrayList<>();
        int[] stops = {0};
        MarkerFilter f = new MarkerFilter(shown::add, () -> stops[0]++);
        for (String piece : List.of("\n", "tha", "nks <|end", "conver", "sation|> junk", " more")) {
            f.onText(piece);
        }
        assertEquals("thanks ", String.join("", shown));
        assertEquals(1, stops[0]);
        assertTrue(f.markerSeen());
    }

    @Test
    void markerFilterReleasesHeldTextThatIsNotTheMarker() {
        StringBuilder shown = new StringBuilder();
        MarkerFilter f = new MarkerFilter(shown::append, () -> { });
        f.onText("a <|");
        assertEquals("a ", shown.toString());
        f.onText("eot-ish text");
        assertEquals("a <|eot-ish text", shown.toString());
    }
}
