package org.userlm.workbench.ui.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationRepository;
import org.userlm.workbench.storage.sqlite.SqliteAnnotationSchemaRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

/** The view model on a real SQLite file, run on the test thread (no FX toolkit). */
class AnnotationViewModelTest {
    @TempDir
    Path dir;
    private SqliteDatabase db;
    private SqliteAnnotationRepository annotations;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private AnnotationViewModel vm;

    @BeforeEach
    void open() {
        Path file = dir.resolve("vm.db");
        AnnotationFixtures.seed(file);
        db = SqliteDatabase.open(file);
        annotations = new SqliteAnnotationRepository(db);
        vm = new AnnotationViewModel(new SqliteConversationRepository(db), annotations,
                new SqliteAnnotationSchemaRepository(db), () -> "alice", new CurrentThreadTaskExecutor(), now::get);
        vm.load();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String stored(String conv, int turn, String question) {
        return annotations.find("alice", conv).stream()
                .filter(a -> a.turnIndex() == turn && a.questionKey().equals(question))
                .map(Annotation::valueJson).findFirst().orElse(null);
    }

    @Test
    void keysAnswerSaveAtOnceAndMoveOn() {
        vm.buildQueue(QueueFilter.all(), () -> { });
        assertEquals("0 / 10 · – per hour", vm.progressProperty().get());
        assertEquals(Role.USER, vm.selectedItem().role());
        assertTrue(vm.headerProperty().get().contains("userlm (UserLM-8b) vs gpt-4o-mini"));

        vm.pickOption(4);                       // human_like = 4; focus moves to the tags
        assertEquals("4", stored("c1", 0, "human_like"));
        assertEquals(1, vm.focusedQuestionProperty().get());
        vm.pickOption(2);                       // toggle intent_drift
        vm.pickOption(1);                       // toggle role_break (kept in option order)
        assertEquals("[\"role_break\",\"intent_drift\"]", stored("c1", 0, "user_flags"));
        vm.pickOption(2);                       // untoggle intent_drift
        assertEquals("[\"role_break\"]", stored("c1", 0, "user_flags"));
        now.addAndGet(30_000);
        vm.confirmAndNext();
        assertEquals(1, vm.selectedProperty().get());
        assertEquals("1 / 10 · 120 per hour", vm.progressProperty().get());

        vm.pickOption(2);                       // clarification
        vm.confirmAndNext();                    // correct is optional
        assertEquals(2, vm.selectedProperty().get());
        vm.pickOption(5);
        vm.confirmAndNext();                    // untouched tags are recorded as "none"
        assertEquals("[]", stored("c1", 2, "user_flags"));
        assertEquals(7, vm.savedCountProperty().get()); // rating, 3 tag toggles, category, rating, "none"
    }

    @Test
    void undoWritesTheOldValueBackAndNavigationWraps() {
        vm.buildQueue(QueueFilter.all(), () -> { });
        vm.pickOption(3);
        vm.moveFocus(-1);
        vm.pickOption(5);
        assertEquals("5", stored("c1", 0, "human_like"));
        vm.next();
        vm.next();
        vm.undo();                              // back to turn 0, human_like 3 again
        assertEquals(0, vm.selectedProperty().get());
        assertEquals("3", stored("c1", 0, "human_like"));
        vm.undo();                              // cleared
        assertNull(stored("c1", 0, "human_like"));
        vm.undo();
        assertEquals("nothing to undo", vm.statusProperty().get());

        for (int i = 0; i < 5; i++) {
            vm.next();                          // 4 turns + conversation item, then into c2
        }
        assertTrue(vm.headerProperty().get().startsWith("Conversation 2 / 2"));
        vm.previous();
        assertEquals(-1, vm.selectedItem().turnIndex());
        vm.pickOption(2);
        vm.moveFocus(1);
        vm.setText(vm.questions().get(1), "assistant never asked");
        assertEquals("\"assistant\"", stored("c1", -1, "blame"));
        assertEquals("\"assistant never asked\"", stored("c1", -1, "conversation_note"));
    }

    @Test
    void nextUnannotatedSkipsDoneItemsAndFiltersWork() {
        vm.buildQueue(QueueFilter.all(), () -> { });
        vm.pickOption(4);
        vm.confirmAndNext();
        // A fresh queue (unannotated only) starts at the first unfinished item.
        vm.buildQueue(new QueueFilter(null, null, null, true, false), () -> { });
        assertEquals(1, vm.selectedProperty().get());
        assertEquals("1 / 10 · – per hour", vm.progressProperty().get());
        assertTrue(vm.nextUnannotated());
        assertEquals(2, vm.selectedProperty().get());

        vm.buildQueue(new QueueFilter("prompted", null, null, false, true), () -> { });
        assertEquals("Conversation 1 / 1 · task t-c2", vm.headerProperty().get());
        assertTrue(vm.blindProperty().get());
        assertFalse(vm.headerProperty().get().contains("UserLM"));
        assertEquals(List.of("c2"), vm.items().stream().map(WorkItem::conversationId).distinct().toList());
    }
}
