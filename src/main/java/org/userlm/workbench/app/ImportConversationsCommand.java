package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.MessagesJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import-conversations}: stores real conversations (JSONL, OpenAI messages format) so the workbench can show,
 * search and annotate them beside simulated ones. Each is stored with simulator {@code human}, user and assistant
 * model {@code imported}, task id {@code imported:FILE}, ended {@code user_ended}. Exit 0; 2 for bad arguments; 3
 * when the file cannot be read (nothing is stored then).
 */
@Command(name = "import-conversations", mixinStandardHelpOptions = true,
        description = "Import real conversations (JSONL in the OpenAI messages format) into the database.")
final class ImportConversationsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "JSONL, one conversation per line")
    Path in;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MessagesJsonl.RealConversation> convs;
        try (var r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            convs = MessagesJsonl.read(r);
        } catch (IOException e) {
            err.println("import-conversations: cannot read " + in + ": " + e.getMessage());
            return 3;
        }
        String taskId = "imported:" + in.getFileName();
        try (AppContext ctx = AppContext.open(db.given())) {
            for (MessagesJsonl.RealConversation c : convs) {
                String id = UUID.randomUUID().toString();
                String first = c.turns().get(0).content().strip();
                String title = "imported " + c.id() + ": " + (first.length() > 60 ? first.substring(0, 60) + "…" : first);
                ctx.conversations().create(new Conversation(id, null, taskId, title, "human", "imported", "imported",
                        "", c.system(), "{\"imported_from\": \"" + in.getFileName() + "\", \"source_id\": \""
                        + c.id().replace("\"", "") + "\"}", null, null, null, System.currentTimeMillis(), List.of()));
                for (Turn t : c.turns()) {
                    ctx.conversations().saveTurn(id, t);
                }
                ctx.conversations().finish(id, EndReason.USER_ENDED);
            }
        }
        out.println("imported " + convs.size() + " conversation" + (convs.size() == 1 ? "" : "s") + " from " + in);
        return 0;
    }
}
