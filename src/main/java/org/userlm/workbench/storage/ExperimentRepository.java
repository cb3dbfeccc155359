package org.userlm.workbench.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.ExperimentCell;
import org.userlm.workbench.domain.ExperimentSlot;

/**
 * Stores experiments, their cells and their planned conversations (slots), each linked to its conversation.
 * Every write is durable on return. Thread-safe.
 */
public interface ExperimentRepository {

    /** Creates the experiment and its cells unless one with this id exists; true when created. */
    boolean create(Experiment experiment, List<ExperimentCell> cells);

    /** Adds planned slots; slots that exist already are left as they are. Returns how many were added. */
    int plan(String experimentId, List<ExperimentSlot> slots);

    Optional<Experiment> find(String experimentId);

    /** Every experiment, newest first. */
    List<Experiment> list();

    List<ExperimentCell> cells(String experimentId);

    /** Every slot, ordered by cell, task, run. */
    List<ExperimentSlot> slots(String experimentId);

    /**
     * Makes a crashed or cancelled run whole again: every slot left running loses its partial conversation
     * (deleted with its turns) and is planned again. Returns how many slots were reset.
     */
    int resetUnfinished(String experimentId);

    /** Links a slot to the conversation about to start and marks it running. */
    void markRunning(String experimentId, ExperimentSlot slot, String conversationId);

    /** Records how a slot ended (done or failed, with its outcome or error). */
    void markFinished(String experimentId, ExperimentSlot slot);

    /** Puts a slot back to planned and deletes its partial conversation (a cancelled one). */
    void unplan(String experimentId, ExperimentSlot slot);

    void setStatus(String experimentId, Experiment.Status status);

    /** Records that the running process is alive. */
    void heartbeat(String experimentId, long nowMs);

    /**
     * Claims the right to run the experiment: one process at a time (an OS file lock beside the database, released
     * when the process dies, even by kill -9). Empty when another process, or this one, already runs it.
     */
    Optional<AutoCloseable> claim(String experimentId);

    /** Whether some process (this one included) runs the experiment now. */
    boolean isClaimed(String experimentId);

    /** Changes whenever a slot of the experiment changes (count, status, last update). */
    String fingerprint(String experimentId);

    /** The cached report JSON if it was computed at this fingerprint. */
    Optional<String> cachedReport(String experimentId, String fingerprint);

    /** Caches a report JSON computed at this fingerprint. */
    void cacheReport(String experimentId, String fingerprint, String json);

    /** The finished conversations of the experiment with their turns and guardrail events, by conversation id. */
    Map<String, Conversation> conversations(String experimentId);
}
