package org.userlm.workbench.app;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code experiment run|resume|list|report}: the paper's kind of experiment (tasks × simulators × assistants × runs).
 * Exit codes: 0 done (failed conversations are counted, not fatal); 2 bad arguments or config (the message names the
 * key) or an unknown experiment; 3 unusable inputs (task file, database); 4 interrupted (Ctrl+C: resume later).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run, resume, list and report experiments (tasks x simulators x assistants x runs).",
        subcommands = {ExperimentRunCommand.class, ExperimentResumeCommand.class, ExperimentListCommand.class,
            ExperimentReportCommand.class})
final class ExperimentCommand implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
