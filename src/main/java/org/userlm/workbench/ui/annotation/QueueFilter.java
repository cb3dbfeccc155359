package org.userlm.workbench.ui.annotation;

/**
 * Which conversations go into an annotation queue; null or blank fields match anything.
 *
 * @param simulator       only this simulator kind
 * @param taskId          only this task
 * @param runId           only this run
 * @param unannotatedOnly only conversations with an item the annotator has not finished
 * @param blind           hide simulator and model names and shuffle the order
 */
public record QueueFilter(String simulator, String taskId, String runId, boolean unannotatedOnly, boolean blind) {

    /** Everything, in order, not blind. */
    public static QueueFilter all() {
        return new QueueFilter(null, null, null, false, false);
    }

    boolean matches(String value, String wanted) {
        return wanted == null || wanted.isBlank() || wanted.equals(value);
    }
}
