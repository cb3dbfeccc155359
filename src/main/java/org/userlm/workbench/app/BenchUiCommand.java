package org.userlm.workbench.app;

import java.util.concurrent.Callable;
import javafx.application.Platform;
import org.userlm.workbench.ui.bench.StreamBench;
import org.userlm.workbench.ui.shell.ConversationWarmup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-ui}: streams synthetic tokens into the real conversation view and reports FX frame timings. */
@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        description = "Stream N tokens/s into the conversation view; report achieved tokens/s and FX frame times.")
final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--rate", description = "tokens per second offered (default ${DEFAULT-VALUE})")
    int rate = 5000;

    @Option(names = "--seconds", description = "how long to stream (default ${DEFAULT-VALUE})")
    double seconds = 10;

    @Option(names = "--turn-tokens", description = "tokens per turn before the next bubble (default ${DEFAULT-VALUE})")
    int turnTokens = 1200;

    @Option(names = "--warmup", description = "off-screen warm-up rounds before streaming, as the window runs them"
            + " once complete; 0 for none (default ${DEFAULT-VALUE})")
    int warmup = ConversationWarmup.ROUNDS;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getProperty("glass.platform") == null) {
            System.err.println("bench-ui needs a display: run it under xvfb-run (e.g. xvfb-run -a java -jar "
                    + "target/userlm-workbench.jar bench-ui)");
            return 2;
        }
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        Platform.startup(() -> { });
        try {
            StreamBench.Result r = StreamBench.run(rate, seconds, turnTokens, warmup);
            System.out.println(r);
            return 0;
        } finally {
            Platform.exit();
        }
    }
}
