package org.userlm.workbench.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option, shared (as a picocli mixin) by every command that uses the database. */
final class DatabaseOption {
    @Option(names = "--db", paramLabel = "FILE", description = "SQLite database (default: the workbench's own)")
    Path file;

    /** The file given, or null for the default one (what {@link AppContext#open} takes). */
    Path given() {
        return file;
    }

    /** The file given, else the default one. */
    Path resolved() {
        return file == null ? SqliteDatabase.defaultFile() : file;
    }

    /** For commands that only read: the file, or null after printing "{@code command}: no database at ...". */
    Path existing(String command, PrintWriter err) {
        return ExistingDatabase.resolve(file, command, err);
    }
}
