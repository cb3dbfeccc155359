package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.inference.ChatTemplate;
import org.userlm.workbench.testing.Fx;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.common.editor.CodeEditor;

/**
 * The settings' editors: a completions backend shows the chat-template override, checked as it changes, and the run
 * gets it; a local folder's own template shows read-only. With {@code -Dscreenshots.dir=DIR}, PNGs light and dark.
 */
class SettingsEditorsTest extends FxRobot {
    @TempDir
    Path dir;
    private GuiServices services;
    private SettingsViewModel vm;
    private Scene scene;

    @BeforeEach
    void open() throws Exception {
        services = GuiServices.open(dir.resolve("s.db"));
        vm = new SettingsViewModel(services, new CurrentThreadTaskExecutor(), new ProfileStore(dir.resolve("cfg")));
        scene = Fx.showThemed(() -> new SettingsView(vm), 480, 1000);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        services.close();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private boolean shown(String id) throws Exception {
        return fx(() -> lookup("#" + id).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false));
    }

    @Test
    void aCompletionsBackendGetsACheckedChatTemplateOverride() throws Exception {
        assertFalse(shown("simChatTemplate"), "the demo backend has no template");
        fx(() -> {
            vm.simulator.kind.set(BackendChoice.OPENAI_COMPLETIONS);
            vm.simulator.baseUrl.set("http://127.0.0.1:9/v1");
            return null;
        });
        assertTrue(shown("simChatTemplate"));
        assertFalse(shown("simFolderTemplate"));
        fx(() -> {
            vm.simulator.chatTemplate.set("{% for m in messages %}\n{{ m['content'] }}\n{% if %}{% endif %}\n"
                    + "{% endfor %}");
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> lookup("#simChatTemplate-message")
                .queryAs(Label.class).isVisible()));
        String msg = fx(() -> lookup("#simChatTemplate-message").queryAs(Label.class).getText());
        assertTrue(msg.startsWith("Line 3") && msg.contains("'if'"), msg);
        shoot("settings-chat-template-error");
        fx(() -> {
            vm.simulator.chatTemplate.set(ChatTemplate.USERLM_TEMPLATE);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !lookup("#simChatTemplate-message")
                .queryAs(Label.class).isVisible()));
        assertEquals(BackendKind.OPENAI_COMPLETIONS, vm.simulator.backend().kind());
        assertEquals(ChatTemplate.USERLM_TEMPLATE, vm.simulator.backend().chatTemplate());
        assertEquals(ChatTemplate.USERLM_TEMPLATE, vm.simulator.asProfile("p").chatTemplate());
        fx(() -> {
            vm.simulator.kind.set(BackendChoice.OPENAI_CHAT);
            return null;
        });
        assertNull(vm.simulator.backend().chatTemplate(), "a chat endpoint formats its own prompt");
        assertFalse(shown("simChatTemplate"));
    }

    @Test
    void aLocalFolderShowsItsOwnTemplateReadOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"chat_template\": \"{{ bos_token }}x\"}");
        fx(() -> {
            vm.simulator.kind.set(BackendChoice.LOCAL);
            vm.simulator.localPath.set(folder.toString());
            return null;
        });
        assertTrue(shown("simFolderTemplate"));
        assertFalse(shown("simChatTemplate"));
        clickOn("#simShowFolderTemplate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ((CodeEditor) lookup("#simFolderTemplate")
                .query()).getText().equals("{{ bos_token }}x")));
        assertFalse(fx(() -> ((CodeEditor) lookup("#simFolderTemplate").query()).area().isEditable()));
        shoot("settings-folder-template");
    }

    @Test
    void oldProfileFilesWithoutATemplateStillLoad() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("old"));
        Files.writeString(cfg.resolve("profiles.json"), "[{\"name\":\"mine\",\"kind\":\"OPENAI_COMPLETIONS\","
                + "\"baseUrl\":\"http://h/v1\",\"model\":\"m\",\"apiKeyEnv\":null,\"localPath\":null}]");
        BackendProfile p = new ProfileStore(cfg).load().stream().filter(x -> x.name().equals("mine")).findFirst()
                .orElseThrow();
        assertNull(p.chatTemplate());
        assertEquals("http://h/v1", p.baseUrl());
    }

    private void shoot(String name) throws Exception {
        String out = System.getProperty("screenshots.dir");
        if (out == null) {
            return;
        }
        for (String theme : new String[] {"light", "dark"}) {
            fx(() -> {
                scene.getStylesheets().set(1, getClass().getResource("/assets/css/" + theme + ".css").toExternalForm());
                return null;
            });
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            var img = fx(() -> scene.snapshot(null));
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of(out).resolve(name + "-" + theme + ".png").toFile());
        }
        fx(() -> scene.getStylesheets().set(1, getClass().getResource("/assets/css/light.css").toExternalForm()));
    }
}
