package org.userlm.workbench.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.Judgment;
import org.userlm.workbench.reports.ComparisonExport;
import org.userlm.workbench.simulation.compare.ComparisonLoader;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export-comparison}: writes a stored comparison as a self-contained HTML page and/or JSON Lines. Without
 * {@code --id} it lists the stored comparisons. Exit 0 on success, 2 for bad arguments, 3 for a missing database or
 * comparison.
 */
@Command(name = "export-comparison", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a stored comparison as HTML (both columns, readable without the app) and/or JSONL.")
final class ExportComparisonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db = new DatabaseOption();

    @Option(names = "--id", paramLabel = "ID", description = "comparison id (omit to list the stored comparisons)")
    String id;

    @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML page")
    Path html;

    @Option(names = "--jsonl", paramLabel = "FILE", description = "write the comparison's conversations as JSON Lines")
    Path jsonl;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path file = db.existing("export-comparison", err);
        if (file == null) {
            return 3;
        }
        try (AppContext ctx = AppContext.open(file)) {
            if (id == null) {
                for (Comparison c : ctx.comparisons().list()) {
                    out.printf("%s\t%s\t%s\t%d columns x %d%n", c.id(), c.taskId(), c.title(), c.profiles().size(),
                            c.repeats());
                }
                out.flush();
                return 0;
            }
            if (html == null && jsonl == null) {
                err.println("export-comparison: give --html FILE and/or --jsonl FILE");
                return 2;
            }
            Optional<ComparisonLoader.Loaded> loaded = new ComparisonLoader(ctx.conversations(), ctx.comparisons())
                    .withLabels(ctx.turnLabels())
                    .load(id, ctx.allTasks());
            if (loaded.isEmpty()) {
                err.println("export-comparison: no comparison " + id + " in " + file);
                return 3;
            }
            write(loaded.get(), ctx.comparisons().judgments(id), err);
            return 0;
        } catch (StorageException | IOException e) {
            return CliErrors.report(err, "export-comparison: " + e.getMessage(), e, 3);
        }
    }

    private void write(ComparisonLoader.Loaded l, List<Judgment> judgments,
                       PrintWriter err) throws IOException {
        if (html != null) {
            ComparisonExport.writeHtml(l, judgments, html);
            err.println("export-comparison: HTML written to " + html);
        }
        if (jsonl != null) {
            int n = ComparisonExport.writeJsonl(l, jsonl);
            err.println("export-comparison: " + n + " conversation(s) written to " + jsonl);
        }
        err.flush();
    }
}
