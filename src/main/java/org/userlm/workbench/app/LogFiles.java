package org.userlm.workbench.app;

import java.nio.file.Path;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

/**
 * Where the rolling log lives: {@code logs/workbench.log} in the data folder beside the default database, or the
 * folder in {@code -Duserlm.log.dir}. {@link LogConfigurator} reads the same property.
 */
final class LogFiles {
    static final String DIR_PROPERTY = "userlm.log.dir";

    private LogFiles() {
    }

    /** The folder of the log files. */
    static Path folder() {
        String p = System.getProperty(DIR_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : SqliteDatabase.defaultFile().getParent().resolve("logs");
    }

    /** The current log file (older ones are rolled beside it, by day and size). */
    static Path file() {
        return folder().resolve("workbench.log");
    }
}
