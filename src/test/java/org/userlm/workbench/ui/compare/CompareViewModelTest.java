package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;

/** Repeat N, click-through and export through the view model, without the FX toolkit. */
class CompareViewModelTest {
    @TempDir
    Path dir;

    static final Task TASK = new Task("t-pens", TaskKind.MATH, "test", "pens",
            "A pen costs 2 dollars. How much do 5 pens cost?", List.of(), "5*2=10\n#### 10", null);

    static void drainUntil(CompareViewModel vm, BooleanSupplier done) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!done.getAsBoolean()) {
            vm.drain();
            assertTrue(System.currentTimeMillis() < end, "timed out; message: " + vm.message.get());
            Thread.sleep(10);
        }
    }

    @Test
    void repeatsAreSummarisedAndEveryRunCanBeShown() throws Exception {
        CurrentThreadTaskExecutor bg = new CurrentThreadTaskExecutor();
        AtomicInteger n = new AtomicInteger();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            CompareViewModel vm = new CompareViewModel(new SqliteConversationRepository(db),
                    new SqliteComparisonRepository(db), s -> switch (s.model()) {
                        // each call gives a different first turn: diversity > 0
                        case "u1" -> new FakeChatModel("u1").respond(r -> "pens number " + n.incrementAndGet()
                                + " cost how much");
                        case "u2" -> new FakeChatModel("u2").respond(r -> "What do 5 pens cost?");
                        default -> new FakeChatModel("a").respond(r -> r.messages().toString().contains("5 pens")
                                ? "10 dollars." : "12 dollars.");
                    }, () -> List.of(TASK), bg);
            vm.load();
            vm.choices.assistant.set(new BackendProfile("assistant", BackendChoice.OPENAI_CHAT, "http://fake/v1", "a",
                    null, null));
            vm.repeats.set(3);
            vm.maxTurns.set(1);
            vm.profiles.setAll(new ProfileRow("one", SimulatorKind.USERLM, "http://fake/v1", "u1",
                            GuardrailPreset.OFF),
                    new ProfileRow("two", SimulatorKind.PROMPTED, "http://fake/v1", "u2", GuardrailPreset.OFF));
            vm.start();
            drainUntil(vm, () -> vm.state.get() == CompareViewModel.State.DONE);

            assertEquals(2, vm.summaries.size());
            CompareViewModel.SummaryRow one = vm.summaries.get(0);
            assertEquals("one", one.name());
            assertEquals(3, one.summary().runs());
            assertEquals(0.0, one.summary().success().estimate());
            assertEquals(1.0, one.summary().distinctFirstTurns(), 1e-9);
            assertTrue(one.summary().firstTurnDiversity() > 0);
            CompareViewModel.SummaryRow two = vm.summaries.get(1);
            assertEquals(1.0, two.summary().success().estimate());
            assertEquals(0.0, two.summary().firstTurnDiversity(), 1e-9);

            ColumnState col = vm.columns.get(0);
            String first = col.shownText();
            col.shownRepeat.set(2);
            assertNotEquals(first, col.shownText());
            assertTrue(col.shownText().contains("pens number"));

            Path out = dir.resolve("c.jsonl");
            String[] msg = new String[1];
            vm.exportJsonl(out, m -> msg[0] = m);
            drainUntil(vm, () -> msg[0] != null);
            assertEquals(6, Files.readAllLines(out).size(), msg[0]);
        }
    }

    @Test
    void startNeedsTwoToFourProfiles() {
        CompareViewModel vm = new CompareViewModel(null, null, s -> null, () -> List.of(TASK),
                new CurrentThreadTaskExecutor());
        vm.load();
        vm.profiles.remove(1, 3);
        vm.start();
        assertEquals("Choose 2 to 4 simulator profiles.", vm.message.get());
    }
}
