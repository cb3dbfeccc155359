package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;

/** Intent decomposition counts the task's words only, never the intent template's. */
class IntentShareTest {
    static final Task TASK = new Task("m", TaskKind.MATH, "test", "Shells",
            "Leigh collected 48 shells and shares them equally among 3 friends. How many shells does each get?",
            List.of(new Shard(1, "Leigh shares shells"), new Shard(2, "she has 48")), "48/3=16\n#### 16", null);

    @Test
    void theTemplatesOwnWordsRevealNothing() {
        String intent = Intents.fromTask(TASK).text();
        String turn = "I need help with a math problem";
        assertTrue(ConversationMetrics.intentShare(intent, turn) > 0.05,
                "against the whole intent the template's words count: " + ConversationMetrics.intentShare(intent, turn));
        assertEquals(0.0, ConversationMetrics.intentShare(Intents.taskText(TASK, null), turn), 1e-9);
        assertTrue(ConversationMetrics.intentShare(Intents.taskText(TASK, null), "Leigh has 48 shells") > 0.2);
    }

    @Test
    void taskTextFollowsThePlaceholdersOfTheTemplate() {
        assertEquals("Leigh shares shells\nshe has 48", Intents.taskText(TASK, "Help me please: {shards}"));
        assertEquals(TASK.question(), Intents.taskText(TASK, "You want to {goal} {problem}"));
        assertEquals("", Intents.taskText(TASK, "You want help with {goal}"));
    }
}
