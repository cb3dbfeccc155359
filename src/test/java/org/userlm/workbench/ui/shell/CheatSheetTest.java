package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cheat sheet has a section with shortcuts for every workspace of the window, and for History. */
class CheatSheetTest {
    private static final List<String[]> ROWS = Arrays.asList(CheatSheet.SHORTCUTS);

    /** The row of the section whose title starts with (or, for panes, contains) {@code name}; -1 if none. */
    private static int section(String name) {
        return IntStream.range(0, ROWS.size()).filter(i -> ROWS.get(i)[0].isEmpty() && ROWS.get(i)[1]
                .contains(name)).findFirst().orElse(-1);
    }

    @Test
    void everyWorkspaceHasItsShortcutsListed() {
        for (String name : Stream.concat(Arrays.stream(Workspaces.NAMES), Stream.of("History", "Tasks")).toList()) {
            int at = section(name);
            assertTrue(at >= 0, name + " has no section");
            assertTrue(at + 1 < ROWS.size() && !ROWS.get(at + 1)[0].isEmpty(), name + " lists no shortcut");
        }
    }
}
