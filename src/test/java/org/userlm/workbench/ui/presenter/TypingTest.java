package org.userlm.workbench.ui.presenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypingTest {
    private static final String TEXT = "one two  three\nfour five";

    @Test
    void revealsWholeWordsAtTheChosenSpeed() {
        // 120 words per minute = one word every 500 ms.
        assertEquals(5, Typing.words(TEXT));
        assertEquals(2500, Typing.durationMs(TEXT, 120));
        assertEquals("", Typing.visible(TEXT, 120, 0));
        assertEquals("", Typing.visible(TEXT, 120, 499));
        assertEquals("one", Typing.visible(TEXT, 120, 500));
        assertEquals("one two", Typing.visible(TEXT, 120, 1499));
        assertEquals("one two  three", Typing.visible(TEXT, 120, 1500));
        assertEquals("one two  three\nfour", Typing.visible(TEXT, 120, 2000));
        assertEquals(TEXT, Typing.visible(TEXT, 120, 2500));
        assertEquals(TEXT, Typing.visible(TEXT, 120, 99_999));
        // Twice the speed, half the time.
        assertEquals("one two  three\nfour", Typing.visible(TEXT, 240, 1000));
    }
}
