package org.userlm.workbench.ui.models;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.userlm.workbench.models.LocalFolders;

/** The model manager in its own window; closing it pauses a running download (partial files are kept). */
public final class ModelManagerWindow {
    private ModelManagerWindow() {
    }

    /** Opens the window with the workbench's stylesheets; selects {@code modelId} when not null. */
    public static Stage show(Window owner, List<String> stylesheets, String modelId,
                             Consumer<LocalFolders.Folder> useFolder) {
        ModelManagerViewModel vm = ModelManagerViewModel.standard();
        ModelManagerView view = new ModelManagerView(vm, useFolder);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle("Models — UserLM Workbench");
        Scene scene = new Scene(view, 1000, 620);
        scene.getStylesheets().setAll(stylesheets);
        s.setScene(scene);
        s.setOnHidden(e -> vm.shutdown());
        if (modelId != null) {
            vm.descriptors().addListener((ListChangeListener<Object>) c ->
                    vm.descriptors().stream().filter(d -> d.id().equals(modelId)).findFirst()
                            .ifPresent(vm.selectedProperty()::set));
        }
        vm.refresh();
        s.show();
        return s;
    }
}
