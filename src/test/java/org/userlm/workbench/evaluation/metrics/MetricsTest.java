package org.userlm.workbench.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.evaluation.MathGrader;

/** Hand-computed values for the comparison metrics. */
class MetricsTest {
    static final double EPS = 1e-4;

    static final Task APPLES = new Task("t-math-1", TaskKind.MATH, "test", "apples",
            "Tom has 3 boxes of 4 apples. How many apples does he have?", List.of(), "3*4=12\n#### 12", null);

    static Turn turn(int i, Role r, String text, GuardrailEvent... events) {
        return new Turn(i, r, text, text, TurnStatus.COMPLETE, null, 0L, null, 0L, null, null, null, "m",
                List.of(events), false, null);
    }

    static Conversation conv(String intent, Turn... turns) {
        return new Conversation("c", null, APPLES.id(), "t", "userlm", "u", "a", intent, "sys", "{}",
                EndReason.MAX_TURNS, null, null, 0L, List.of(turns));
    }

    @Test
    void wilsonMatchesTheTextbookValues() {
        Interval half = Wilson.interval(5, 10);
        assertEquals(0.5, half.estimate(), EPS);
        assertEquals(0.2366, half.lower(), EPS);
        assertEquals(0.7634, half.upper(), EPS);
        Interval none = Wilson.interval(0, 10);
        assertEquals(0, none.lower(), EPS);
        assertEquals(0.2775, none.upper(), EPS);
        assertTrue(Double.isNaN(Wilson.interval(0, 0).estimate()));
        assertEquals("50% [24–76]", half.percent());
    }

    @Test
    void firstTurnDiversityIsMeanPairwiseJaccardDistanceOfWord3grams() {
        // {a b c, b c d} vs {a b c, b c e}: Jaccard 1/3, distance 2/3; the third text equals the first.
        List<String> texts = List.of("A b c d", "a b c e", "a b, c d!");
        assertEquals(2.0 / 3, Diversity.meanPairwiseDistance(texts.subList(0, 2)), EPS);
        assertEquals(4.0 / 9, Diversity.meanPairwiseDistance(texts), EPS);
        assertEquals(1.0, Diversity.distinctShare(List.of("x y", "X  y ", "z")) * 3 / 2, EPS);
        assertTrue(Double.isNaN(Diversity.meanPairwiseDistance(List.of("one"))));
    }

    @Test
    void intentShareCountsTheIntentsContentWordsPresentInTheTurn() {
        String intent = "You are a user who wants to count the apples in three boxes";
        // content words of the intent: count, apples, three, boxes
        assertEquals(List.of("count", "apples", "three", "boxes"), List.copyOf(StopWords.contentWords(intent)));
        assertEquals(0.25, ConversationMetrics.intentShare(intent, "how many apples?"), EPS);
        assertEquals(0.75, ConversationMetrics.intentShare(intent, "Count the APPLES in 3 boxes"), EPS);
        assertTrue(Double.isNaN(ConversationMetrics.intentShare("you are the", "anything")));
    }

    @Test
    void conversationMetricsCountTurnsWordsAndGuardrailFirings() {
        GuardrailEvent len = new GuardrailEvent("length", "hi", "regenerated", "", 1);
        GuardrailEvent first = new GuardrailEvent("filter_first_tokens", "I want", "regenerated", "", 2);
        Conversation c = conv("You are a user who wants to count the apples in three boxes",
                turn(0, Role.USER, "how many apples", len, first, len),
                turn(1, Role.ASSISTANT, "How many boxes?"),
                turn(2, Role.USER, "he has 3 boxes with 4 each"),
                turn(3, Role.ASSISTANT, "12"));
        ConversationMetrics m = ConversationMetrics.of(c, Outcome.notGradeable("x"));
        assertEquals(2, m.userTurns());
        assertEquals(5.0, m.wordsPerUserTurn(), EPS); // (3 + 7) / 2
        assertEquals(0.25, m.intentShareTurn1(), EPS); // apples
        assertEquals((0.25 + 0.25) / 2, m.intentShareMean(), EPS); // boxes
        assertEquals(3, m.guardrailFirings());
        assertEquals(Map.of("length", 2, "filter_first_tokens", 1), m.firingsByRule());
        assertEquals("how many apples", m.firstUserTurn());
    }

    @Test
    void answerAttemptHeuristic() {
        assertFalse(AnswerAttempts.isAttempt(TaskKind.MATH, "Could you tell me how many boxes?"));
        assertFalse(AnswerAttempts.isAttempt(TaskKind.MATH, "So 3 boxes.\nHow many apples per box?"));
        assertTrue(AnswerAttempts.isAttempt(TaskKind.MATH, "Tom has 12 apples."));
        assertTrue(AnswerAttempts.isAttempt(TaskKind.CODE, "```python\ndef f(x):\n    return x\n```"));
        assertFalse(AnswerAttempts.isAttempt(TaskKind.CODE, "What should the function return?"));
    }

    @Test
    void successMeansTheLastAttemptIsCorrectAndSolvedAtSomeTurnIsReportedBeside() {
        Conversation lastRight = conv("i", turn(0, Role.USER, "apples?"), turn(1, Role.ASSISTANT, "How many boxes?"),
                turn(2, Role.USER, "3 of 4"), turn(3, Role.ASSISTANT, "So 10 apples."),
                turn(4, Role.USER, "no"), turn(5, Role.ASSISTANT, "Sorry: 12 apples."));
        Outcome o = Outcomes.grade(APPLES, lastRight, new MathGrader());
        assertTrue(o.success());
        assertTrue(o.solvedAtSomeTurn());
        assertEquals(5, o.firstSolvedTurn());
        assertEquals(2, o.attempts());
        assertEquals("✓", o.mark());

        Conversation rightThenWrong = conv("i", turn(0, Role.USER, "apples?"), turn(1, Role.ASSISTANT, "12 apples."),
                turn(2, Role.USER, "sure?"), turn(3, Role.ASSISTANT, "Actually 7."));
        Outcome o2 = Outcomes.grade(APPLES, rightThenWrong, new MathGrader());
        assertFalse(o2.success());
        assertTrue(o2.solvedAtSomeTurn());
        assertEquals(1, o2.firstSolvedTurn());

        Outcome none = Outcomes.grade(APPLES, conv("i", turn(0, Role.USER, "hi there friend"),
                turn(1, Role.ASSISTANT, "What do you need?")), new MathGrader());
        assertFalse(none.success());
        assertNull(none.firstSolvedTurn());
        assertEquals(0, none.attempts());
    }

    @Test
    void bradleyTerryMmMatchesTheClosedFormForTwoPlayers() {
        // A beat B 3 times and lost once. With the +1 tie prior: 3.5 vs 1.5 wins over 5 games, so
        // p_A / p_B = 3.5 / 1.5 and, normalised to sum 2, p_A = 1.4, p_B = 0.6.
        List<PairwiseResult> r = List.of(new PairwiseResult("A", "B", 1), new PairwiseResult("B", "A", -1),
                new PairwiseResult("A", "B", 1), new PairwiseResult("A", "B", -1));
        List<BradleyTerry.Row> rows = BradleyTerry.leaderboard(r);
        assertEquals("A", rows.get(0).name());
        assertEquals(1.4, rows.get(0).strength(), 1e-6);
        assertEquals(0.6, rows.get(1).strength(), 1e-6);
        assertEquals(4, rows.get(0).games());
        assertEquals(0.75, rows.get(0).winRate().estimate(), EPS);
        assertEquals(Wilson.interval(3, 4), rows.get(0).winRate());
    }

    @Test
    void tiesCountHalfAndAChainIsOrdered() {
        List<PairwiseResult> r = List.of(new PairwiseResult("A", "B", 1), new PairwiseResult("B", "C", 1),
                new PairwiseResult("A", "C", 1), new PairwiseResult("A", "B", 0));
        List<BradleyTerry.Row> rows = BradleyTerry.leaderboard(r);
        assertEquals(List.of("A", "B", "C"), rows.stream().map(BradleyTerry.Row::name).toList());
        assertEquals(2.5, rows.get(0).wins(), EPS);
        assertEquals(3.0, rows.stream().mapToDouble(BradleyTerry.Row::strength).sum(), 1e-6);
    }

    @Test
    void repeatSummaryAggregatesSuccessTurnsAndDiversity() {
        Outcome ok = new Outcome(true, true, true, 1, 1, "");
        Outcome bad = new Outcome(true, false, false, null, 1, "");
        List<ConversationMetrics> ms = List.of(
                new ConversationMetrics(EndReason.USER_ENDED, 2, 4, 0.1, 0.1, 0, Map.of(), "a b c d", ok),
                new ConversationMetrics(EndReason.MAX_TURNS, 4, 4, 0.1, 0.1, 0, Map.of(), "a b c e", bad),
                new ConversationMetrics(EndReason.MAX_TURNS, 3, 4, 0.1, 0.1, 0, Map.of(), "a b c d", ok));
        RepeatSummary s = RepeatSummary.of(ms);
        assertEquals(3, s.runs());
        assertEquals(Wilson.interval(2, 3), s.success());
        assertEquals(3.0, s.meanTurns(), EPS);
        assertEquals(1.0, s.sdTurns(), EPS);
        assertEquals(4.0 / 9, s.firstTurnDiversity(), EPS);
        assertEquals(2.0 / 3, s.distinctFirstTurns(), EPS);
        assertEquals(1.0 / 3, s.userEndedShare(), EPS);
    }
}
