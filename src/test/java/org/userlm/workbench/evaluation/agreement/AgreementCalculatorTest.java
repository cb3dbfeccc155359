package org.userlm.workbench.evaluation.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.storage.AnnotationSchemaJson;

class AgreementCalculatorTest {
    private static int seq;

    private static Annotation a(String who, int turn, String question, String value) {
        return new Annotation("id-" + seq++, "userlm-default", who, "c1", turn, question, value, 1L);
    }

    @Test
    void perQuestionFiguresWithKappaForTwoAndPerTagForMultiLabel() {
        List<Annotation> answers = new ArrayList<>();
        String[] alice = {"answer_attempt", "clarification", "hedge", "clarification"};
        String[] bob = {"answer_attempt", "clarification", "clarification", "clarification"};
        for (int i = 0; i < 4; i++) {
            answers.add(a("alice", 2 * i + 1, "turn_category", "\"" + alice[i] + "\""));
            answers.add(a("bob", 2 * i + 1, "turn_category", "\"" + bob[i] + "\""));
        }
        answers.add(a("alice", 0, "user_flags", "[\"role_break\"]"));
        answers.add(a("bob", 0, "user_flags", "[\"role_break\",\"intent_drift\"]"));
        answers.add(a("alice", 2, "user_flags", "[]"));
        answers.add(a("bob", 2, "user_flags", "[]"));
        answers.add(a("alice", 0, "user_note", "\"odd\""));
        answers.add(a("alice", 0, "human_like", "4"));
        answers.add(a("bob", 0, "human_like", "5"));
        answers.add(a("carol", 0, "human_like", "4"));
        answers.add(a("alice", 2, "human_like", "1"));
        answers.add(a("bob", 2, "human_like", "2"));

        Map<String, AgreementResult> r = AgreementCalculator.compute(answers, AnnotationSchemaJson.defaultSchema(), null)
                .stream().collect(Collectors.toMap(AgreementResult::question, Function.identity()));

        // turn_category: alice vs bob on 4 items, 3 agree. p_o = 3/4. alice: aa 1/4, cl 2/4, he 1/4;
        // bob: aa 1/4, cl 3/4. p_e = 1/16 + 6/16 = 7/16. kappa = (12/16 - 7/16) / (9/16) = 5/9.
        AgreementResult cat = r.get("turn_category");
        assertEquals(4, cat.items());
        assertEquals(List.of("alice", "bob"), cat.annotators());
        assertEquals(5.0 / 9.0, cat.cohenKappa(), 1e-12);
        assertNull(cat.alphaOrdinal());

        // One yes/no figure per tag; both tag sets count as items (2 each).
        // role_break: turn 0 yes/yes, turn 2 no/no -> perfect agreement with variation.
        assertEquals(2, r.get("user_flags:role_break").items());
        assertEquals(1.0, r.get("user_flags:role_break").alphaNominal(), 1e-12);
        // intent_drift: turn 0 no/yes, turn 2 no/no. kappa: p_o = 1/2, p_e = 1 * 1/2 -> 0.
        // alpha: n = 4, o_no,yes = o_yes,no = 1, n_no = 3, n_yes = 1 -> 1 - 3 * 2 / (2 * 3 * 1) = 0.
        AgreementResult drift = r.get("user_flags:intent_drift");
        assertEquals(2, drift.items());
        assertEquals(0.0, drift.cohenKappa(), 1e-12);
        assertEquals(0.0, drift.alphaNominal(), 1e-12);
        assertEquals(5, r.keySet().stream().filter(k -> k.startsWith("user_flags:")).count());
        // Free text is never an agreement question.
        assertEquals(false, r.containsKey("user_note"));

        // Rating with three annotators: no kappa, ordinal and interval alpha present.
        AgreementResult hl = r.get("human_like");
        assertEquals(2, hl.items());
        assertEquals(List.of("alice", "bob", "carol"), hl.annotators());
        assertNull(hl.cohenKappa());
        assertEquals(true, hl.alphaOrdinal() != null && hl.alphaInterval() != null);

        assertEquals(List.of("turn_category"), AgreementCalculator.compute(answers,
                AnnotationSchemaJson.defaultSchema(), "turn_category").stream().map(AgreementResult::question).toList());
    }
}
