package org.userlm.workbench.domain;

import java.util.Objects;

/**
 * One annotator's answer to one question about one turn (or a whole conversation). The natural key
 * {@code (annotator, conversationId, turnIndex, questionKey)} is unique; {@code id} is a UUID that travels with
 * exported files so imports de-duplicate.
 *
 * @param id             UUID string
 * @param schemaId       the schema the question belongs to
 * @param annotator      who answered
 * @param conversationId the conversation
 * @param turnIndex      the turn's index, or {@link #CONVERSATION_LEVEL} for a conversation-level question
 * @param questionKey    {@link AnnotationQuestion#key()}
 * @param valueJson      the answer as JSON (see {@link QuestionType}), or null when the answer was cleared
 * @param updatedAtMs    epoch millis of the last change; the newer one wins on import
 */
public record Annotation(String id, String schemaId, String annotator, String conversationId, int turnIndex,
                         String questionKey, String valueJson, long updatedAtMs) {
    /** The turn index used for questions about the whole conversation. */
    public static final int CONVERSATION_LEVEL = -1;

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(questionKey, "questionKey");
    }

    /** True when the answer was cleared (an undo back to "no answer"). */
    public boolean cleared() {
        return valueJson == null;
    }

    /** A copy with another value and time. */
    public Annotation withValue(String newValueJson, long atMs) {
        return new Annotation(id, schemaId, annotator, conversationId, turnIndex, questionKey, newValueJson, atMs);
    }
}
