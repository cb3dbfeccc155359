package org.userlm.workbench.app;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.simulation.experiment.ExperimentPlan;
import org.userlm.workbench.simulation.experiment.ExperimentReporter;
import org.userlm.workbench.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code experiment resume --id ID [--db FILE]}: runs the stored plan's missing conversations. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Run what is missing of a stored experiment (after a crash, kill -9 or Ctrl+C).")
final class ExperimentResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID")
    String id;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try (AppContext ctx = AppContext.open(db.given())) {
            Experiment e = ctx.experiments().find(id).orElse(null);
            if (e == null) {
                err.println("experiment resume: no experiment with id " + id + " in " + ctx.databaseFile());
                return 2;
            }
            var slots = ctx.experiments().slots(id);
            var tasks = new ExperimentReporter(ctx.experiments(), ctx.tasks(), ctx.judgeCache(), ctx).tasksOf(slots);
            return ExperimentCli.run(ctx, ExperimentPlan.stored(id, e.configJson(), sorted(tasks)), true,
                    spec.commandLine().getOut(), err);
        } catch (StorageException e) {
            err.println("experiment resume: " + e.getMessage());
            return 3;
        }
    }

    private static Map<String, Task> sorted(
            Map<String, Task> m) {
        return new TreeMap<>(m);
    }
}
