package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.evaluation.judge.JudgePrompts;
import org.userlm.workbench.testing.RecordedRequest;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.testing.ScriptedOpenAiServer;

/** Every assistant turn is labelled (judge or heuristic) and the label is stored with the judge and prompt version. */
class TurnLabelsCliTest {
    @TempDir
    Path dir;

    List<TurnLabel> simulate(ScriptedOpenAiServer judge) throws Exception {
        return simulate(judge, false);
    }

    Cli.Result last;

    List<TurnLabel> simulate(ScriptedOpenAiServer judge, boolean stopWhenSolved) throws Exception {
        try (ScriptedOpenAiServer user = ScriptedOpenAiServer.start();
             ScriptedOpenAiServer asst = ScriptedOpenAiServer.start()) {
            user.respondWith(r -> Reply.text("how many apples does tom have in total"));
            int[] n = {0};
            asst.respondWith(r -> Reply.text(n[0]++ == 0 ? "How many boxes are there?"
                    : "Tom has 12 apples (3 boxes of 4)."));
            Path db = dir.resolve(judge == null ? "h.db" : "j.db");
            List<String> args = new java.util.ArrayList<>(List.of("simulate", "--tasks",
                    Cli.tasksFile(dir).toString(), "--task-id", "t-math-1", "--user-url", user.baseUrl(),
                    "--user-model", "u", "--assistant-url", asst.baseUrl(), "--assistant-model", "a",
                    "--max-turns", stopWhenSolved ? "5" : "2", "--db", db.toString()));
            if (judge != null) {
                args.addAll(List.of("--judge-url", judge.baseUrl(), "--judge-model", "judge-m"));
            }
            if (stopWhenSolved) {
                args.add("--stop-when-solved");
            }
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            last = r;
            assertEquals(0, r.exit(), r.err());
            try (AppContext ctx = AppContext.open(db)) {
                Conversation c = ctx.conversations().list().stream().findFirst()
                        .flatMap(s -> ctx.conversations().find(s.id())).orElseThrow();
                return ctx.turnLabels().list(c.id());
            }
        }
    }

    @Test
    void theJudgeClassifiesAndExtracts() throws Exception {
        try (ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            judge.respondWith(r -> {
                String p = r.lastMessage();
                if (p.contains("\"response_type\"")) {
                    return Reply.text(p.contains("[assistant] Tom has 12") ? "{\"response_type\": \"answer_attempt\"}"
                            : "{\"response_type\": \"clarification\"}");
                }
                return Reply.text("{\"answer\": \"12\"}");
            });
            List<TurnLabel> labels = simulate(judge);
            assertEquals(2, labels.size());
            TurnLabel q = labels.get(0);
            assertEquals(1, q.turnIndex());
            assertEquals(TurnCategory.CLARIFICATION, q.category());
            assertEquals(TurnLabel.Source.JUDGE, q.source());
            assertEquals("judge-m", q.judgeModel());
            assertEquals(JudgePrompts.VERSION, q.promptVersion());
            assertNull(q.correct());
            TurnLabel a = labels.get(1);
            assertEquals(TurnCategory.ANSWER_ATTEMPT, a.category());
            assertEquals("12", a.extracted());
            assertEquals(Boolean.TRUE, a.correct(), a.detail());
            assertEquals("lic", a.grader());
            assertEquals(3, judge.requests().stream().filter(RecordedRequest::isChat).count(),
                    "two classifications and one extraction");
            org.userlm.workbench.evaluation.metrics.Outcome o = org.userlm.workbench.evaluation.metrics.Outcomes
                    .fromLabels(new org.userlm.workbench.domain.Task("t", org.userlm.workbench.domain.TaskKind.MATH,
                            "t", "t", "q", List.of(), "#### 12", null), labels);
            assertTrue(o.success());
            assertEquals("lic", o.grader(), "the outcome says which mode graded it");
        }
    }

    @Test
    void withAJudgeStopWhenSolvedExtractsFirstAsLicDoes() throws Exception {
        try (ScriptedOpenAiServer judge = ScriptedOpenAiServer.start()) {
            judge.respondWith(r -> {
                String p = r.lastMessage();
                if (p.contains("\"response_type\"")) {
                    return Reply.text(p.contains("[assistant] Tom has 12") ? "{\"response_type\": \"answer_attempt\"}"
                            : "{\"response_type\": \"clarification\"}");
                }
                return Reply.text("{\"answer\": \"12\"}");
            });
            simulate(judge, true);
            assertTrue(last.out().contains("ended_by=solved turns=4"), last.out());
        }
        // Without the judge the whole reply is graded: its last number is 4, so it never counts as solved.
        simulate(null, true);
        assertTrue(last.out().contains("ended_by=max_turns"), last.out());
    }

    @Test
    void withoutAJudgeTheHeuristicLabelsAndSaysSo() throws Exception {
        List<TurnLabel> labels = simulate(null);
        assertEquals(2, labels.size());
        assertEquals(TurnCategory.DISCUSSION, labels.get(0).category(), "no number: not an attempt");
        assertEquals(TurnLabel.Source.HEURISTIC, labels.get(1).source());
        assertEquals(TurnCategory.ANSWER_ATTEMPT, labels.get(1).category());
        // The heuristic grades the whole turn: LiC's rule takes the last number, 4.
        assertEquals(Boolean.FALSE, labels.get(1).correct());
        assertTrue(labels.get(1).chip().contains("heuristic"));
    }
}
