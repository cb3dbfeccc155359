package org.userlm.workbench.storage;

import java.util.List;
import org.userlm.workbench.domain.Task;

/** Stores tasks (bundled and imported). Thread-safe. */
public interface TaskRepository {

    /** Inserts or replaces tasks by id. Durable. */
    void upsert(List<Task> tasks);

    /** All tasks, ordered by id. */
    List<Task> all();
}
