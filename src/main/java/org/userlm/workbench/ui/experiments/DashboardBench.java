package org.userlm.workbench.ui.experiments;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.userlm.workbench.evaluation.experiment.ExperimentReport;

/**
 * Measures how long the results dashboard takes to open: the report loaded off the FX thread (as the workspace
 * does), then the charts and the table built, shown and laid out, until the next pulse has rendered them. For
 * {@code bench-experiment --ui}; needs a running FX toolkit.
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    /** Milliseconds from the request to the rendered dashboard; the window is closed afterwards. */
    public static long openMillis(Supplier<ExperimentReport> load) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<ExperimentReport> report = CompletableFuture.supplyAsync(load);
        ExperimentReport r = report.get(60, TimeUnit.SECONDS);
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            DashboardPane pane = new DashboardPane();
            pane.show(r);
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, 1280, 800));
            stage.show();
            pane.applyCss();
            pane.layout();
            // One more pulse: the charts are drawn.
            Platform.runLater(() -> {
                shown.complete((System.nanoTime() - t0) / 1_000_000);
                stage.close();
            });
        });
        return shown.get(60, TimeUnit.SECONDS);
    }
}
