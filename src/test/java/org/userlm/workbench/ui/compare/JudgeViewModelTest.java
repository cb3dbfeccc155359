package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

/** Blind pairwise judging without the FX toolkit (properties only, same-thread executors). */
class JudgeViewModelTest {
    @TempDir
    Path dir;

    static CompletedConversation done(int column, String id, String userText) {
        Conversation c = new Conversation(id, null, "t1", "title", "userlm", "u", "a", "intent", "s", "{}",
                EndReason.MAX_TURNS, null, null, 0L, List.of(Turn.typed(0, Role.USER, userText),
                Turn.typed(1, Role.ASSISTANT, "ok")));
        return new CompletedConversation(column, 0, c, ConversationMetrics.of(c, Outcome.notGradeable("x")));
    }

    @Test
    void pairsAreBlindShuffledStoredAndRanked() {
        List<CompletedConversation> pool = List.of(done(0, "c0", "so what's 15% of 240"),
                done(1, "c1", "Hello! I would like to compute fifteen percent of 240."));
        Map<Integer, String> names = Map.of(0, "UserLM-8b", 1, "GPT-4o as user");
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            var repo = new SqliteComparisonRepository(db);
            JudgeViewModel vm = new JudgeViewModel(repo, () -> pool, () -> null, names::get, new CurrentThreadTaskExecutor(),
                    new Random(3));
            Set<String> leftSides = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                assertTrue(vm.next());
                assertFalse(vm.leftText.get().contains("UserLM") || vm.rightText.get().contains("GPT-4o"));
                leftSides.add(vm.leftText.get());
                // the researcher always prefers the lower-case, terse user
                vm.judge(vm.leftText.get().contains("so what's") ? JudgmentWinner.LEFT : JudgmentWinner.RIGHT);
            }
            assertEquals(2, leftSides.size(), "both orders occur");
            List<Judgment> stored = repo.judgments();
            assertEquals(12, stored.size());
            for (Judgment j : stored) {
                String winner = j.winner() == JudgmentWinner.LEFT ? j.leftProfile() : j.rightProfile();
                assertEquals("UserLM-8b", winner);
            }
            assertEquals("UserLM-8b", vm.leaderboard.get(0).name());
            assertEquals(1.0, vm.leaderboard.get(0).winRate().estimate(), 1e-9);

            vm.singleTurns.set(true);
            vm.next();
            assertEquals(Set.of("so what's 15% of 240", "Hello! I would like to compute fifteen percent of 240."),
                    Set.of(vm.leftText.get(), vm.rightText.get()));
            vm.judge(JudgmentWinner.TIE);
            // Judgments made in the same millisecond have no defined order: find the single-turn one by its index.
            List<Judgment> all = repo.judgments();
            assertEquals(13, all.size());
            List<Judgment> singles = all.stream().filter(j -> j.turnIndex() != null).toList();
            assertEquals(1, singles.size(), "only the last judgment is of single turns");
            assertEquals(0, singles.get(0).turnIndex());
            assertEquals(JudgmentWinner.TIE, singles.get(0).winner());
        }
    }

    @Test
    void needsTwoSimulators() {
        JudgeViewModel vm = new JudgeViewModel(null, () -> List.of(done(0, "c0", "x")), () -> null, i -> "n",
                new CurrentThreadTaskExecutor(), new Random(1));
        assertFalse(vm.next());
        assertTrue(vm.prompt.get().contains("two simulators"));
    }
}
