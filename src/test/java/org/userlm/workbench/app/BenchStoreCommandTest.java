package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-store on a small history: every figure is printed with its ratio to the goal, and the file is kept. */
class BenchStoreCommandTest {
    @Test
    void smallRunPrintsEveryFigureAndKeepsTheFileItWasGiven(@TempDir Path dir) {
        Path db = dir.resolve("b.db");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            rc = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "bench-store",
                    "--conversations", "120", "--turns", "4", "--runs", "1", "--db", db.toString());
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, rc, out);
        assertTrue(Files.isRegularFile(db));
        for (String s : new String[] {"generated 120 conversations, 480 turns", "database file:", "history page",
            "history filter as typed", "full-text search", "streamed export: 120 conversations", "goal < 200 ms"}) {
            assertTrue(out.contains(s), s + " missing in:\n" + out);
        }
    }
}
