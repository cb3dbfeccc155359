package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.input.ScrollEvent;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.AppContext;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfileStore;

/**
 * The compare view's pickers, driven as a user would: the rows and the assistant list Live's saved profiles, the
 * mouse wheel over a picker leaves its choice alone, a typed N counts without Enter. Lookups on the FX thread.
 */
class CompareViewPickersTest extends FxRobot {
    static final Task PENS = new Task("t-pens", TaskKind.MATH, "test", "pens", "5 pens at 2 dollars?", List.of(),
            "#### 10", null);
    static final Task APPLES = new Task("t-apples", TaskKind.MATH, "test", "apples", "3 boxes of 4 apples?",
            List.of(), "#### 12", null);

    @TempDir
    Path dir;
    ThreadPoolTaskExecutor executor;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new ThreadPoolTaskExecutor(Platform::runLater);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    /** The texts the picker's cells show (the closed picker shows one). */
    private List<String> shownText(String picker) throws Exception {
        return Fx.call(() -> lookup(picker).query().lookupAll(".list-cell").stream()
                .map(c -> ((ListCell<?>) c).getText()).filter(t -> t != null && !t.isBlank()).toList());
    }

    @Test
    void rowsPickSavedProfilesAndTheWheelChangesNothing() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("cfg"));
        BackendProfile lab = new BackendProfile("lab users", BackendChoice.OPENAI_CHAT, "http://lab.invalid:8000/v1",
                "u1", null, null, SimulatorKind.PROMPTED);
        store.save(List.of(lab));
        try (AppContext ctx = AppContext.open(dir.resolve("w.db"))) {
            CompareViewModel vm = new CompareViewModel(ctx.conversations(), ctx.comparisons(), ctx,
                    () -> List.of(PENS, APPLES), executor).useProfiles(store);
            JudgeViewModel judge = new JudgeViewModel(ctx.comparisons(), vm::completed,
                    vm.comparisonIdProperty()::get, vm::columnName, executor, new Random());
            CompareView view = Fx.call(() -> new CompareView(vm, judge));
            FxToolkit.setupStage(s -> {
                s.setScene(new Scene(view, 1270, 790));
                s.show();
            });
            Fx.call(() -> {
                vm.load();
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> vm.task.get() != null));

            assertTrue(Fx.node(this, "#task") instanceof SearchableComboBox<?>, "type to narrow 1,000+ tasks");
            @SuppressWarnings("unchecked")
            ComboBox<BackendProfile> row = (ComboBox<BackendProfile>) Fx.node(this, "#profile-backend-1");
            assertEquals(BackendProfile.DEMO, Fx.call(() -> row.getValue().name()), "out of the box: the demo");
            assertTrue(Fx.call(() -> row.getItems().contains(lab)), "Live's saved profile is offered");
            interact(() -> row.setValue(lab));
            assertEquals("http://lab.invalid:8000/v1", Fx.call(() -> vm.profiles.get(1).toSettings().backend()
                    .baseUrl()), "the row runs against the saved profile's URL");
            assertEquals(SimulatorKind.PROMPTED, Fx.call(() -> vm.profiles.get(1).kind.get()));

            Task before = Fx.call(() -> vm.task.get());
            AtomicInteger wheel = new AtomicInteger();
            interact(() -> view.addEventFilter(ScrollEvent.SCROLL, e -> wheel.incrementAndGet()));
            for (String picker : List.of("#task", "#profile-backend-1", "#assistant-profile", "#profile-kind-0")) {
                moveTo(Fx.node(this, picker));
                scroll(3, VerticalDirection.DOWN);
                scroll(3, VerticalDirection.UP);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(wheel.get() >= 8, "the wheel reached the pickers: " + wheel.get());
            assertEquals(before, Fx.call(() -> vm.task.get()), "the wheel does not change the task");
            assertEquals(lab, Fx.call(() -> vm.profiles.get(1).profile.get()));
            assertEquals(BackendProfile.DEMO, Fx.call(() -> vm.choices.assistant.get().name()));
            assertEquals(SimulatorKind.USERLM, Fx.call(() -> vm.profiles.get(0).kind.get()));

            // A profile from elsewhere (a reopened comparison's stored backend) is shown, not a blank picker.
            BackendProfile stored = new BackendProfile("stored · a @ http://x.invalid/v1", BackendChoice.OPENAI_CHAT,
                    "http://x.invalid/v1", "a", null, null);
            interact(() -> vm.choices.assistant.set(stored));
            assertEquals(List.of(stored.name()), shownText("#assistant-profile"));
            assertEquals(List.of("lab users"), shownText("#profile-backend-1"));

            Spinner<?> n = (Spinner<?>) Fx.node(this, "#repeats");
            interact(() -> n.getEditor().setText("7"));
            assertEquals(7, (int) Fx.call(() -> vm.repeats.get()), "a typed N counts before Enter");
        }
    }
}
