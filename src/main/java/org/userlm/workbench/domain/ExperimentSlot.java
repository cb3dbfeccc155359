package org.userlm.workbench.domain;

import java.util.Locale;

/**
 * One planned conversation of an experiment: (cell, task, run), and what became of it.
 *
 * @param cell           cell index (simulator × assistants + assistant)
 * @param taskId         the task
 * @param run            0-based run number within (cell, task)
 * @param conversationId the stored conversation, or null while planned
 * @param status         planned, running, done or failed
 * @param solved         the graded outcome (last answer attempt correct), or null when not graded
 * @param errorKind      for failed ones: a short kind (http_429, http_5xx, connection, other), else null
 * @param error          for failed ones: the message, else null
 */
public record ExperimentSlot(int cell, String taskId, int run, String conversationId, SlotStatus status,
                             Boolean solved, String errorKind, String error) {

    /** A slot not yet run. */
    public static ExperimentSlot planned(int cell, String taskId, int run) {
        return new ExperimentSlot(cell, taskId, run, null, SlotStatus.PLANNED, null, null, null);
    }

    /** The lifecycle of a planned conversation. */
    public enum SlotStatus {
        PLANNED, RUNNING, DONE, FAILED;

        /** Lower-case name as stored. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
