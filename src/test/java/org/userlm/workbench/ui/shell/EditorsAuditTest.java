package org.userlm.workbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.conversation.MarkdownRenderer;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.ProfileStore;
import org.userlm.workbench.ui.settings.SettingsView;
import org.userlm.workbench.ui.settings.SettingsViewModel;

/**
 * The main audit sees the settings editors only where the drawer happens to be scrolled: this one scrolls the whole
 * settings column (editors with highlighted and flagged text, the chat-template editor shown) and a highlighted code
 * block, at 1024×700, light and dark, for cut text and contrast. {@code -Dscreenshots.dir=DIR} writes PNGs.
 */
class EditorsAuditTest {
    private static final String CODE = "Try this:\n\n```python\ndef mean(xs):\n    # the average\n    return "
            + "sum(xs) / len(xs) if xs else None\n\nprint(mean([1, 2.5]), 'done')\n```\n\n```json\n{\"a\": [true, "
            + "null, 3]}\n```";
    @TempDir
    Path dir;
    private GuiServices services;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (services != null) {
            services.close();
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    @Test
    void settingsEditorsAndCodeBlocksAreReadableInBothThemes() throws Exception {
        services = GuiServices.open(dir.resolve("s.db"));
        SettingsViewModel vm = new SettingsViewModel(services, new CurrentThreadTaskExecutor(),
                new ProfileStore(dir.resolve("cfg")));
        FxToolkit.registerPrimaryStage();
        Scene[] scene = new Scene[1];
        SettingsView[] settings = new SettingsView[1];
        FxToolkit.setupStage(s -> {
            settings[0] = new SettingsView(vm);
            settings[0].setPrefWidth(510);
            settings[0].setMinWidth(510); // the drawer's narrowest
            ScrollPane turn = new ScrollPane(MarkdownRenderer.render(CODE));
            turn.setFitToWidth(true);
            HBox.setHgrow(turn, Priority.ALWAYS);
            scene[0] = new Scene(new HBox(turn, settings[0]), 1024, 700);
            s.setScene(scene[0]);
            s.show();
        });
        fx(() -> {
            vm.simulator().kindProperty().set(BackendChoice.OPENAI_COMPLETIONS);
            vm.simulator().chatTemplateProperty().set("{# ours #}\n{% for m in messages %}{{ m['content'] }}"
                    + "{% endfor %}\n{{ oops( }}");
            vm.protocol().intentTemplateProperty().set("You want to {goal}\n\n{problem} {typo}");
            return null;
        });
        List<String> problems = new ArrayList<>();
        for (String theme : new String[] {"light", "dark"}) {
            fx(() -> scene[0].getStylesheets().setAll(css("workbench"), css(theme)));
            for (double v : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                fx(() -> {
                    settings[0].setVvalue(v);
                    return null;
                });
                WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // editors restyle once their text settles
                problems.addAll(fx(() -> LayoutAudit.check((Parent) scene[0].getRoot(), "editors-" + theme + "@"
                        + v)));
                shoot(scene[0], "editors-" + theme + "-" + (int) (v * 100));
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    private String css(String name) {
        return getClass().getResource("/assets/css/" + name + ".css").toExternalForm();
    }

    private static void shoot(Scene scene, String name) throws Exception {
        String out = System.getProperty("screenshots.dir");
        if (out != null) {
            var img = fx(() -> scene.snapshot(null));
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of(out).resolve(name + ".png").toFile());
        }
    }
}
