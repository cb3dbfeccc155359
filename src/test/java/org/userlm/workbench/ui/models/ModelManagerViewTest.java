package org.userlm.workbench.ui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.models.HubClient;
import org.userlm.workbench.models.ModelDescriptor;
import org.userlm.workbench.models.ServerPresets;
import org.userlm.workbench.tasks.SharedData;
import org.userlm.workbench.testing.HubMimic;
import org.userlm.workbench.ui.welcome.WelcomeActions;
import org.userlm.workbench.ui.welcome.WelcomeView;

/**
 * The model manager downloads the tiny model from the loopback Hub mimic with progress, and the welcome page's four
 * ways in call their actions. With {@code -Dmodels.screenshots=DIR} it also writes the PNGs of docs/screenshots.
 */
class ModelManagerViewTest extends FxRobot {
    @TempDir
    Path tmp;
    HubMimic hub;
    Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        hub = HubMimic.start().repo("userlm-workbench/tiny-llama-a", SharedData.goldenModel(), false);
        System.setProperty("userlm.data.dir", tmp.resolve("data").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        hub.close();
        System.clearProperty("userlm.data.dir");
    }

    private void showScene(Parent root, double w, double h, boolean dark) throws Exception {
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(root, w, h);
            scene.getStylesheets().add(getClass().getResource("/assets/css/workbench.css").toExternalForm());
            scene.getStylesheets().add(getClass().getResource(dark ? "/assets/css/dark.css"
                    : "/assets/css/light.css").toExternalForm());
            s.setScene(scene);
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void downloadsTheSelectedModelWithProgressAndListsTheFolder() throws Exception {
        hub.throttle(60_000);
        ModelManagerViewModel vm = new ModelManagerViewModel(() -> new HubClient(hub.endpoint(), null, 5000, 5000),
                tmp.resolve("downloads"), tmp.resolve("hf-hub"));
        ModelManagerView view = WaitForAsyncUtils.asyncFx(() -> new ModelManagerView(vm, null)).get(10,
                TimeUnit.SECONDS);
        showScene(view, 1000, 620, false);
        WaitForAsyncUtils.asyncFx(vm::refresh).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.descriptors().size() == 5);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                vm.fitText.get().startsWith("UserLM-8b needs")).get());
        screenshot(view, "model-manager.png");
        interact(() -> view.getScene().getStylesheets().set(1,
                getClass().getResource("/assets/css/dark.css").toExternalForm()));
        screenshot(view, "model-manager-dark.png");
        interact(() -> view.getScene().getStylesheets().set(1,
                getClass().getResource("/assets/css/light.css").toExternalForm()));
        TableView<?> table = WaitForAsyncUtils.asyncFx(() -> lookup("#modelTable").queryTableView()).get();
        assertEquals(5, WaitForAsyncUtils.asyncFx(() -> table.getItems().size()).get());
        interact(() -> vm.selectedProperty().set(vm.descriptors().stream()
                .filter(d -> d.id().equals("tiny-llama-a")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#downloadButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                vm.downloadText.get().contains("/s")).get());
        String during = WaitForAsyncUtils.asyncFx(() -> lookup("#downloadStatus").queryAs(Label.class).getText())
                .get();
        assertTrue(during.startsWith("tiny-llama-a (test model): ") && during.contains(" of "), during);
        screenshot(view, "model-download.png");
        hub.throttle(-1);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.downloading.get());
        String done = WaitForAsyncUtils.asyncFx(() -> vm.downloadText.get()).get();
        assertTrue(done.contains("is ready"), done);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.folders().size() == 1);
        assertEquals("userlm-workbench/tiny-llama-a", vm.folders().get(0).repo());
        assertTrue(vm.folders().get(0).loadable());
        assertTrue(Files.isRegularFile(tmp.resolve("downloads/userlm-workbench--tiny-llama-a/tokenizer.json")));
        interact(vm::shutdown);
    }

    @Test
    void theWelcomePageOffersFourWaysIn() throws Exception {
        List<String> calls = new ArrayList<>();
        WelcomeActions actions = new WelcomeActions() {
            @Override
            public void demo() {
                calls.add("demo");
            }

            @Override
            public void server(ServerPresets.Preset preset, String baseUrl, String model) {
                calls.add("server " + preset.id() + " " + baseUrl + " " + model);
            }

            @Override
            public void download(String modelId) {
                calls.add("download " + modelId);
            }

            @Override
            public void openFolder() {
                calls.add("folder");
            }

            @Override
            public void close(boolean showAgain) {
                calls.add("close " + showAgain);
            }
        };
        WelcomeView view = WaitForAsyncUtils.asyncFx(() -> new WelcomeView(actions)).get(10, TimeUnit.SECONDS);
        showScene(view, 900, 600, false);
        screenshot(view, "welcome.png");
        clickOn("#demoButton");
        interact(() -> lookup("#presetBox").<javafx.scene.control.ComboBox<ServerPresets.Preset>>query()
                .getSelectionModel().select(1));
        assertEquals("http://127.0.0.1:11434/v1", WaitForAsyncUtils.asyncFx(() ->
                lookup("#serverUrl").queryAs(TextField.class).getText()).get());
        interact(() -> lookup("#serverModel").queryAs(TextField.class).setText("userlm"));
        clickOn("#connectButton");
        clickOn("#downloadUserLmButton");
        clickOn("#openFolderButton");
        clickOn("#closeWelcome");
        assertEquals(List.of("demo", "server ollama http://127.0.0.1:11434/v1 userlm", "download userlm-8b",
                "folder", "close false"), calls);
        ModelDescriptor u = org.userlm.workbench.models.ModelCatalog.bundled().get(0);
        String text = WaitForAsyncUtils.asyncFx(() -> lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null && t.contains("needs")).findFirst()
                .orElse("")).get();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%.1f GB on a GPU", u.memoryOn("gpu")
                .totalGb())), text);
        assertFalse(calls.contains("close true"));
    }

    /** Writes a PNG of the node's scene when -Dmodels.screenshots=DIR is given. */
    private void screenshot(Parent view, String name) throws Exception {
        String dir = System.getProperty("models.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(10,
                TimeUnit.SECONDS);
        BufferedImage argb = SwingFXUtils.fromFXImage(img, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(argb, 0, 0, null);
        Files.createDirectories(Path.of(dir));
        ImageIO.write(rgb, "png", Path.of(dir, name).toFile());
    }
}
