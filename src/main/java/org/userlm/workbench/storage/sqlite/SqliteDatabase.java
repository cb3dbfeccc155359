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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.userlm.workbench.storage.StorageException;

/**
 * One SQLite file in WAL mode. Every write runs on the single {@code db-writer} thread with its own connection;
 * reads use a separate connection (WAL lets them run beside the writer). Numbered migrations
 * {@code db/migration/V001__*.sql} are applied against {@code PRAGMA user_version}, each in a transaction.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Migrations in order; the number is the position + 1. */
    static final List<String> MIGRATIONS = List.of("V001__init.sql", "V002__annotations.sql",
            "V003__comparisons.sql", "V004__evaluation.sql", "V005__experiments.sql", "V006__presenter.sql",
            "V007__performance.sql");

    /** Marks our files: SQLite {@code PRAGMA application_id} ("UWKB"). */
    static final int APPLICATION_ID = 0x55574B42;

    private final Path file;
    private final Connection writeConnection;
    private final Connection readConnection;
    private final ExecutorService writer;

    /** A unit of work run on the writer thread inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private SqliteDatabase(Path file) throws SQLException {
        this.file = file;
        this.writeConnection = connect(file);
        this.readConnection = connect(file);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (creating if needed) the database file and applies pending migrations.
     *
     * A file that is not ours (not SQLite, another program's SQLite, a newer workbench's) is refused before
     * anything is written to it.
     *
     * @throws StorageException with a one-line message when the file cannot be opened or is not a workbench database
     */
    public static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            DatabaseCheck.refuseForeign(file, MIGRATIONS.size());
            SqliteDatabase db = new SqliteDatabase(file);
            db.write(db::migrate);
            return db;
        } catch (IOException | SQLException e) {
            throw new StorageException("cannot open database " + file + ": " + oneLine(e.getMessage()), e);
        }
    }

    /** The default location: {@code $XDG_DATA_HOME/userlm-workbench/workbench.db} or under {@code ~/.local/share}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("userlm-workbench").resolve("workbench.db");
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA synchronous = NORMAL");
        }
        return c;
    }

    private Void migrate(Connection c) throws SQLException {
        int version;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("database schema version " + version + " is newer than this workbench ("
                    + MIGRATIONS.size() + "); use a newer workbench");
        }
        for (int i = version; i < MIGRATIONS.size(); i++) {
            String sql = readMigration(MIGRATIONS.get(i));
            try (Statement s = c.createStatement()) {
                for (String stmt : SqlScript.split(sql)) {
                    s.execute(stmt);
                }
                s.execute("PRAGMA user_version = " + (i + 1));
            }
            c.commit();
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
        }
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String readMigration(String name) throws SQLException {
        try (InputStream in = SqliteDatabase.class.getResourceAsStream("/db/migration/" + name)) {
            if (in == null) {
                throw new SQLException("migration " + name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }

    /** Runs work on the writer thread in a transaction and waits for the commit (never on the FX thread). */
    public <T> T write(Work<T> work) {
        ThreadGuard.check("write", file);
        try {
            return writeAsync(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while writing to " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StorageException se) {
                throw se;
            }
            throw new StorageException("write to " + file + " failed: " + cause.getMessage(), cause);
        }
    }

    /** Runs work on the writer thread in a transaction; the future completes after the commit. */
    public <T> CompletableFuture<T> writeAsync(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                writeConnection.setAutoCommit(false);
                T result = work.run(writeConnection);
                writeConnection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // Any failure (a bug in the work, a storage error it threw) must not leave a half transaction
                // for the next write to commit.
                try {
                    writeConnection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                throw new StorageException(e.getMessage(), e);
            }
        }, writer);
    }

    /** Runs a read on the read connection (serialised; reads are short; never on the FX thread). */
    public <T> T read(Work<T> work) {
        ThreadGuard.check("read", file);
        synchronized (readConnection) {
            try {
                return work.run(readConnection);
            } catch (SQLException e) {
                throw new StorageException("read from " + file + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            readConnection.close();
            writeConnection.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close " + file, e);
        }
    }
}
