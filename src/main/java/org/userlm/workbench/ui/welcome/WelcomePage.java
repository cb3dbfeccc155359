package org.userlm.workbench.ui.welcome;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.userlm.workbench.models.ServerPresets;
import org.userlm.workbench.ui.common.Owners;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendForm;
import org.userlm.workbench.ui.settings.BackendProfile;

/**
 * Shows the welcome page over the main window on the first start (until "Show this page at start" is unticked),
 * and applies the choice to the simulator's backend form. {@code -Duserlm.welcome=false} never shows it.
 */
public final class WelcomePage {
    static final String SEEN = "welcome-seen";

    private WelcomePage() {
    }

    /** True when the page should open at start. */
    public static boolean firstRun(Path configDir) {
        return Boolean.parseBoolean(System.getProperty("userlm.welcome", "true"))
                && !Files.exists(configDir.resolve(SEEN));
    }

    /** Opens the page; {@code openModels} opens the model manager on a descriptor id. */
    public static Stage show(Window owner, List<String> css, Path configDir, BackendForm simulator,
                             Consumer<String> openModels) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.initModality(Modality.WINDOW_MODAL);
        s.setTitle("Welcome — UserLM Workbench");
        WelcomeActions actions = new WelcomeActions() {
            @Override
            public void demo() {
                BackendProfile.builtIns().stream().filter(p -> p.kind() == BackendChoice.DEMO).findFirst()
                        .ifPresent(simulator.profileProperty()::set);
                close(false);
            }

            @Override
            public void server(ServerPresets.Preset preset, String baseUrl, String model) {
                String name = (preset == null ? "Server" : preset.name()) + " · " + model;
                simulator.profileProperty().set(new BackendProfile(name, BackendChoice.OPENAI_CHAT, baseUrl, model,
                        preset == null ? null : preset.apiKeyEnv(), null));
                close(false);
            }

            @Override
            public void download(String modelId) {
                close(false);
                openModels.accept(modelId);
            }

            @Override
            public void openFolder() {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("A Hugging Face model folder (config.json, safetensors)");
                var dir = chooser.showDialog(s);
                if (dir != null && !new File(dir, "config.json").isFile()) {
                    Owners.own(new Alert(Alert.AlertType.WARNING,
                            dir + " is not a model folder: it has no config.json. Pick the folder that holds "
                                    + "config.json, tokenizer.json and the .safetensors files."), s).showAndWait();
                    return;
                }
                if (dir != null) {
                    simulator.profileProperty().set(new BackendProfile("Local folder · " + dir.getName(),
                            BackendChoice.LOCAL, null, dir.getName(), null, dir.getAbsolutePath()));
                    close(false);
                }
            }

            @Override
            public void close(boolean showAgain) {
                markSeen(configDir, showAgain);
                s.close();
            }
        };
        WelcomeView view = new WelcomeView(actions);
        // A larger window centres the page instead of leaving its lower half empty.
        view.setMaxSize(1040, Region.USE_PREF_SIZE);
        Scene scene = new Scene(new StackPane(view), 900, 600);
        scene.getStylesheets().setAll(css);
        s.setScene(scene);
        s.show();
        return s;
    }

    static void markSeen(Path configDir, boolean showAgain) {
        try {
            if (showAgain) {
                Files.deleteIfExists(configDir.resolve(SEEN));
            } else {
                Files.createDirectories(configDir);
                Files.writeString(configDir.resolve(SEEN), "the welcome page was closed\n");
            }
        } catch (IOException e) {
            // not fatal: the page shows again next time
        }
    }
}
