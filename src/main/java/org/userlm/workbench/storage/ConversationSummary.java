package org.userlm.workbench.storage;

import org.userlm.workbench.domain.EndReason;

/**
 * One row of the history list.
 *
 * @param id             conversation id
 * @param title          display title
 * @param taskId         task pursued
 * @param simulator      simulator kind
 * @param userModel      user-side model
 * @param assistantModel assistant model
 * @param endedBy        end reason, or null while running / interrupted
 * @param createdAtMs    epoch millis
 * @param turnCount      number of stored turns
 * @param parentId       parent conversation of a fork, or null
 * @param runId          run it belongs to, or null
 */
public record ConversationSummary(String id, String title, String taskId, String simulator, String userModel,
                                  String assistantModel, EndReason endedBy, long createdAtMs, int turnCount,
                                  String parentId, String runId) {
}
