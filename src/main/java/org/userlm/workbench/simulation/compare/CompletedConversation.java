package org.userlm.workbench.simulation.compare;

import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.evaluation.metrics.ConversationMetrics;

/**
 * A finished (or reopened) conversation of a comparison with its metrics and graded outcome.
 *
 * @param column       0-based column
 * @param repeat       0-based repetition
 * @param conversation the stored conversation
 * @param metrics      its metrics
 */
public record CompletedConversation(int column, int repeat, Conversation conversation, ConversationMetrics metrics) {
}
