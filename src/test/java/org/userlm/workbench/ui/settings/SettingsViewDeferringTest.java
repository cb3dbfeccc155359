package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/**
 * The main window's settings column builds the cards below the fold when scrolled near, or a moment after it is
 * shown; the cards in view are there at once, and a card built late shows the view model's current values.
 */
class SettingsViewDeferringTest extends FxRobot {
    @TempDir
    Path dir;
    private ThreadPoolTaskExecutor executor;
    private GuiServices services;
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new ThreadPoolTaskExecutor(Platform::runLater);
        services = GuiServices.open(dir.resolve("s.db"));
        vm = Fx.call(() -> new SettingsViewModel(services, executor, new ProfileStore(dir)));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
        services.close();
    }

    private int count(String query) throws Exception {
        return Fx.call(() -> lookup(query).queryAll().size());
    }

    @Test
    void cardsBelowTheFoldComeWhenScrolledTo() throws Exception {
        // 300 px tall: the assistant card starts ~750 px down, below the view.
        SettingsView view = Fx.showThemed(() -> new SettingsView(vm, true, Integer.MAX_VALUE), 460, 300)
                .getRoot() instanceof SettingsView v ? v : null;
        assertEquals(1, count("#simBaseUrl"), "the first card is there at once");
        assertEquals(0, count("#asstBaseUrl"), "the assistant card waits below the fold");
        assertEquals(0, count("#maxUserTurns"));
        assertEquals(3, count(".settings-card-waiting"));
        assertFalse(Fx.call(view::complete));
        assertTrue(Fx.call(view::completeInView), "what shows is complete");
        Fx.call(() -> {
            vm.maxUserTurns.set(7); // changed while its card waits
            view.setVvalue(1.0);
            return null;
        });
        Fx.await(() -> view.completeInView() && lookup(".settings-card-waiting").queryAll().size() < 3);
        for (double v = 0.8; v >= 0 && !Fx.call(view::complete); v -= 0.2) { // scrolling back up brings the rest
            double at = v;
            Fx.call(() -> {
                view.setVvalue(at);
                return null;
            });
            Fx.await(() -> view.completeInView());
        }
        Fx.await(view::complete);
        assertEquals(0, count(".settings-card-waiting"));
        assertEquals(7, (int) Fx.call(() -> ((Spinner<?>) lookup("#maxUserTurns").query()).getValue()),
                "a card built late binds the current value");
        assertEquals(1, count("#asstBaseUrl"));
    }

    @Test
    void aCardJustBelowTheFoldWaitsUntilItShows() throws Exception {
        SettingsView view = Fx.showThemed(() -> new SettingsView(vm, true, Integer.MAX_VALUE), 460, 300)
                .getRoot() instanceof SettingsView v ? v : null;
        // Scrolls so that the assistant card's (first waiting) content starts `below` px under the view's bottom.
        double[] geometry = Fx.call(() -> {
            Node placeholder = lookup(".settings-card-waiting").query();
            double top = view.getContent().sceneToLocal(placeholder.localToScene(0, 0)).getY();
            return new double[] {top, view.getViewportBounds().getHeight(),
                ((Region) view.getContent()).getHeight()};
        });
        double top = geometry[0];
        double viewport = geometry[1];
        double range = geometry[2] - viewport;
        for (double below : new double[] {100, -40}) {
            double offset = top - viewport - below;
            Fx.call(() -> {
                view.setVvalue(offset / range);
                return null;
            });
            for (int i = 0; i < 3; i++) { // a few pulses: the watch runs after a layout, the build with runLater
                Thread.sleep(50);
                WaitForAsyncUtils.waitForFxEvents();
            }
            if (below > 0) {
                assertEquals(0, count("#asstBaseUrl"), "100 px below the view, the card waits");
                assertTrue(Fx.call(view::completeInView));
            } else {
                Fx.await(() -> lookup("#asstBaseUrl").queryAll().size() == 1);
            }
        }
    }

    @Test
    void cardsStillWaitingAreBuiltOnceTheViewHasBeenUp() throws Exception {
        SettingsView view = Fx.showThemed(() -> new SettingsView(vm, true, 5), 460, 400)
                .getRoot() instanceof SettingsView v ? v : null;
        Fx.await(view::complete);
        assertEquals(1, count("#asstBackend"));
        assertTrue(Fx.call(() -> lookup("#asstBackend").query() instanceof ChoiceBox<?>));
        assertEquals(1, count("#intentEditor"));
    }

    @Test
    void thePlainConstructorBuildsEveryCard() throws Exception {
        SettingsView view = Fx.showThemed(() -> new SettingsView(vm), 460, 400)
                .getRoot() instanceof SettingsView v ? v : null;
        assertTrue(Fx.call(view::complete));
        assertEquals(1, count("#asstBaseUrl"));
        assertEquals(0, count(".settings-card-waiting"));
    }
}
