package org.userlm.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.storage.StorageException;

/** A handled failure: one line on stderr, and the log gets it once with its cause. */
class CliLoggingTest {
    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger cli;

    @BeforeEach
    void attach() {
        cli = (Logger) LoggerFactory.getLogger("org.userlm.workbench.cli");
        log.start();
        cli.addAppender(log);
    }

    @AfterEach
    void detach() {
        cli.detachAppender(log);
    }

    @Test
    void anUnreadableDatabaseIsOneLineAndOneLoggedCause() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.db"), "not a database\n".repeat(100));
        Cli.Result r = Cli.run("export-comparison", "--db", notes.toString(), "--id", "x", "--html",
                dir.resolve("x.html").toString());
        assertEquals(3, r.exit());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("export-comparison: cannot use database " + notes), lines.get(0));
        assertTrue(lines.get(0).contains("not a SQLite database"), lines.get(0));
        assertEquals(1, log.list.size());
        ILoggingEvent e = log.list.get(0);
        assertEquals(Level.WARN, e.getLevel());
        assertEquals(StorageException.class.getName(), e.getThrowableProxy().getClassName());
        // The file is refused by its header (DatabaseCheck) before SQLite opens it: the logged event carries the
        // same message the user saw.
        assertTrue(e.getThrowableProxy().getMessage().contains("not a SQLite database"), e.getThrowableProxy().getMessage());
    }
}
