package org.userlm.workbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.tasks.BundledTasks;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;

/** Loads the tasks a CLI command works on: a file (format detected) or the bundled set, narrowed by ids. */
final class TaskSelection {
    private TaskSelection() {
    }

    /**
     * @throws TaskFormatException      when the file cannot be read as tasks
     * @throws IllegalArgumentException when an id is not in the file (the message lists a few that are)
     */
    static List<Task> select(Path file, List<String> ids) throws TaskFormatException {
        List<Task> all = file == null ? BundledTasks.load() : TaskFiles.load(file);
        if (all.isEmpty()) {
            throw new IllegalArgumentException((file == null ? "the bundled set" : file) + " holds no tasks");
        }
        if (ids == null || ids.isEmpty()) {
            return all;
        }
        Map<String, Task> byId = new LinkedHashMap<>();
        all.forEach(t -> byId.put(t.id(), t));
        List<Task> out = new ArrayList<>();
        for (String id : ids) {
            Task t = byId.get(id);
            if (t == null) {
                List<String> some = byId.keySet().stream().limit(5).toList();
                throw new IllegalArgumentException("no task with id \"" + id + "\" in "
                        + (file == null ? "the bundled set" : file) + " (ids look like " + some + ")");
            }
            out.add(t);
        }
        return out;
    }
}
