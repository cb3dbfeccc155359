package org.userlm.workbench.storage;

import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.ComparisonEntry;
import org.userlm.workbench.domain.Judgment;

/**
 * Stores comparisons (their settings and which conversation sits in which column) and blind pairwise judgments.
 * The conversations themselves live in the {@link ConversationRepository}. Writes are durable on return.
 * Thread-safe.
 */
public interface ComparisonRepository {

    /** Creates a comparison; its run must exist ({@link ConversationRepository#createRun}). */
    void create(Comparison comparison);

    /** Links a stored conversation to a column and repetition of the comparison. */
    void addEntry(String comparisonId, ComparisonEntry entry);

    /** A comparison, or empty. */
    Optional<Comparison> find(String comparisonId);

    /** Its conversations, ordered by column, then repetition. */
    List<ComparisonEntry> entries(String comparisonId);

    /** Every comparison, newest first. */
    List<Comparison> list();

    /** Stores a judgment. */
    void saveJudgment(Judgment judgment);

    /** Every judgment, oldest first. */
    List<Judgment> judgments();

    /** The judgments of pairs taken from one comparison, oldest first. */
    List<Judgment> judgments(String comparisonId);
}
