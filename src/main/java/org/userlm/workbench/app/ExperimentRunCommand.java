package org.userlm.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.userlm.workbench.simulation.experiment.ExperimentPlan;
import org.userlm.workbench.storage.StorageException;
import org.userlm.workbench.tasks.TaskFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code experiment run --config FILE [--db FILE] [--shard I/N]}. Running the same config again resumes it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment described by a JSON config (the same config again runs what is missing).")
final class ExperimentRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "experiment config (JSON)")
    Path config;

    @Mixin
    DatabaseOption db;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only cells k with k mod N = I-1 (I from 1)")
    String shard;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ExperimentPlan plan;
        try {
            String json = Files.readString(config);
            plan = ExperimentPlan.of(json, shard == null ? ExperimentPlan.Shard.ALL : ExperimentPlan.Shard.parse(shard));
        } catch (IOException e) {
            err.println("experiment run: cannot read " + config + ": " + e.getMessage());
            return 3;
        } catch (IllegalArgumentException e) {
            err.println("experiment run: " + e.getMessage());
            return 2;
        } catch (TaskFormatException e) {
            err.println("experiment run: " + e.getMessage());
            return 3;
        }
        try (AppContext ctx = AppContext.open(db.given())) {
            return ExperimentCli.run(ctx, plan, false, spec.commandLine().getOut(), err);
        } catch (StorageException e) {
            err.println("experiment run: " + e.getMessage());
            return 3;
        }
    }
}
