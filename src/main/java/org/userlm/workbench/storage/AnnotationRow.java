package org.userlm.workbench.storage;

import org.userlm.workbench.domain.Annotation;

/**
 * One answer joined with what it is about, for export.
 *
 * @param annotation     the answer
 * @param taskId         the conversation's task, or null when the conversation is not in this database
 * @param simulator      the conversation's simulator, or null likewise
 * @param userModel      the user side's model, or null
 * @param assistantModel the assistant's model, or null
 * @param role           {@code user}, {@code assistant}, or {@code conversation} for conversation-level answers
 * @param content        the turn's text (null for conversation-level answers or a missing turn)
 */
public record AnnotationRow(Annotation annotation, String taskId, String simulator, String userModel,
                            String assistantModel, String role, String content) {
}
