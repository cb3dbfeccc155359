package org.userlm.workbench.ui.settings;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;

/** The helpers beside a backend form's fields: the server's model list and the model-folder chooser. */
final class BackendControls {
    private BackendControls() {
    }

    /** The models the server listed at "Test connection"; picking one fills the Model field. */
    static ComboBox<String> serverModels(BackendForm f, String prefix) {
        ComboBox<String> c = new ComboBox<>(f.serverModels);
        c.setId(prefix + "ServerModels");
        c.setPromptText("on server");
        c.setPrefWidth(110);
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setTooltip(new Tooltip("Models the server listed at the last \"Test connection\""));
        c.valueProperty().addListener((o, a, m) -> {
            if (m != null) {
                f.model.set(m);
            }
        });
        f.serverModels.addListener((ListChangeListener<String>) ch -> c.setValue(null));
        c.visibleProperty().bind(Bindings.isNotEmpty(f.serverModels));
        c.managedProperty().bind(c.visibleProperty());
        return c;
    }

    /** Chooses a local model folder (a folder with config.json and the weights). */
    static Button browse(BackendForm f, String prefix) {
        Button b = new Button("Browse…");
        b.setId(prefix + "BrowseFolder");
        b.getStyleClass().add("flat-button");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            DirectoryChooser d = new DirectoryChooser();
            d.setTitle("Local model folder");
            File now = new File(f.localPath.get().isBlank() ? "." : f.localPath.get());
            if (now.isDirectory()) {
                d.setInitialDirectory(now.getAbsoluteFile());
            }
            File dir = d.showDialog(b.getScene() == null ? null : b.getScene().getWindow());
            if (dir != null) {
                f.useFolder(dir.getPath());
            }
        });
        return b;
    }
}
