package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Role;

/**
 * Issue 13's take-over and stale-state items, on the view model with a same-thread executor: typed text on a
 * finished conversation continues it (never silently dropped), typed and hand-edited turns do not show the model's
 * speed, and the branch picker lists the family after a run.
 */
class TakeOverAndForkStateTest extends ScriptedConversationTestBase {
    @Test
    void textTypedOnAFinishedConversationContinuesItInABranchAndShowsAsTyped() {
        vm.start(settings(1));
        vm.pulse();
        String parent = vm.shownProperty().get().conversationIdProperty().get();
        assertTrue(vm.submitHumanTurn("  and what is twenty percent of it?  "));
        vm.pulse();
        TranscriptModel branch = vm.shownProperty().get();
        assertNotEquals(parent, branch.conversationIdProperty().get());
        assertEquals("and what is twenty percent of it?", branch.turn(2).text());
        assertEquals(Role.USER, branch.turn(2).role());
        assertEquals("typed", branch.turn(2).statsProperty().get(), "no tok/s or TTFT for a person's turn");
        assertEquals("It is 36.", branch.turn(3).text());
        assertEquals(2, vm.branches().size(), "the branch picker lists the original and the continuation");
    }

    @Test
    void textTypedWithNothingToContinueIsRefusedWithAReason() {
        assertFalse(vm.submitHumanTurn("hello?"), "the composer keeps the text");
        assertTrue(vm.activityProperty().get().startsWith("Start a conversation first"),
                vm.activityProperty().get());
        assertFalse(vm.submitHumanTurn("   "));
    }

    @Test
    void aHandEditedTurnDoesNotKeepTheModelsSpeed() {
        vm.start(settings(2));
        vm.pulse();
        assertTrue(vm.shownProperty().get().turn(0).statsProperty().get().contains("tok"),
                "a generated turn shows its tokens: " + vm.shownProperty().get().turn(0).statsProperty().get());
        vm.fork(0, "what is twenty percent of two hundred and forty");
        vm.pulse();
        String stats = vm.shownProperty().get().turn(0).statsProperty().get();
        assertFalse(stats.contains("tok/s") || stats.contains("TTFT"), stats);
    }
}
