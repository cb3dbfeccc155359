package org.userlm.workbench.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.GuardrailSettings;

class GuardrailPresetTest {

    @Test
    void parsesTheCommandLineSpellingsInAnyCase() {
        assertEquals(GuardrailPreset.DEFAULT, GuardrailPreset.parse("default"));
        assertEquals(GuardrailPreset.PAPER, GuardrailPreset.parse(" Paper "));
        assertEquals(GuardrailPreset.OFF, GuardrailPreset.parse("OFF"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuardrailPreset.parse("strict"));
        assertEquals("guardrail preset must be default, paper, off, not strict", e.getMessage());
    }

    @Test
    void storedSettingsMapBackToTheirPresetAndEditedOnesToDefault() {
        for (GuardrailPreset p : GuardrailPreset.values()) {
            assertEquals(p, GuardrailPreset.matching(p.settings()));
        }
        assertEquals(GuardrailPreset.DEFAULT, GuardrailPreset.matching(GuardrailSettings.paper().withMaxRetries(1)));
        assertEquals(GuardrailSettings.TerminationMode.ALWAYS, GuardrailPreset.PAPER.settings().terminationMode());
    }
}
