package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.userlm.workbench.storage.ConversationJsonl;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: writes every conversation of a database as JSON Lines (the same format as simulate --out). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export conversations as JSON Lines.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "JSONL file to write ('-': stdout)")
    String out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path file = db.existing("export", err);
        if (file == null) {
            return 3;
        }
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            // streamed: one conversation in memory at a time, whatever the size of the database
            if (out.equals("-")) {
                stream(database, spec.commandLine().getOut());
            } else {
                long n;
                try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                    n = stream(database, w);
                }
                err.println("export: " + n + " conversation(s) written to " + out);
            }
            return 0;
        } catch (StorageException | IOException e) {
            err.println("export: " + e.getMessage());
            return 3;
        } catch (UncheckedIOException e) {
            err.println("export: " + e.getCause().getMessage());
            return 3;
        }
    }

    /** Writes every conversation as a JSONL line; returns how many. */
    static long stream(SqliteDatabase database, Writer w) throws IOException {
        long[] n = {0};
        new SqliteConversationRepository(database).forEach(c -> {
            try {
                ConversationJsonl.writeLine(c, w);
                n[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
        return n[0];
    }
}
