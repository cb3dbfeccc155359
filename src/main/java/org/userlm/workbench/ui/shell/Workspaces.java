package org.userlm.workbench.ui.shell;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.userlm.workbench.ui.annotation.AgreementDialog;
import org.userlm.workbench.ui.annotation.AnnotationView;
import org.userlm.workbench.ui.annotation.AnnotationViewModel;
import org.userlm.workbench.ui.annotation.AnnotatorName;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.compare.CompareView;
import org.userlm.workbench.ui.compare.CompareViewModel;
import org.userlm.workbench.ui.compare.JudgeViewModel;
import org.userlm.workbench.ui.experiments.ExperimentsView;
import org.userlm.workbench.ui.experiments.ExperimentsViewModel;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfileStore;

/**
 * The workspaces of the main window: Live (one conversation), Compare (2-4 simulators side by side), Annotate and
 * Experiments (Ctrl+4). All but Live are built the first time they are shown, so start-up pays only for Live. Their
 * view models are wired here and load in the background.
 */
final class Workspaces {
    static final String[] NAMES = {"Live", "Compare", "Annotate", "Experiments"};

    private final WorkbenchServices services;
    private final TabPane pane = new TabPane();
    private final TaskExecutor executor;
    private CompareViewModel compare;
    private ExperimentsView experimentsView;
    private Supplier<List<BackendProfile>> profiles;
    private Consumer<String> openConversation = id -> { };
    private ProfileStore profileStore;

    Workspaces(WorkbenchServices services, Node live, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
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
                    () -> services.tasks().all(), executor).storeLabelsIn(services.turnLabels());
            if (profileStore != null) {
                compare.useProfiles(profileStore);
            }
            JudgeViewModel judge = new JudgeViewModel(services.comparisons(), compare::completed,
                    compare.comparisonIdProperty()::get, compare::columnName, executor, new Random());
            t.setContent(new CompareView(compare, judge));
            compare.load();
        } else if (index == 3) {
            experimentsView = new ExperimentsView(new ExperimentsViewModel(services, executor, profiles),
                    openConversation);
            t.setContent(experimentsView);
        } else if (index == 2) {
            AnnotationViewModel annotation = new AnnotationViewModel(services.conversations(),
                    services.annotations(), services.annotationSchemas(), AnnotatorName.fromPreferences(), executor,
                    System::currentTimeMillis);
            t.setContent(new AnnotationView(annotation,
                    () -> AgreementDialog.show(services.annotations(), annotation.schema())));
            annotation.load();
        }
    }

    /** What the Experiments workspace needs from the window: the saved profiles and an opener. */
    void experiments(Supplier<List<BackendProfile>> saved, Consumer<String> open) {
        this.profiles = saved;
        this.openConversation = open;
    }

    /** Where Compare finds the saved backend profiles (Live's) and remembers its choice. */
    void profiles(ProfileStore store) {
        this.profileStore = store;
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
    }
}
