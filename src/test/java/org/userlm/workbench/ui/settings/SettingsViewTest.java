package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/**
 * The simulator form as a user drives it: the "modified" marker and Revert, a backend switch that drops the demo
 * URL, and the server's models offered after "Test connection" against a loopback server. Lookups on the FX thread.
 */
class SettingsViewTest extends FxRobot {
    @TempDir
    Path dir;
    ThreadPoolTaskExecutor executor;
    GuiServices services;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new ThreadPoolTaskExecutor(Platform::runLater);
        services = GuiServices.open(dir.resolve("s.db"));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        executor.shutdown();
        services.close();
    }

    private boolean visible(String id) throws Exception {
        return Fx.call(() -> lookup(id).query().isVisible());
    }

    private String text(String id) throws Exception {
        return Fx.call(() -> lookup(id).queryAs(TextField.class).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void markerRevertBackendSwitchAndServerModels() throws Exception {
        SettingsViewModel vm = Fx.call(() -> new SettingsViewModel(services, executor, new ProfileStore(dir)));
        SettingsView view = Fx.call(() -> new SettingsView(vm));
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(view, 460, 700));
            s.show();
        });
        assertEquals("demo://scripted", text("#simBaseUrl"));
        assertFalse(visible("#simModified"), "the demo profile as saved");
        assertTrue(visible("#simBrowseFolder"), "a folder can be browsed for");
        interact(() -> lookup("#simModel").queryAs(TextField.class).setText("demo-other"));
        assertTrue(visible("#simModified"));
        assertTrue(visible("#simRevert"));
        Fx.click(this, "#simRevert");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !visible("#simModified"));
        assertEquals("demo-model", text("#simModel"));

        interact(() -> ((ChoiceBox<BackendChoice>) lookup("#simBackend").query()).setValue(BackendChoice.OPENAI_CHAT));
        assertEquals("http://127.0.0.1:8000/v1", text("#simBaseUrl"), "no demo:// URL for a server");
        assertFalse(visible("#simServerModels"), "nothing listed before a test");
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.models("microsoft/UserLM-8b", "other-model");
            interact(() -> lookup("#simBaseUrl").queryAs(TextField.class).setText(server.baseUrl()));
            interact(() -> lookup("#simModel").queryAs(TextField.class).setText(""));
            Fx.click(this, "#simTestConnection");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible("#simServerModels"));
        }
        ComboBox<String> models = (ComboBox<String>) Fx.node(this, "#simServerModels");
        assertEquals(List.of("microsoft/UserLM-8b", "other-model"), Fx.call(() -> List.copyOf(models.getItems())));
        interact(() -> models.getSelectionModel().select("other-model"));
        assertEquals("other-model", text("#simModel"), "a listed model fills the Model field");
    }
}
