package org.userlm.workbench.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;

/** For commands that read a database: they must never create an empty one by mistake. */
final class ExistingDatabase {
    private ExistingDatabase() {
    }

    /** The database file ({@code --db} or the default), or null after printing "no database at ...". */
    static Path resolve(Path db, String command, PrintWriter err) {
        Path file = db == null ? SqliteDatabase.defaultFile() : db;
        if (!Files.isRegularFile(file)) {
            err.println(command + ": no database at " + file);
            return null;
        }
        return file;
    }
}
