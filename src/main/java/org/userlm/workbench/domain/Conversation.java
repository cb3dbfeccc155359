package org.userlm.workbench.domain;

import java.util.List;
import java.util.Objects;

/**
 * A stored conversation between a simulated user and an assistant.
 *
 * @param id                    UUID string
 * @param runId                 the run (batch) it belongs to, or null
 * @param taskId                the task pursued
 * @param title                 display title (renamable)
 * @param simulator             {@code userlm}, {@code prompted}, {@code sharded}, {@code human}
 * @param userModel             the user side's model name
 * @param assistantModel        the assistant's model name
 * @param intent                the intent given to the user simulator (never to the assistant)
 * @param assistantSystemPrompt the assistant's system prompt (never to the user simulator)
 * @param settingsJson          the full simulator/assistant settings as JSON (no API keys), for re-runs
 * @param endedBy               why it ended, or null while running
 * @param parentId              the conversation this one was forked from, or null
 * @param forkIndex             turns {@code [0, forkIndex)} were copied from the parent, or null
 * @param createdAtMs           epoch millis
 * @param turns                 the turns in order
 */
public record Conversation(String id, String runId, String taskId, String title, String simulator,
                           String userModel, String assistantModel, String intent, String assistantSystemPrompt,
                           String settingsJson, EndReason endedBy, String parentId, Integer forkIndex,
                           long createdAtMs, List<Turn> turns) {
    public Conversation {
        Objects.requireNonNull(id, "id");
        turns = List.copyOf(turns == null ? List.of() : turns);
    }

    /** Number of user turns. */
    public long userTurnCount() {
        return turns.stream().filter(t -> t.role() == Role.USER).count();
    }

    /** A copy with other turns. */
    public Conversation withTurns(List<Turn> newTurns) {
        return new Conversation(id, runId, taskId, title, simulator, userModel, assistantModel, intent,
                assistantSystemPrompt, settingsJson, endedBy, parentId, forkIndex, createdAtMs, newTurns);
    }

    /** A copy with an end reason. */
    public Conversation withEndedBy(EndReason reason) {
        return new Conversation(id, runId, taskId, title, simulator, userModel, assistantModel, intent,
                assistantSystemPrompt, settingsJson, reason, parentId, forkIndex, createdAtMs, turns);
    }
}
