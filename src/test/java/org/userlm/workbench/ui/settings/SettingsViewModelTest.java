package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.GuardrailSettings.TerminationMode;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

class SettingsViewModelTest {
    @TempDir
    Path dir;
    private GuiServices services;
    private SettingsViewModel vm;

    @BeforeEach
    void open() {
        services = GuiServices.open(dir.resolve("s.db"));
        vm = new SettingsViewModel(services, new CurrentThreadTaskExecutor(), new ProfileStore(dir.resolve("cfg")));
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Task task(String id) {
        return services.tasks().all().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void choosingATaskWritesItsIntentAndTheAssistantPrompt() {
        assertThrows(IllegalStateException.class, vm::snapshot, "no task chosen yet");
        vm.useTask(task("bundled-math-01"));
        assertFalse(vm.intentProperty().get().isBlank());
        assertFalse(vm.systemPrompt.get().isBlank());
        String mathPrompt = vm.systemPrompt.get();
        vm.useTask(task("bundled-code-01"));
        assertFalse(mathPrompt.equals(vm.systemPrompt.get()), "a code task gets the code prompt");
    }

    @Test
    void guardrailPresetsFillTheFormAndReachTheSnapshot() {
        vm.useTask(task("bundled-math-01"));
        vm.guardrails.preset.set(GuardrailPreset.PAPER);
        assertEquals(TerminationMode.ALWAYS, vm.guardrails.terminationMode.get());
        assertEquals(GuardrailSettings.paper(), vm.snapshot().simulator().guardrails());
        vm.guardrails.maxWords.set(40);
        assertEquals(40, vm.snapshot().simulator().guardrails().maxWords(), "edited fields win over the preset");
        vm.guardrails.reset();
        assertEquals(GuardrailSettings.defaults(), vm.snapshot().simulator().guardrails());
    }

    @Test
    void snapshotExplainsWhatIsMissing() {
        vm.useTask(task("bundled-math-01"));
        vm.simulatorKind.set(SimulatorKind.USERLM);
        vm.assistant.kind.set(BackendChoice.OPENAI_CHAT);
        vm.assistant.model.set("");
        IllegalStateException e = assertThrows(IllegalStateException.class, vm::snapshot);
        assertEquals("The assistant needs a model name", e.getMessage());
    }

    @Test
    void testConnectionListsTheServersModelsOrSaysWhyNot() {
        try (ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            server.models("m-one", "m-two");
            vm.simulator.kind.set(BackendChoice.OPENAI_CHAT);
            vm.simulator.baseUrl.set(server.baseUrl());
            vm.simulator.model.set("m-one");
            vm.testConnection(vm.simulator);
            assertEquals("✓ Connected · 2 models: m-one, m-two", vm.simulator.connectionStatus.get());
        }
        vm.simulator.baseUrl.set("");
        vm.testConnection(vm.simulator);
        assertTrue(vm.simulator.connectionStatus.get().startsWith("✗ "), vm.simulator.connectionStatus.get());
    }

    @Test
    void savedProfilesSurviveARestartWithoutKeys() {
        vm.assistant.kind.set(BackendChoice.OPENAI_CHAT);
        vm.assistant.baseUrl.set("http://127.0.0.1:8001/v1");
        vm.assistant.model.set("my-assistant");
        vm.assistant.apiKeyEnv.set("MY_KEY_VAR");
        vm.saveProfile(vm.assistant, "lab server");
        assertEquals("lab server", vm.assistant.profile.get().name());
        SettingsViewModel again = new SettingsViewModel(services, new CurrentThreadTaskExecutor(),
                new ProfileStore(dir.resolve("cfg")));
        BackendProfile p = again.profiles().stream().filter(x -> x.name().equals("lab server")).findFirst()
                .orElseThrow();
        assertEquals("my-assistant", p.model());
        assertEquals("MY_KEY_VAR", p.apiKeyEnv(), "the variable's name, never its value");
    }
}
