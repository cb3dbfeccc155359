package org.userlm.workbench.ui.experiments;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.app.Main;
import org.userlm.workbench.domain.Experiment;
import org.userlm.workbench.testing.ExperimentFixture;
import org.userlm.workbench.ui.shell.MainWindow;

/**
 * Regenerates docs/screenshots/experiments-*.png (not a test): runs a 3 × 2 × 12 × 3 experiment against the scripted
 * servers, opens the real main window on it, switches to Experiments and snapshots the scene at 1024x700 and
 * 1440x900, light and dark. Run under xvfb-run with the test classes on the class path; argument: output folder.
 */
public final class ExperimentScreenshots {
    private ExperimentScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path dir = Files.createTempDirectory("experiment-shots");
        Path db = dir.resolve("w.db");
        try (ExperimentFixture fx = new ExperimentFixture(0)) {
            Path config = dir.resolve("exp.json");
            Files.writeString(config, fx.config(ExperimentFixture.tasks(dir, 12), 3, 3, 8)
                    .replace("\"fixture\"", "\"UserLM vs prompted vs sharded (scripted servers)\""));
            int code = Main.run("experiment", "run", "--config", config.toString(), "--db", db.toString());
            if (code != 0) {
                throw new IllegalStateException("experiment run exited " + code);
            }
        }
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        Platform.startup(() -> { });
        GuiServices services = GuiServices.open(db);
        Stage[] stage = new Stage[1];
        MainWindow[] window = new MainWindow[1];
        fx(() -> {
            stage[0] = new Stage();
            window[0] = new MainWindow(services, dir.resolve("config"));
            window[0].show(stage[0]);
            TabPane tabs = (TabPane) stage[0].getScene().lookup(".workspace-tabs");
            tabs.getSelectionModel().select(3);
        });
        Thread.sleep(1500);
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Experiment> list = (ComboBox<Experiment>) stage[0].getScene().lookup("#expList");
            list.getSelectionModel().select(0);
        });
        Thread.sleep(2500);
        for (boolean dark : new boolean[] {false, true}) {
            if (dark) {
                fx(() -> ((Button) stage[0].getScene().lookup("#themeToggle")).fire());
            }
            for (int[] size : new int[][] {{1024, 700}, {1440, 900}}) {
                fx(() -> {
                    stage[0].setWidth(size[0]);
                    stage[0].setHeight(size[1]);
                });
                Thread.sleep(1200);
                String name = "experiments-" + size[0] + (dark ? "-dark" : "") + ".png";
                snapshot(stage[0].getScene(), out.resolve(name));
            }
        }
        fx(() -> ((Button) stage[0].getScene().lookup("#themeToggle")).fire());
        String[] tabs = {"success", "paired", "heatmap", "turns", "words", "diversity"};
        for (int i = 1; i < tabs.length; i++) {
            int index = i;
            fx(() -> ((TabPane) stage[0].getScene().lookup("#dashboardCharts")).getSelectionModel().select(index));
            Thread.sleep(800);
            snapshot(stage[0].getScene(), out.resolve("experiments-chart-" + tabs[i] + ".png"));
        }
        fx(() -> stage[0].close());
        services.close();
        Platform.exit();
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        f.get(30, TimeUnit.SECONDS);
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        CompletableFuture<BufferedImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(SwingFXUtils.fromFXImage(scene.snapshot(null), null)));
        BufferedImage bi = img.get(30, TimeUnit.SECONDS);
        BufferedImage rgb = new BufferedImage(bi.getWidth(), bi.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(bi, 0, 0, null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(rgb, "png", file.toFile());
        System.out.println("wrote " + file + " " + bi.getWidth() + "x" + bi.getHeight());
    }
}
