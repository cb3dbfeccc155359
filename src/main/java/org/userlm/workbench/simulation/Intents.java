package org.userlm.workbench.simulation;

import java.util.stream.Collectors;
import org.userlm.workbench.domain.Intent;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;

/**
 * Intent from a task (PROTOCOL.md section 5, [ours], editable): "You are a user who wants to ..." followed by the
 * full original problem. The UserLM decides the pacing. Placeholders: {@code {goal}}, {@code {problem}},
 * {@code {shards}}, {@code {function}}.
 */
public final class Intents {
    /** The shipped template. */
    public static final String DEFAULT_TEMPLATE = "You are a user who wants to {goal}\n\n{problem}";

    private Intents() {
    }

    /** The intent for a task with the default template. */
    public static Intent fromTask(Task task) {
        return fromTask(task, DEFAULT_TEMPLATE);
    }

    /** The intent for a task with the given template (null or blank: the default). */
    public static Intent fromTask(Task task, String template) {
        String t = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        String text = t.replace("{goal}", goal(task))
                .replace("{problem}", problem(task))
                .replace("{shards}", task.shards().stream().map(Shard::text).collect(Collectors.joining("\n")))
                .replace("{function}", function(task));
        return new Intent(text.strip(), t);
    }

    /**
     * The task's own text inside an intent built with {@code template}: what the {@code {problem}}, {@code {shards}}
     * and {@code {function}} placeholders put there, without the template's words and without the {@code {goal}}
     * phrase ("get help solving this math problem"). Intent decomposition measures against this, so "I need help
     * with a math problem" reveals nothing.
     */
    public static String taskText(Task task, String template) {
        String t = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        StringBuilder sb = new StringBuilder();
        if (t.contains("{problem}")) {
            sb.append(problem(task)).append('\n');
        }
        if (t.contains("{shards}")) {
            sb.append(task.shards().stream().map(Shard::text).collect(Collectors.joining("\n"))).append('\n');
        }
        if (t.contains("{function}")) {
            sb.append(function(task).replace("`", "")).append('\n');
        }
        return sb.toString().strip();
    }

    private static String goal(Task task) {
        return switch (task.kind()) {
            case MATH -> "get help solving this math problem; the full problem is:";
            case CODE -> "get a Python function written" + (function(task).isEmpty() ? "" : " (" + function(task)
                    + ")") + "; the full specification is:";
            case OTHER -> "get help with this task; the full task is:";
        };
    }

    private static String function(Task task) {
        return task.code() == null || task.code().funcName() == null ? "" : "`" + task.code().funcName() + "`";
    }

    /** The full original problem: the question, else all shards. */
    static String problem(Task task) {
        if (!task.question().isBlank()) {
            return task.question().strip();
        }
        if (task.kind() == TaskKind.CODE && task.code() != null && task.code().prompt() != null) {
            return task.code().prompt().strip();
        }
        return task.shards().stream().map(Shard::text).collect(Collectors.joining("\n"));
    }
}
