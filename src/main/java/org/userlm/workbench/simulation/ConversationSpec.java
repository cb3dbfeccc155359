package org.userlm.workbench.simulation;

import java.util.List;
import java.util.Objects;
import org.userlm.workbench.domain.GenerationParams;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.inference.ChatModel;

/**
 * Everything needed to run one conversation.
 *
 * @param conversationId        id of the new conversation
 * @param runId                 run it belongs to, or null
 * @param title                 display title
 * @param task                  the task
 * @param intent                the intent (user side only)
 * @param user                  the user simulator
 * @param assistant             the assistant model
 * @param assistantModelName    the assistant's display/model name
 * @param assistantSystemPrompt the assistant's system prompt (assistant side only)
 * @param assistantParams       the assistant's sampling parameters
 * @param maxUserTurns          at most this many user turns, each answered
 * @param seed                  base seed, or null
 * @param solvedCheck           grader for "stop when solved", or {@link SolvedCheck#NEVER}
 * @param settingsJson          settings to store for re-runs (no API keys)
 * @param initialTurns          turns copied from a parent (fork), else empty
 * @param parentId              parent conversation of a fork, or null
 */
public record ConversationSpec(String conversationId, String runId, String title, Task task, String intent,
                               UserSimulator user, ChatModel assistant, String assistantModelName,
                               String assistantSystemPrompt, GenerationParams assistantParams, int maxUserTurns,
                               Long seed, SolvedCheck solvedCheck, String settingsJson, List<Turn> initialTurns,
                               String parentId) {
    public ConversationSpec {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(assistant, "assistant");
        solvedCheck = solvedCheck == null ? SolvedCheck.NEVER : solvedCheck;
        initialTurns = List.copyOf(initialTurns == null ? List.of() : initialTurns);
        assistantParams = assistantParams == null ? GenerationParams.assistantDefault() : assistantParams;
        if (maxUserTurns < 1) {
            throw new IllegalArgumentException("max user turns must be at least 1, got " + maxUserTurns);
        }
    }
}
