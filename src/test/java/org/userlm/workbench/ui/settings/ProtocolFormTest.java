package org.userlm.workbench.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.evaluation.GraderMode;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.ui.common.ThreadPoolTaskExecutor;

/** The protocol settings: applied to profiles, shown with presets, saved between sessions. No FX toolkit. */
class ProtocolFormTest {
    @TempDir
    Path dir;

    @Test
    void compareKeepsEachPresetsLimitsUnlessAskedAndLiveAppliesThem() {
        SimulatorSettings paper = new SimulatorSettings("p", SimulatorKind.USERLM, null, null,
                GuardrailSettings.paper(), null, null);
        ProtocolForm f = new ProtocolForm();
        f.verbatimNgram.set(6);
        f.userPrompt.set("  ");
        f.overrideLimits.set(false);
        SimulatorSettings kept = f.apply(paper);
        assertEquals(0, kept.guardrails().intentNgram(), "the Paper preset's reported rule stays");
        assertNull(kept.userPrompt(), "blank prompt: the shipped default");
        f.overrideLimits.set(true);
        f.userMaxTokens.set(99);
        SimulatorSettings applied = f.apply(paper);
        assertEquals(6, applied.guardrails().intentNgram());
        assertEquals(99, applied.guardrails().maxNewTokens());
        assertEquals(99, applied.params().maxNewTokens());
        f.sampling.set(ProtocolForm.Sampling.LIC);
        assertEquals(1.0, f.apply(paper).params().topP());
        f.judgeUrl.set("http://j/v1");
        assertNull(f.judge(), "no model: no judge");
        f.judgeModel.set("jm");
        assertEquals("jm", f.judge().model());
    }

    @Test
    void settingsFollowPresetsAndAreSavedOnStart() throws Exception {
        ThreadPoolTaskExecutor bg = new ThreadPoolTaskExecutor(Runnable::run);
        try {
            SettingsViewModel vm = new SettingsViewModel(null, bg, new ProfileStore(dir));
            vm.useTask(new Task("t", TaskKind.MATH, "test", "t", "What is 2+2?", List.of(), "#### 4",
                    null));
            vm.guardrails.preset.set(GuardrailPreset.PAPER);
            assertEquals(0, vm.protocol.verbatimNgram.get(), "Paper: the reported verbatim rule");
            vm.simulatorKind.set(SimulatorKind.SHARDED);
            assertEquals(1.0, vm.simulator.temperature.get(), "sharded samples as LiC");
            assertEquals(1.0, vm.simulator.topP.get());
            vm.protocol.intentTemplate.set("I want to {goal} {problem}");
            assertTrue(vm.intentProperty().get().startsWith("I want to get help"), vm.intentProperty().get());
            vm.protocol.grader.set(GraderMode.STRICT);
            vm.simulator.kind.set(BackendChoice.OPENAI_CHAT);
            vm.simulator.baseUrl.set("http://u/v1");
            vm.simulator.model.set("u");
            vm.assistant.kind.set(BackendChoice.OPENAI_CHAT);
            vm.assistant.baseUrl.set("http://a/v1");
            vm.assistant.model.set("a");
            RunSettings s = vm.snapshot();
            assertEquals(GraderMode.STRICT, s.grader());
            assertNull(s.maxUserTurns(), "0 = auto");
            assertEquals("I want to {goal} {problem}", s.simulator().intentTemplate());
            long end = System.currentTimeMillis() + 10_000;
            while (!Files.exists(dir.resolve("protocol.json"))) {
                assertTrue(System.currentTimeMillis() < end, "protocol.json not written");
                Thread.sleep(10);
            }
            Thread.sleep(100);
            SettingsViewModel again = new SettingsViewModel(null, bg, new ProfileStore(dir));
            assertEquals(GraderMode.STRICT, again.protocol.grader.get());
            assertEquals("I want to {goal} {problem}", again.protocol.intentTemplate.get());
        } finally {
            bg.shutdown();
        }
    }
}
