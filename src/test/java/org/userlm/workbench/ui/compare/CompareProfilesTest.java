package org.userlm.workbench.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.userlm.workbench.app.AppContext;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.storage.sqlite.SqliteComparisonRepository;
import org.userlm.workbench.storage.sqlite.SqliteConversationRepository;
import org.userlm.workbench.storage.sqlite.SqliteDatabase;
import org.userlm.workbench.testing.FakeChatModel;
import org.userlm.workbench.ui.common.CurrentThreadTaskExecutor;
import org.userlm.workbench.ui.settings.BackendChoice;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfileStore;

/** Compare picks Live's saved profiles, starts on the demo out of the box, remembers and reopens its choice. */
class CompareProfilesTest {
    static final BackendProfile LAB_USERS = new BackendProfile("lab users", BackendChoice.OPENAI_CHAT,
            "http://lab.invalid:8000/v1", "u1", "LAB_KEY", null, SimulatorKind.PROMPTED);
    static final BackendProfile LAB_ASSISTANT = new BackendProfile("lab assistant", BackendChoice.OPENAI_CHAT,
            "http://lab.invalid:8001/v1", "a1", null, null);

    @TempDir
    Path dir;
    /** Every backend a conversation opened: where the runs really went. */
    final Set<BackendSettings> opened = ConcurrentHashMap.newKeySet();

    ModelProvider provider() {
        return s -> {
            opened.add(s);
            return new FakeChatModel(s.model()).respond(r -> s.model().equals("a1") || s.model().equals("demo-model")
                    && r.messages().get(0).content().contains("assistant") ? "10 dollars." : "5 pens cost what?");
        };
    }

    CompareViewModel newVm(SqliteDatabase db, ProfileStore store) {
        CompareViewModel vm = new CompareViewModel(new SqliteConversationRepository(db),
                new SqliteComparisonRepository(db), provider(), () -> List.of(CompareViewModelTest.TASK),
                new CurrentThreadTaskExecutor());
        if (store != null) {
            vm.useProfiles(store);
        }
        vm.load();
        vm.maxTurns.set(1);
        return vm;
    }

    static void run(CompareViewModel vm) throws InterruptedException {
        vm.start();
        CompareViewModelTest.drainUntil(vm, () -> vm.state.get() == CompareViewModel.State.DONE);
    }

    @Test
    void withNothingSavedEveryRowAndTheAssistantAreTheOfflineDemo() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            CompareViewModel vm = newVm(db, new ProfileStore(dir.resolve("cfg")));
            assertEquals(BackendProfile.DEMO, vm.choices.assistant.get().name());
            assertEquals(3, vm.profiles.size());
            vm.profiles.forEach(r -> assertEquals(BackendProfile.DEMO, r.profile.get().name()));
            run(vm);
            assertTrue(vm.message.get().startsWith("Done: 3 conversations"), vm.message.get());
            assertTrue(opened.stream().allMatch(b -> b.baseUrl().startsWith("demo:")), opened.toString());
        }
    }

    @Test
    void theDefaultsRunOnTheRealOfflineDemo() throws Exception {
        try (AppContext ctx = AppContext.open(dir.resolve("demo.db"))) {
            CompareViewModel vm = new CompareViewModel(ctx.conversations(), ctx.comparisons(), ctx,
                    () -> List.of(CompareViewModelTest.TASK), new CurrentThreadTaskExecutor())
                    .useProfiles(new ProfileStore(dir.resolve("cfg")));
            vm.load();
            vm.maxTurns.set(1);
            run(vm);
            assertTrue(vm.message.get().startsWith("Done: 3 conversations"), vm.message.get());
            for (ColumnState c : vm.columns) {
                assertTrue(c.shownText().startsWith("user: ") && c.shownText().contains("assistant: "), c.name()
                        + ": " + c.shownText());
                assertTrue(c.shownText().length() > 40, "the demo streamed text: " + c.shownText());
            }
        }
    }

    @Test
    void aRowOnASavedProfileRunsAgainstItsUrlAndTheChoiceIsRemembered() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("cfg"));
        store.save(List.of(LAB_USERS, LAB_ASSISTANT));
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            CompareViewModel vm = newVm(db, store);
            assertTrue(vm.choices.offered.contains(LAB_USERS), "Live's saved profiles are offered");
            assertTrue(vm.choices.offered.contains(BackendProfile.demo()), "and the built-in demo");
            vm.profiles.get(0).profile.set(LAB_USERS);
            assertEquals(SimulatorKind.PROMPTED, vm.profiles.get(0).kind.get(), "the profile brings its kind");
            vm.profiles.get(0).kind.set(SimulatorKind.SHARDED);
            vm.profiles.get(1).guardrails.set(GuardrailPreset.PAPER);
            vm.choices.assistant.set(LAB_ASSISTANT);
            run(vm);
            BackendSettings users = opened.stream().filter(b -> b.model().equals("u1")).findFirst().orElseThrow();
            assertEquals("http://lab.invalid:8000/v1", users.baseUrl());
            assertEquals("LAB_KEY", users.apiKeyEnv(), "the variable's name, never a key");
            assertTrue(opened.stream().anyMatch(b -> b.baseUrl().equals("http://lab.invalid:8001/v1")));
            String id = vm.comparisonId.get();

            CompareViewModel again = newVm(db, store);
            assertEquals("lab assistant", again.choices.assistant.get().name());
            assertEquals("lab users", again.profiles.get(0).profile.get().name());
            assertEquals(SimulatorKind.SHARDED, again.profiles.get(0).kind.get(), "the row's kind, not the profile's");
            assertEquals(GuardrailPreset.PAPER, again.profiles.get(1).guardrails.get());

            CompareViewModel reopened = newVm(db, null);
            reopened.open(id);
            assertEquals(CompareViewModel.State.DONE, reopened.state.get(), reopened.message.get());
            assertEquals("stored · a1 @ http://lab.invalid:8001/v1", reopened.choices.assistant.get().name(),
                    "a profile since deleted: the stored settings under their own name");
            assertEquals(SimulatorKind.SHARDED, reopened.profiles.get(0).kind.get());
            assertEquals("http://lab.invalid:8000/v1", reopened.profiles.get(0).profile.get().baseUrl());
            assertEquals(GuardrailPreset.PAPER, reopened.profiles.get(1).guardrails.get());
            CompareViewModel known = newVm(db, store);
            known.open(id);
            assertEquals("lab users", known.profiles.get(0).profile.get().name(), "a saved profile is recognised");
            assertEquals("lab assistant", known.choices.assistant.get().name());
        }
    }

    @Test
    void withoutACompareChoiceTheProfilesLiveHasSelectedAreTheDefault() throws Exception {
        ProfileStore store = new ProfileStore(dir.resolve("cfg"));
        store.save(List.of(LAB_USERS, LAB_ASSISTANT));
        store.saveSelection("live", new ProfileStore.Selection("lab users", "lab assistant", null));
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            CompareViewModel vm = newVm(db, store);
            assertEquals("lab assistant", vm.choices.assistant.get().name());
            vm.profiles.forEach(r -> assertEquals("lab users", r.profile.get().name()));
            assertEquals(SimulatorKind.USERLM, vm.profiles.get(0).kind.get(), "each default row keeps its kind");
        }
    }

    @Test
    void anIncompleteProfileIsExplainedBeforeStart() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.db"))) {
            CompareViewModel vm = newVm(db, null);
            vm.choices.assistant.set(new BackendProfile("half", BackendChoice.OPENAI_CHAT, "", "m", null, null));
            vm.start();
            assertTrue(vm.message.get().contains("\"half\" needs a URL and a model"), vm.message.get());
            assertTrue(opened.isEmpty());
        }
    }
}
