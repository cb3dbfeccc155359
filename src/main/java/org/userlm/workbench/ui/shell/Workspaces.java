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
 * The workspaces of the main window: Live (one conversation), Compare (2-4 simulators side by side), Annotate and
 * Experiments (Ctrl+4). All but Live are built the first time they are shown, so start-up pays only
 * for Live.
 */
final class Workspaces {
    static final String[] NAMES = {"Live", "Compare", "Annotate", "Experiments"};

    private final WorkbenchServices services;
    private final TabPane pane = new TabPane();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "workspace-bg");
        t.setDaemon(true);
        return t;
    });
    private CompareViewModel compare;
    private org.userlm.workbench.ui.experiments.ExperimentsView experimentsView;
    private org.userlm.workbench.ui.common.Background experimentsBg;
    private java.util.function.Supplier<java.util.List<org.userlm.workbench.ui.settings.BackendProfile>> profiles;
    private java.util.function.Consumer<String> openConversation = id -> { };

    Workspaces(WorkbenchServices services, Node live) {
        this.services = services;
        Tab liveTab = tab("liveTab", NAMES[0]);
        liveTab.setContent(live);
        pane.getTabs().setAll(liveTab, tab("compareTab", NAMES[1]), tab("annotateTab", NAMES[2]),
                tab("experimentsTab", NAMES[3]));
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
                    () -> services.tasks().all(), background);
            t.setContent(new CompareView(compare, background));
        } else if (index == 3) {
            experimentsView = new org.userlm.workbench.ui.experiments.ExperimentsView(
                    new org.userlm.workbench.ui.experiments.ExperimentsViewModel(services, experimentsBg, profiles),
                    openConversation);
            t.setContent(experimentsView);
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

    /** What the Experiments workspace needs from the window: a background, the saved profiles, an opener. */
    void experiments(org.userlm.workbench.ui.common.Background bg,
                     java.util.function.Supplier<java.util.List<org.userlm.workbench.ui.settings.BackendProfile>> saved,
                     java.util.function.Consumer<String> open) {
        this.experimentsBg = bg;
        this.profiles = saved;
        this.openConversation = open;
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
        if (experimentsView != null) {
            experimentsView.stop();
        }
        background.shutdownNow();
    }
}
