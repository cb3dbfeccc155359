package org.userlm.workbench.ui.shell;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.userlm.workbench.ui.annotation.AnnotationView;
import org.userlm.workbench.ui.annotation.AnnotatorName;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.compare.CompareView;
import org.userlm.workbench.ui.compare.CompareViewModel;

/**
 * The three workspaces of the main window: Live (one conversation), Compare (2-4 simulators side by side) and
 * Annotate. Compare and Annotate are built the first time they are shown, so start-up pays only for Live.
 */
final class Workspaces {
    static final String[] NAMES = {"Live", "Compare", "Annotate"};

    private final WorkbenchServices services;
    private final TabPane pane = new TabPane();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workspace-bg");
        t.setDaemon(true);
        return t;
    });
    private CompareViewModel compare;

    Workspaces(WorkbenchServices services, Node live) {
        this.services = services;
        Tab liveTab = tab("liveTab", NAMES[0]);
        liveTab.setContent(live);
        pane.getTabs().setAll(liveTab, tab("compareTab", NAMES[1]), tab("annotateTab", NAMES[2]));
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.getStyleClass().add("workspace-tabs");
        pane.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> build(i.intValue()));
    }

    private static Tab tab(String id, String name) {
        Tab t = new Tab(name);
        t.setId(id);
        return t;
    }

    private void build(int index) {
        Tab t = pane.getTabs().get(index);
        if (t.getContent() != null) {
            return;
        }
        if (index == 1) {
            compare = new CompareViewModel(services.conversations(), services.comparisons(), services,
                    () -> services.tasks().all(), background).storeLabelsIn(services.turnLabels());
            t.setContent(new CompareView(compare, background));
        } else if (index == 2) {
            t.setContent(new javafx.scene.control.Label("Loading annotation schemas…"));
            // The first run writes the default schema: do that off the FX thread, then build the view (a read).
            background.execute(() -> {
                try {
                    services.annotationSchemas().ensureDefault();
                } catch (RuntimeException e) {
                    javafx.application.Platform.runLater(() -> t.setContent(new javafx.scene.control.Label(
                            "Cannot open the annotation schemas: " + e.getMessage())));
                    return;
                }
                javafx.application.Platform.runLater(() -> t.setContent(new AnnotationView(services.conversations(),
                        services.annotations(), services.annotationSchemas(), AnnotatorName.fromPreferences())));
            });
        }
    }

    TabPane node() {
        return pane;
    }

    void select(int index) {
        if (index >= 0 && index < pane.getTabs().size()) {
            pane.getSelectionModel().select(index);
            build(index);
        }
    }

    int selected() {
        return pane.getSelectionModel().getSelectedIndex();
    }

    /** Stops running comparisons; called when the window closes. */
    void stop() {
        if (compare != null) {
            compare.stop();
        }
        background.shutdownNow();
    }
}
