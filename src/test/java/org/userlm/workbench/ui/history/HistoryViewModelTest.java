package org.userlm.workbench.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.GuiServices;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;

/** History against a real SQLite file; the same-thread executor makes every call finish before it returns. */
class HistoryViewModelTest {
    @TempDir
    Path dir;
    private GuiServices services;
    private HistoryViewModel vm;

    @BeforeEach
    void open() {
        services = GuiServices.open(dir.resolve("h.db"));
        store("c1", "Percentages", "what is fifteen percent of two hundred and forty");
        store("c2", "Running maximum", "write a function for the running maximum of a list");
        vm = new HistoryViewModel(services, new CurrentThreadTaskExecutor());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void store(String id, String title, String userText) {
        services.conversations().create(new Conversation(id, null, "bundled-math-01", title, "userlm", "u", "a",
                "intent", "sys", "{}", null, null, null, System.currentTimeMillis(), List.of()));
        services.conversations().saveTurn(id, new Turn(0, Role.USER, userText, userText, TurnStatus.COMPLETE, null,
                1L, 2L, 3L, 4, 5, null, "u", List.of(), false, null));
        services.conversations().finish(id, EndReason.MAX_TURNS);
    }

    private List<String> titles() {
        return vm.items().stream().map(ConversationSummary::title).sorted().toList();
    }

    @Test
    void listsAndSearchesEveryStoredTurn() {
        vm.refresh();
        assertEquals(List.of("Percentages", "Running maximum"), titles());
        assertEquals("2 conversations", vm.statusProperty().get());
        vm.queryProperty().set("maximum");
        assertEquals(List.of("Running maximum"), titles());
        assertTrue(vm.statusProperty().get().startsWith("1 matching"), vm.statusProperty().get());
    }

    @Test
    void deleteCanBeUndoneAndRenameIsStored() {
        vm.refresh();
        ConversationSummary first = vm.items().stream().filter(s -> s.id().equals("c1")).findFirst().orElseThrow();
        vm.delete(first);
        assertEquals(List.of("Running maximum"), titles());
        assertEquals(first, vm.lastDeletedProperty().get());
        vm.undoDelete();
        assertNull(vm.lastDeletedProperty().get());
        assertEquals(List.of("Percentages", "Running maximum"), titles());
        vm.rename("c2", "Prefix maxima");
        assertEquals(List.of("Percentages", "Prefix maxima"), titles());
        assertEquals("Prefix maxima", services.conversations().find("c2").orElseThrow().title());
    }

    @Test
    void aFailedSearchIsReportedInTheStatusLine() {
        services.close();
        vm.refresh();
        assertTrue(vm.statusProperty().get().startsWith("Search failed: "), vm.statusProperty().get());
        services = GuiServices.open(dir.resolve("h.db"));
    }
}
