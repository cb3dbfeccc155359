package org.userlm.workbench.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.userlm.workbench.storage.StorageException;

/**
 * Decides, before anything is written, whether a database file may be opened as ours: absent or empty (new),
 * marked with our {@code application_id}, or an unmarked file that already holds our tables (a database
 * made before the marking). Everything else is refused with one line: not a regular file, not SQLite, another
 * program's file (its application id or its tables), a newer schema, read-only.
 */
final class DatabaseCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> OUR_TABLES = List.of("tasks", "runs", "conversations", "turns");

    private DatabaseCheck() {
    }

    static void refuseForeign(Path file, int knownVersion) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw refuse(file, "not a regular file");
        }
        if (Files.size(file) == 0) {
            checkWritable(file);
            return;
        }
        byte[] head = new byte[100];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (n < 100 || head[i] != MAGIC[i]) {
                throw refuse(file, "not a SQLite database (so not a workbench database)");
            }
        }
        int appId;
        int version;
        List<String> tables = new ArrayList<>();
        Properties ro = new Properties();
        ro.setProperty("open_mode", "1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), ro);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            appId = intPragma(s, "application_id");
            version = intPragma(s, "user_version");
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw refuse(file, "unreadable or corrupt SQLite file (" + oneLine(e.getMessage()) + ")");
        }
        if (appId != 0 && appId != SqliteDatabase.APPLICATION_ID) {
            throw refuse(file, String.format("it belongs to another program (SQLite application_id 0x%08x); "
                    + "the workbench does not change other programs' files", appId));
        }
        if (appId == 0 && !tables.isEmpty() && !tables.containsAll(OUR_TABLES)) {
            throw refuse(file, "it is another program's SQLite database (tables: "
                    + String.join(", ", tables.subList(0, Math.min(6, tables.size())))
                    + (tables.size() > 6 ? ", …" : "") + "); the workbench does not change other programs' files");
        }
        if (version > knownVersion) {
            throw refuse(file, "it was written by a newer workbench (schema " + version + "; this one understands up to "
                    + knownVersion + "); use a newer workbench");
        }
        checkWritable(file);
    }

    private static void checkWritable(Path file) {
        if (!Files.isWritable(file)) {
            throw refuse(file, "the file is read-only");
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static StorageException refuse(Path file, String why) {
        return new StorageException("cannot use database " + file + ": " + why);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
