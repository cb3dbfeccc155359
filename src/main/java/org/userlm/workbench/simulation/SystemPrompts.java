package org.userlm.workbench.simulation;

import org.userlm.workbench.domain.TaskKind;

/** Default assistant system prompts per task kind [ours]; editable in the UI and with a CLI flag. */
public final class SystemPrompts {
    private SystemPrompts() {
    }

    /** A sensible default for the kind of task. */
    public static String assistantDefault(TaskKind kind) {
        return switch (kind) {
            case MATH -> "You are a helpful assistant. Work through math problems step by step and state the final "
                    + "numerical answer clearly at the end.";
            case CODE -> "You are a helpful programming assistant. When you write code, give the complete Python "
                    + "function in a single ```python code block.";
            case OTHER -> "You are a helpful assistant.";
        };
    }
}
