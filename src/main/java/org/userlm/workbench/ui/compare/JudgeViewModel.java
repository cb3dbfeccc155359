package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.domain.JudgmentWinner;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.BradleyTerry;
import org.userlm.workbench.evaluation.metrics.PairwiseResult;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.TaskExecutor;

/**
 * Blind pairwise judging: two conversations (or two user turns of the same number) from different simulators, names
 * hidden, sides shuffled; the researcher picks the more human-like user. Judgments are stored; the leaderboard
 * covers every judgment on the same task.
 */
public final class JudgeViewModel {
    final StringProperty leftText = new SimpleStringProperty("");
    final StringProperty rightText = new SimpleStringProperty("");
    final StringProperty prompt = new SimpleStringProperty("Run or open a comparison, then press Next pair.");
    final StringProperty judge = new SimpleStringProperty(System.getProperty("user.name", "researcher"));
    final BooleanProperty singleTurns = new SimpleBooleanProperty(false);
    final ObservableList<BradleyTerry.Row> leaderboard = FXCollections.observableArrayList();

    private final ComparisonRepository comparisons;
    private final Supplier<List<CompletedConversation>> pool;
    private final Supplier<String> comparisonId;
    private final IntFunction<String> columnName;
    private final TaskExecutor executor;
    private final Random random;
    private CompletedConversation left;
    private CompletedConversation right;
    private Integer turn;

    /**
     * @param pool         finished conversations to draw from
     * @param comparisonId the comparison they belong to (stored with each judgment), or null
     * @param columnName   the simulator profile name of a column (stored, never shown while judging)
     */
    public JudgeViewModel(ComparisonRepository comparisons, Supplier<List<CompletedConversation>> pool,
                          Supplier<String> comparisonId, IntFunction<String> columnName, TaskExecutor executor,
                          Random random) {
        this.comparisons = comparisons;
        this.pool = pool;
        this.comparisonId = comparisonId;
        this.columnName = columnName;
        this.executor = executor;
        this.random = random;
    }

    /** Draws the next blind pair; false when fewer than two simulators have finished conversations. */
    public boolean next() {
        List<CompletedConversation> all = pool.get();
        List<Integer> cols = all.stream().map(CompletedConversation::column).distinct().toList();
        if (cols.size() < 2) {
            prompt.set("Judging needs finished conversations from at least two simulators.");
            return false;
        }
        List<Integer> shuffled = new ArrayList<>(cols);
        Collections.shuffle(shuffled, random);
        left = pick(all, shuffled.get(0));
        right = pick(all, shuffled.get(1));
        turn = null;
        if (singleTurns.get()) {
            int n = (int) Math.min(left.metrics().userTurns(), right.metrics().userTurns());
            turn = n == 0 ? null : random.nextInt(n);
        }
        String task = left.conversation().taskId();
        refreshLeaderboard(task);
        leftText.set(render(left, turn));
        rightText.set(render(right, turn));
        prompt.set(turn == null ? "Which USER is more human-like? 1 = left, 2 = right, 0 or T = tie."
                : "User turn " + (turn + 1) + ": which is more human-like? 1 = left, 2 = right, 0 or T = tie.");
        return true;
    }

    private CompletedConversation pick(List<CompletedConversation> all, int column) {
        List<CompletedConversation> mine = all.stream().filter(c -> c.column() == column).toList();
        return mine.get(random.nextInt(mine.size()));
    }

    static String render(CompletedConversation c, Integer userTurn) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (Turn t : c.conversation().turns()) {
            if (userTurn != null) {
                if (t.role() == Role.USER && k++ == userTurn) {
                    sb.append(t.content());
                }
                continue;
            }
            sb.append(t.role() == Role.USER ? "USER: " : "ASSISTANT: ").append(t.content()).append("\n\n");
        }
        return sb.toString().strip();
    }

    /** Stores the verdict for the shown pair and draws the next one. */
    public void judge(JudgmentWinner winner) {
        if (left == null || right == null) {
            return;
        }
        Judgment j = new Judgment(UUID.randomUUID().toString(), comparisonId.get(),
                left.conversation().taskId(), left.conversation().id(), right.conversation().id(),
                columnName.apply(left.column()), columnName.apply(right.column()), turn, winner, judge.get(), System.currentTimeMillis());
        left = null;
        right = null;
        BackgroundTask.wrap(() -> {
            comparisons.saveJudgment(j);
            return leaderboardRows(j.taskId());
        }).onSuccess(leaderboard::setAll).onFailure(e -> prompt.set("Judgment NOT saved: " + e.getMessage()))
                .describedAs("saving a judgment").executeWith(executor);
        next();
    }

    /** Recomputes the leaderboard from every stored judgment on the task, in the background. */
    void refreshLeaderboard(String taskId) {
        BackgroundTask.wrap(() -> leaderboardRows(taskId)).onSuccess(leaderboard::setAll)
                .describedAs("computing the leaderboard").executeWith(executor);
    }

    private List<BradleyTerry.Row> leaderboardRows(String taskId) {
        List<PairwiseResult> results = comparisons.judgments().stream()
                .filter(j -> taskId == null || taskId.equals(j.taskId()))
                .map(j -> new PairwiseResult(j.leftProfile(), j.rightProfile(),
                        j.winner() == JudgmentWinner.LEFT ? 1 : j.winner() == JudgmentWinner.RIGHT ? -1 : 0))
                .toList();
        return BradleyTerry.leaderboard(results);
    }
}
