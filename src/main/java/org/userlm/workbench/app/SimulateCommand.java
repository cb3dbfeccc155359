package org.userlm.workbench.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code simulate}: runs conversations headless and stores them. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Run simulated conversations.")
final class SimulateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
