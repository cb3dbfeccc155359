package org.userlm.workbench.tasks;

import java.util.ArrayList;
import java.util.List;

/** Pulls the top-level import lines out of a HumanEval-style prompt, so graders can prepend them. */
public final class PythonImports {
    private PythonImports() {
    }

    /**
     * The lines of {@code code} that start (at column 0) with {@code import } or {@code from ... import},
     * joined by newlines; empty when there are none.
     *
     * @param code Python source, may be null
     * @return the import lines, each ending in a newline
     */
    public static String of(String code) {
        if (code == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n", -1)) {
            if (line.startsWith("import ") || (line.startsWith("from ") && line.contains(" import "))) {
                lines.add(line.stripTrailing());
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
