package org.userlm.workbench.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** The steps of the layout audits: audit a window (and write its PNG), open, audit and cancel a dialog. */
final class LayoutAuditSteps {
    private LayoutAuditSteps() {
    }

    /** Audits {@code w}'s scene after the pending layout passes; writes {@code name}.png with -Dscreenshots.dir. */
    static void audit(WorkbenchFixture fx, Window w, String name, Set<String> problems) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150); // one more pulse for skins that lay out late (virtual flows)
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(WaitForAsyncUtils.asyncFx(() -> {
            shot(w.getScene(), name);
            return LayoutAudit.check(w.getScene().getRoot(), name);
        }).get(20, TimeUnit.SECONDS));
    }

    /** Opens a dialog with {@code open} (on the FX thread), audits its window, then cancels it. */
    static void dialog(WorkbenchFixture fx, String name, Runnable open, Set<String> problems) throws Exception {
        List<Window> before = new ArrayList<>(Window.getWindows());
        Platform.runLater(open);
        WorkbenchFixture.waitFor(() -> newWindow(before) != null);
        Window w = newWindow(before);
        audit(fx, w, name, problems);
        fx.robot.interact(() -> {
            if (w.getScene().getFocusOwner() instanceof TextInputControl) {
                w.getScene().getRoot().requestFocus();
            }
            w.getScene().getRoot().lookupAll(".button").stream()
                    .filter(b -> b instanceof Button bb && bb.isCancelButton()).findFirst()
                    .ifPresentOrElse(b -> ((Button) b).fire(), w::hide);
        });
        WorkbenchFixture.waitFor(() -> !w.isShowing());
    }

    static Window newWindow(List<Window> before) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && !before.contains(w) && w.isShowing())
                .findFirst().orElse(null);
    }

    static void shot(Scene scene, String name) {
        String out = System.getProperty("screenshots.dir");
        if (out == null || out.isBlank()) {
            return;
        }
        try {
            Path f = Path.of(out).resolve(name + ".png");
            Files.createDirectories(f.getParent());
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", f.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
