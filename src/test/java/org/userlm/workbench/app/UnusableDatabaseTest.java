package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unusable {@code --db} gives one line and exit 3; files that are not ours are never changed (issue 10). */
class UnusableDatabaseTest {
    @TempDir
    Path dir;

    private Cli.Result simulate(Path db) throws Exception {
        return Cli.run("simulate", "--tasks", Cli.tasksFile(dir).toString(), "--task-id", "t-math-1",
                "--user-url", "http://127.0.0.1:9/v1", "--user-model", "u",
                "--assistant-url", "http://127.0.0.1:9/v1", "--assistant-model", "a", "--db", db.toString());
    }

    private void assertRefused(Path db, String why) throws Exception {
        byte[] before = Files.isRegularFile(db) ? Files.readAllBytes(db) : null;
        Cli.Result r = simulate(db);
        assertEquals(3, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
        assertTrue(err.startsWith("simulate: cannot use database " + db + ": " + why), err);
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(db), "the refused file was changed");
        }
        assertFalse(Files.exists(Path.of(db + "-wal")) && Files.size(Path.of(db + "-wal")) > 0, "a WAL was written");
    }

    @Test
    void notSqlite() throws Exception {
        Path f = dir.resolve("notes.db");
        Files.writeString(f, "these are my notes, not a database\n".repeat(10));
        assertRefused(f, "not a SQLite database");
    }

    @Test
    void corruptSqlite() throws Exception {
        Path f = dir.resolve("corrupt.db");
        byte[] bytes = new byte[4096];
        System.arraycopy("SQLite format 3\0".getBytes(), 0, bytes, 0, 16);
        for (int i = 16; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(f, bytes);
        assertRefused(f, "unreadable or corrupt SQLite file");
    }

    @Test
    void anotherProgramsDatabaseGetsNoTables() throws Exception {
        Path f = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (name TEXT)");
            s.execute("INSERT INTO contacts VALUES ('Ada')");
        }
        assertRefused(f, "it is another program's SQLite database (tables: contacts)");
        Path marked = dir.resolve("marked.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + marked); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 1234");
        }
        assertRefused(marked, "it belongs to another program (SQLite application_id 0x000004d2)");
    }

    @Test
    void newerSchema() throws Exception {
        Path f = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + 0x55574B42);
            s.execute("PRAGMA user_version = 999");
        }
        assertRefused(f, "it was written by a newer workbench (schema 999");
    }

    @Test
    void notARegularFile() throws Exception {
        assertRefused(dir, "not a regular file");
    }

    @Test
    void ourOwnFilesAreMarked() throws Exception {
        Path f = dir.resolve("ours.db");
        try (var db = org.userlm.workbench.storage.sqlite.SqliteDatabase.open(f)) {
            assertTrue(Files.exists(db.file()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            assertEquals(0x55574B42, rs.getInt(1));
        }
        org.userlm.workbench.storage.sqlite.SqliteDatabase.open(f).close();
    }
}
