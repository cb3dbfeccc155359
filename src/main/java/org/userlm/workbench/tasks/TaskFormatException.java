package org.userlm.workbench.tasks;

/**
 * A task file could not be read as tasks. The message names the file, the record (index and task id when
 * known) and the offending field, e.g.
 * {@code tasks.json: record 3 (sharded-GSM8K/40): field "shards" must be a list of {shard_id, shard}}.
 */
public class TaskFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete, user-facing message. */
    public TaskFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a complete, user-facing message and its cause. */
    public TaskFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
