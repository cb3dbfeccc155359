package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.BackendKind;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.testing.ScriptedOpenAiServer;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

/** Saved profiles in the settings column: kind kept, modified marker, backend switch, server models, memory. */
class ProfileFormTest {
    @TempDir
    Path dir;

    private SettingsViewModel newVm() {
        return new SettingsViewModel(null, new CurrentThreadTaskExecutor(), new ProfileStore(dir));
    }

    private static BackendProfile named(SettingsViewModel vm, String name) {
        return ProfileStore.named(vm.profiles(), name).orElseThrow(() -> new AssertionError("no profile " + name));
    }

    @Test
    void aSimulatorProfileKeepsItsKindAcrossARestartAndNeverAKey() throws Exception {
        SettingsViewModel vm = newVm();
        vm.simulator.kind.set(BackendChoice.OPENAI_CHAT);
        vm.simulator.baseUrl.set("http://127.0.0.1:9000/v1");
        vm.simulator.model.set("gpt-4o-user");
        vm.simulator.apiKeyEnv.set("MY_KEY_VAR");
        vm.simulatorKind.set(SimulatorKind.PROMPTED);
        vm.saveProfile(vm.simulator, "prompted user");
        vm.simulatorKind.set(SimulatorKind.USERLM);
        vm.simulator.profile.set(BackendProfile.demo());

        SettingsViewModel again = newVm();
        BackendProfile p = named(again, "prompted user");
        assertEquals(SimulatorKind.PROMPTED, p.simulatorKind());
        again.simulatorKind.set(SimulatorKind.SHARDED);
        again.simulator.profile.set(p);
        assertEquals(SimulatorKind.PROMPTED, again.simulatorKind.get(), "loading the profile restores its kind");
        assertEquals("gpt-4o-user", again.simulator.model.get());
        String json = Files.readString(dir.resolve("profiles.json"));
        assertTrue(json.contains("\"PROMPTED\"") && json.contains("MY_KEY_VAR"), json);
        assertFalse(json.toLowerCase().contains("sk-"), "only the variable's name is stored");
    }

    @Test
    void aProfileSavedBeforeKindsWereKeptStillLoadsAndLeavesTheKindAlone() throws Exception {
        Files.writeString(dir.resolve("profiles.json"), "[{\"name\": \"old lab\", \"kind\": \"OPENAI_CHAT\", "
                + "\"baseUrl\": \"http://x.invalid/v1\", \"model\": \"m\", \"apiKeyEnv\": null, \"localPath\": null}]");
        SettingsViewModel vm = newVm();
        vm.simulatorKind.set(SimulatorKind.SHARDED);
        vm.simulator.profile.set(named(vm, "old lab"));
        assertEquals("http://x.invalid/v1", vm.simulator.baseUrl.get());
        assertEquals(SimulatorKind.SHARDED, vm.simulatorKind.get());
        assertFalse(vm.simulator.modifiedProperty().get(), "no saved kind: any kind matches");
    }

    @Test
    void theModifiedMarkerFollowsEditsAndClearsOnRevertAndSave() {
        SettingsViewModel vm = newVm();
        BackendForm f = vm.assistant;
        f.profile.set(named(vm, "vLLM · assistant on localhost:8001"));
        assertFalse(f.modifiedProperty().get(), "just loaded");
        f.model.set("another-model");
        assertTrue(f.modifiedProperty().get());
        f.revert();
        assertFalse(f.modifiedProperty().get());
        assertEquals("meta-llama/Llama-3.1-8B-Instruct", f.model.get(), "revert brings the saved value back");
        f.baseUrl.set("http://127.0.0.1:8002/v1");
        assertTrue(f.modifiedProperty().get());
        vm.saveProfile(f, "assistant on 8002");
        assertFalse(f.modifiedProperty().get(), "saved: the form is the profile");
        assertEquals("assistant on 8002", f.profile.get().name());

        vm.simulator.profile.set(named(vm, "vLLM · UserLM-8b on localhost:8000"));
        assertFalse(vm.simulator.modifiedProperty().get());
        vm.simulatorKind.set(SimulatorKind.PROMPTED);
        assertTrue(vm.simulator.modifiedProperty().get(), "the profile saves USERLM: another kind is a change");
    }

    @Test
    void switchingTheBackendKindDropsAnotherKindsUrl() {
        SettingsViewModel vm = newVm();
        BackendForm f = vm.simulator;
        f.profile.set(BackendProfile.demo());
        assertEquals("demo://scripted", f.baseUrl.get());
        f.kind.set(BackendChoice.OPENAI_CHAT);
        assertEquals("http://127.0.0.1:8000/v1", f.baseUrl.get(), "no demo:// URL for a server");
        assertEquals("", f.model.get(), "the demo's model name goes too");
        f.baseUrl.set("http://10.0.0.5:8000/v1");
        f.kind.set(BackendChoice.OPENAI_COMPLETIONS);
        assertEquals("http://10.0.0.5:8000/v1", f.baseUrl.get(), "same server, other endpoint: the URL stays");
        f.kind.set(BackendChoice.LOCAL);
        assertEquals("", f.baseUrl.get());
        assertEquals("models/UserLM-8b", f.localPath.get());
        assertEquals(BackendKind.LOCAL, f.backend().kind());
        f.kind.set(BackendChoice.DEMO);
        assertEquals("demo://scripted", f.baseUrl.get());
        assertEquals("demo-model", f.model.get());
        assertEquals("http://127.0.0.1:8001/v1", switched(vm.assistant), "the assistant's default port");
    }

    private static String switched(BackendForm f) {
        f.kind.set(BackendChoice.DEMO);
        f.kind.set(BackendChoice.OPENAI_CHAT);
        return f.baseUrl.get();
    }

    @Test
    void aChosenFolderMakesALocalBackend() {
        SettingsViewModel vm = newVm();
        vm.simulator.useFolder(dir.resolve("UserLM-8b").toString());
        assertEquals(BackendChoice.LOCAL, vm.simulator.kind.get());
        assertEquals(dir.resolve("UserLM-8b").toString(), vm.simulator.backend().localPath());
    }

    @Test
    void testConnectionFillsTheServersModelList() {
        try (GuiServices services = GuiServices.open(dir.resolve("s.db"));
             ScriptedOpenAiServer server = ScriptedOpenAiServer.start()) {
            SettingsViewModel vm = new SettingsViewModel(services, new CurrentThreadTaskExecutor(),
                    new ProfileStore(dir));
            server.models("m-one", "m-two", "m-three");
            vm.assistant.kind.set(BackendChoice.OPENAI_CHAT);
            vm.assistant.baseUrl.set(server.baseUrl());
            assertTrue(vm.assistant.serverModels().isEmpty());
            vm.testConnection(vm.assistant);
            assertEquals(List.of("m-one", "m-two", "m-three"), vm.assistant.serverModels(),
                    vm.assistant.connectionStatus.get());
            server.modelsError(500, "down for maintenance");
            vm.testConnection(vm.assistant);
            assertTrue(vm.assistant.serverModels().isEmpty(), "a failed test leaves no stale list");
        }
    }

    @Test
    void theChosenProfilesAreRememberedAcrossARestart() {
        SettingsViewModel vm = newVm();
        vm.simulator.profile.set(named(vm, "Local folder · models/UserLM-8b"));
        vm.assistant.profile.set(named(vm, "OpenAI · gpt-4o-mini"));
        SettingsViewModel again = newVm();
        assertEquals("Local folder · models/UserLM-8b", again.simulator.profile.get().name());
        assertEquals("OpenAI · gpt-4o-mini", again.assistant.profile.get().name());
        assertEquals("gpt-4o-mini", again.assistant.model.get());
    }
}
