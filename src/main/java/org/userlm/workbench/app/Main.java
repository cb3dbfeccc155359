package org.userlm.workbench.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.userlm.workbench.ui.common.StartProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code target/userlm-workbench.jar}: the GUI with no arguments, CLI subcommands otherwise.
 * This class must not extend {@code javafx.application.Application} (JavaFX from the classpath refuses to
 * start an Application subclass as the jar's main class).
 */
@Command(name = "userlm-workbench", mixinStandardHelpOptions = true, version = "UserLM Workbench 0.1",
        description = "Study user simulators (UserLM-8b and friends) against assistant LLMs.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SimulateCommand.class,
            ExportCommand.class,
            GradeCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            BenchStoreCommand.class,
            BenchStartCommand.class,
            AgreementCommand.class,
            ExportAnnotationsCommand.class,
            ImportAnnotationsCommand.class,
            AnnotateCommand.class,
            CompareCommand.class,
            IntrinsicCommand.class,
            ImportConversationsCommand.class,
            ExportComparisonCommand.class,
            BenchUiCommand.class,
            ModelsCommand.class,
            ExperimentCommand.class,
            MergeCommand.class,
            BenchExperimentCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        StartProbe.mark("main");
        if (args.length == 0 || args[0].equals("--db") || args[0].startsWith("--db=")) {
            GuiLauncher.launch(args);
            return;
        }
        if (args.length == 1 && !args[0].startsWith("-") && Files.isRegularFile(Path.of(args[0]))) {
            openFromDesktop(Path.of(args[0]));
            return;
        }
        System.exit(run(args));
    }

    /**
     * A file opened from the desktop (the installers' file associations): an annotation file ({@code .ulmann}) is
     * imported into the default database, then the window opens; any other file is imported as tasks by the window.
     */
    private static void openFromDesktop(Path file) {
        if (file.getFileName().toString().endsWith(".ulmann")) {
            int rc = run("import-annotations", file.toString());
            if (rc != 0) {
                System.exit(rc);
            }
            GuiLauncher.launch(new String[0]);
        } else {
            GuiLauncher.launch(new String[] {"--open", file.toString()});
        }
    }

    /** Runs the CLI in-process on the process's streams and returns the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI in-process with the given streams and returns the exit status (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        AppProperties.applyDefaults();
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::unexpected)
                .setOut(out).setErr(err).execute(args);
    }

    /** A failure no command handled: the whole trace goes to the log, one line to the user. */
    private static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        LoggerFactory.getLogger(Main.class).error("{} failed", cmd.getCommandName(), e);
        cmd.getErr().println(cmd.getCommandName() + ": " + e + " (details in " + LogFiles.file() + ")");
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
