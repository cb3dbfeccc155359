package org.userlm.workbench.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A failure a command handled: one line for the user, the whole trace (causes included) in the log, once. */
final class CliErrors {
    private static final Logger LOG = LoggerFactory.getLogger("org.userlm.workbench.cli");

    private CliErrors() {
    }

    /** Prints {@code line}, logs it with {@code cause} and returns {@code exitCode}. */
    static int report(PrintWriter err, String line, Throwable cause, int exitCode) {
        LOG.warn(line, cause);
        err.println(line);
        return exitCode;
    }

    /** The same for commands that write to a {@link PrintStream}. */
    static int report(PrintStream err, String line, Throwable cause, int exitCode) {
        LOG.warn(line, cause);
        err.println(line);
        return exitCode;
    }
}
