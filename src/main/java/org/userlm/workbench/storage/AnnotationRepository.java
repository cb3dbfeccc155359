package org.userlm.workbench.storage;

import java.util.Collection;
import java.util.List;
import org.userlm.workbench.domain.Annotation;

/**
 * Stores annotations. Writes run on the storage's writer thread; methods that say "durable" return only once the
 * data is committed, so a crash right after they return loses nothing. Thread-safe.
 */
public interface AnnotationRepository {

    /**
     * Saves an answer under its natural key {@code (annotator, conversation, turn, question)}, replacing an earlier
     * answer (whose id is kept), and records the change in the audit trail. Durable.
     *
     * @return the stored annotation (with the id it is stored under)
     */
    Annotation save(Annotation annotation);

    /** One annotator's answers (not cleared ones) in one conversation. */
    List<Annotation> find(String annotator, String conversationId);

    /** Every answer (not cleared ones) of one annotator, or of everyone when {@code annotator} is null. */
    List<Annotation> all(String annotator);

    /** The names of everyone with at least one answer, sorted. */
    List<String> annotators();

    /**
     * Imports answers from another database or file. An answer with the same id or the same natural key as a
     * stored one replaces it only when its {@code updatedAtMs} is newer; others are inserted. Durable, one
     * transaction.
     */
    ImportResult importAll(Collection<Annotation> annotations);

    /** Answers (not cleared ones) joined with their conversations and turns, for export; null: everyone. */
    List<AnnotationRow> exportRows(String annotator);

    /**
     * What an import did.
     *
     * @param inserted  new answers
     * @param updated   stored answers replaced by newer ones
     * @param unchanged answers already present (same or newer stored)
     */
    record ImportResult(int inserted, int updated, int unchanged) {
    }
}
