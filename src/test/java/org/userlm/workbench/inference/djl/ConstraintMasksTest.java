package org.userlm.workbench.inference.djl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstraintMasksTest {
    @Test
    void firstWordRule() {
        assertTrue(ConstraintMasks.startsWithWord("I", "I"));
        assertTrue(ConstraintMasks.startsWithWord(" I", "I"));
        assertTrue(ConstraintMasks.startsWithWord("\nI'm", "I"));
        assertTrue(ConstraintMasks.startsWithWord(" Here,", "Here"));
        assertFalse(ConstraintMasks.startsWithWord("It", "I"));
        assertFalse(ConstraintMasks.startsWithWord(" Hereby", "Here"));
        assertFalse(ConstraintMasks.startsWithWord(" you", "You"));
        assertFalse(ConstraintMasks.startsWithWord(" ", "I"));
    }
}
