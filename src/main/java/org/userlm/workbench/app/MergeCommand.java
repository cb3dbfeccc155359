package org.userlm.workbench.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.storage.sqlite.SqliteMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge --into FILE DB...}: combines workbench databases (e.g. experiment shards from several machines)
 * without duplicates. Prints one line per source and, last, {@code {"into": FILE, "sources": N, "conversations": N}}
 * (conversations added). Exit 0; 2 for bad arguments; 3 when a database cannot be read or written.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge workbench databases (experiment shards) into one, without duplicates.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--into", required = true, paramLabel = "FILE", description = "the database to merge into")
    Path into;

    @Parameters(arity = "1..*", paramLabel = "DB", description = "databases to merge")
    List<Path> sources = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        int added = 0;
        for (Path src : sources) {
            if (src.toAbsolutePath().normalize().equals(into.toAbsolutePath().normalize())) {
                spec.commandLine().getErr().println("merge: " + src + " is the target itself");
                return 2;
            }
            try {
                SqliteMerge.Result r = SqliteMerge.merge(into, src);
                added += r.conversations();
                out.println("merged " + src + ": " + r.conversations() + " conversations, " + r.slots()
                        + " experiment slots");
            } catch (StorageException e) {
                spec.commandLine().getErr().println("merge: " + e.getMessage());
                return 3;
            }
        }
        out.println("{\"into\": \"" + into.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\", \"sources\": "
                + sources.size() + ", \"conversations\": " + added + "}");
        out.flush();
        return 0;
    }
}
