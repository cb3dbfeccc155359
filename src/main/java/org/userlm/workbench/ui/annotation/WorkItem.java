package org.userlm.workbench.ui.annotation;

import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationScope;
import org.userlm.workbench.domain.Role;

/**
 * One thing to annotate: a turn, or the whole conversation ({@code role == null}, turn index -1).
 *
 * @param conversationId the conversation
 * @param turnIndex      the turn, or {@link Annotation#CONVERSATION_LEVEL}
 * @param role           the turn's role, or null for the conversation item
 * @param text           the turn's text
 * @param model          the model that wrote it (hidden in blind mode)
 */
public record WorkItem(String conversationId, int turnIndex, Role role, String text, String model) {

    /** The question scope of this item. */
    public AnnotationScope scope() {
        return role == null ? AnnotationScope.CONVERSATION : AnnotationScope.of(role);
    }

    /** The item for the whole conversation. */
    static WorkItem conversation(String conversationId) {
        return new WorkItem(conversationId, Annotation.CONVERSATION_LEVEL, null, "", null);
    }
}
