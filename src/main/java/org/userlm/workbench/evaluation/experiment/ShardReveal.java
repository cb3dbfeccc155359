package org.userlm.workbench.evaluation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;

/**
 * Which of a task's shards the user's turns reveal, and in which order [ours]: a turn of the sharded simulator names
 * its shard; any other turn reveals the not-yet-revealed shards of which at least half the content words appear in
 * it, the best-covered first.
 */
final class ShardReveal {
    private ShardReveal() {
    }

    /** The shard ids in the order they were first revealed. */
    static List<Integer> order(Task task, Conversation c, HeuristicJudge h) {
        Set<Integer> order = new LinkedHashSet<>();
        for (Turn t : c.turns()) {
            if (t.role() != Role.USER) {
                continue;
            }
            if (t.shardId() != null) {
                order.add(t.shardId());
                continue;
            }
            List<Shard> hits = new ArrayList<>();
            for (Shard s : task.shards()) {
                if (!order.contains(s.id()) && h.share(s.text(), t.content()) >= 0.5) {
                    hits.add(s);
                }
            }
            hits.sort((a, b) -> Double.compare(h.share(b.text(), t.content()),
                    h.share(a.text(), t.content())));
            hits.forEach(s -> order.add(s.id()));
        }
        return new ArrayList<>(order);
    }

    /** Share of the task's shards conveyed by the end (1 shard = the whole question for unsharded tasks). */
    static double coverage(Task task, Conversation c, TurnJudge judge) {
        List<Shard> shards = task.shards().isEmpty() ? List.of(new Shard(1, task.question())) : task.shards();
        Set<Integer> named = c.turns().stream().filter(t -> t.role() == Role.USER && t.shardId() != null)
                .map(Turn::shardId).collect(Collectors.toSet());
        String userText = c.turns().stream().filter(t -> t.role() == Role.USER).map(Turn::content)
                .collect(Collectors.joining("\n"));
        long conveyed = shards.stream().filter(s -> named.contains(s.id()) || judge.shardConveyed(s.text(), userText))
                .count();
        return (double) conveyed / shards.size();
    }
}
