package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file opened from the desktop reaches the window as {@code --open FILE}, next to {@code --db}. */
class OpenFileArgumentTest {
    @Test
    void findsTheFileToOpenAndTheDatabase() {
        List<String> args = List.of("--db", "/tmp/w.db", "--open", "/tmp/tasks.ulmtasks");
        assertEquals(Path.of("/tmp/tasks.ulmtasks"), WorkbenchApp.fileToOpen(args));
        assertEquals(Path.of("/tmp/w.db"), WorkbenchApp.databaseFile(args));
        assertNull(WorkbenchApp.fileToOpen(List.of("--db", "/tmp/w.db")));
        assertNull(WorkbenchApp.fileToOpen(List.of("--open")));
    }
}
