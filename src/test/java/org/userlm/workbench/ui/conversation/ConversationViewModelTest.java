package org.userlm.workbench.ui.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.testing.Reply;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

/**
 * The live conversation's view model with a same-thread executor: {@code start} runs the whole conversation before
 * it returns, and one {@code pulse} applies everything it streamed.
 */
class ConversationViewModelTest extends ScriptedConversationTestBase {
    @Test
    void aConversationStreamsIntoTheShownTranscriptAndIsStored() {
        vm.start(settings(2));
        assertEquals(ConversationViewModel.RunState.RUNNING, vm.stateProperty().get(), "nothing applied before a pulse");
        vm.pulse();
        assertEquals(ConversationViewModel.RunState.IDLE, vm.stateProperty().get());
        assertEquals(false, vm.isLive());
        TranscriptModel shown = vm.shownProperty().get();
        assertEquals(EndReason.MAX_TURNS, shown.endReasonProperty().get());
        assertEquals(4, shown.turns().size());
        assertEquals(USER.get(0), shown.turn(0).text());
        assertEquals("It is 36.", shown.turn(1).text());
        String id = shown.conversationIdProperty().get();
        Conversation stored = services.conversations().find(id).orElseThrow();
        assertEquals(4, stored.turns().size());
        assertTrue(changes.get() >= 2, "history is told when a conversation starts and ends");
        assertEquals(List.of(id), vm.branches().stream().map(b -> b.id()).toList());
    }

    @Test
    void forkingATurnStartsABranchThatKeepsTheEditedText() {
        vm.start(settings(2));
        vm.pulse();
        String parent = vm.shownProperty().get().conversationIdProperty().get();
        vm.fork(0, "what is twenty percent of two hundred and forty");
        vm.pulse();
        TranscriptModel branch = vm.shownProperty().get();
        String child = branch.conversationIdProperty().get();
        assertNotNull(child);
        assertEquals(parent, services.conversations().find(child).orElseThrow().parentId());
        assertEquals("what is twenty percent of two hundred and forty", branch.turn(0).text());
        assertEquals(2, vm.branches().size(), "the family: the original and its fork");
    }

    @Test
    void aBackendFailureEndsTheRunWithTheReasonShown() {
        server.respondWith(req -> Reply.httpError(500, "model crashed"));
        vm.start(settings(2));
        vm.pulse();
        assertEquals(ConversationViewModel.RunState.IDLE, vm.stateProperty().get());
        TranscriptModel shown = vm.shownProperty().get();
        assertEquals(EndReason.ERROR, shown.endReasonProperty().get());
        assertEquals(TurnStatus.FAILED, shown.turn(0).statusProperty().get());
        assertTrue(vm.activityProperty().get().toLowerCase().contains("error"), vm.activityProperty().get());
    }

    @Test
    void openShowsAStoredConversation() {
        vm.start(settings(1));
        vm.pulse();
        String id = vm.shownProperty().get().conversationIdProperty().get();
        ConversationViewModel other = new ConversationViewModel(services, new CurrentThreadTaskExecutor());
        other.open(id);
        assertEquals(id, other.shownProperty().get().conversationIdProperty().get());
        assertEquals(2, other.shownProperty().get().turns().size());
    }
}
