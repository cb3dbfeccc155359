package org.userlm.workbench.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.storage.StorageException;

/** The writer's transactions: whatever the work throws, nothing it did is committed later by another write. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aRuntimeFailureRollsBackAndTheNextWriteDoesNotCommitIt() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE probe(x INTEGER)");
                }
                return null;
            });
            IllegalStateException bug = new IllegalStateException("bug in the work");
            StorageException thrown = assertThrows(StorageException.class, () -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO probe VALUES (1)");
                }
                throw bug;
            }));
            assertSame(bug, thrown.getCause(), "the work's own exception is kept as the cause");
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO probe VALUES (2)");
                }
                return null;
            });
            int rows = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(x) FROM probe")) {
                    return rs.getInt(1);
                }
            });
            assertEquals(2, rows, "the failed write's row was rolled back, not committed with the next one");
        }
    }
}
