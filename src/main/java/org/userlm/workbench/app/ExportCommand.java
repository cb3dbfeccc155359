package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Conversation;
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
            List<Conversation> all = new SqliteConversationRepository(database).all();
            if (out.equals("-")) {
                ConversationJsonl.write(all, spec.commandLine().getOut());
            } else {
                try (Writer w = Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                    ConversationJsonl.write(all, w);
                }
                err.println("export: " + all.size() + " conversation(s) written to " + out);
            }
            return 0;
        } catch (StorageException | IOException e) {
            err.println("export: " + e.getMessage());
            return 3;
        }
    }
}
