package org.userlm.workbench.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.simulation.GuardrailPreset;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.settings.BackendProfile;
import org.userlm.workbench.ui.settings.ProfileStore;

/**
 * Who plays in a comparison (FX thread): the simulator rows and the assistant, each a saved backend profile from
 * the Live settings ({@link ProfileStore}: built-ins such as the offline demo, saved servers, local folders). The
 * choice is remembered in the config folder at every Start (by profile name, never a key) and restored next time;
 * with nothing remembered, the profiles Live has selected, else the demo, so Start works out of the box.
 */
final class CompareProfiles {
    /** The profiles a row or the assistant can pick: the saved ones, then any a reopened comparison brought. */
    final ObservableList<BackendProfile> offered = FXCollections.observableArrayList(BackendProfile.builtIns());
    final ObjectProperty<BackendProfile> assistant = new SimpleObjectProperty<>(BackendProfile.demo());
    final ObservableList<ProfileRow> rows = FXCollections.observableArrayList(
            ProfileRow.defaults(BackendProfile.demo()));
    private ProfileStore store;

    CompareProfiles() {
        // A picker shows no text for a value outside its items: every chosen profile is offered.
        assistant.addListener((o, a, p) -> offer(p));
        rows.addListener((ListChangeListener<ProfileRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
        });
        rows.forEach(this::watch);
    }

    private void watch(ProfileRow r) {
        offer(r.profile.get());
        r.profile.addListener((o, a, p) -> offer(p));
    }

    private void offer(BackendProfile p) {
        if (p != null && !offered.contains(p)) {
            offered.add(p);
        }
    }

    /** Offers {@code s}'s profiles and restores what was chosen before. Reads two small config files. */
    void useStore(ProfileStore s) {
        store = s;
        refresh();
        Optional<ProfileStore.Selection> mine = s.loadSelection("compare");
        Optional<ProfileStore.Selection> live = s.loadSelection("live");
        if (mine.isPresent()) {
            restore(mine.get());
        } else {
            BackendProfile user = live.flatMap(l -> ProfileStore.named(offered, l.simulator()))
                    .orElse(BackendProfile.demo());
            rows.setAll(ProfileRow.defaults(user));
            assistant.set(live.flatMap(l -> ProfileStore.named(offered, l.assistant())).orElse(BackendProfile.demo()));
        }
    }

    /** Re-reads the saved profiles (another one may have been saved in Live), keeping those now chosen. */
    void refresh() {
        if (store == null) {
            return;
        }
        List<BackendProfile> all = new ArrayList<>(store.load());
        // A profile edited and saved again in Live: the rows that use it follow (each keeps its own kind).
        for (ProfileRow r : rows) {
            SimulatorKind k = r.kind.get();
            ProfileStore.named(all, r.profile.get().name()).filter(p -> !p.equals(r.profile.get())).ifPresent(p -> {
                r.profile.set(p);
                r.kind.set(k);
            });
        }
        ProfileStore.named(all, assistant.get().name()).ifPresent(assistant::set);
        rows.forEach(r -> keep(all, r.profile.get()));
        keep(all, assistant.get());
        offered.setAll(all);
    }

    private static void keep(List<BackendProfile> all, BackendProfile p) {
        if (p != null && all.stream().noneMatch(x -> x.name().equals(p.name()))) {
            all.add(p);
        }
    }

    private void restore(ProfileStore.Selection s) {
        ProfileStore.named(offered, s.assistant()).ifPresent(assistant::set);
        if (s.rows() == null || s.rows().size() < 2) {
            return;
        }
        List<ProfileRow> restored = new ArrayList<>();
        for (ProfileStore.Row r : s.rows()) {
            BackendProfile p = ProfileStore.named(offered, r.profile()).orElse(BackendProfile.demo());
            restored.add(new ProfileRow(r.name() == null ? "" : r.name(),
                    r.kind() == null ? SimulatorKind.USERLM : r.kind(), p,
                    r.guardrails() == null ? GuardrailPreset.DEFAULT : r.guardrails()));
        }
        rows.setAll(restored);
    }

    /** Remembers the rows and the assistant (in the background: a file write). */
    void remember(TaskExecutor executor) {
        if (store == null) {
            return;
        }
        ProfileStore target = store;
        ProfileStore.Selection s = new ProfileStore.Selection(null, assistant.get().name(), rows.stream()
                .map(r -> new ProfileStore.Row(r.name.get(), r.kind.get(), r.profile.get().name(),
                        r.guardrails.get())).toList());
        executor.run(() -> {
            target.saveSelection("compare", s);
            return null;
        }, ok -> { }, e -> { }); // a read-only config folder costs only the remembered choice
    }

    /** A new row: a prompted simulator on the last row's profile. */
    void addRow() {
        BackendProfile p = rows.isEmpty() ? BackendProfile.demo() : rows.get(rows.size() - 1).profile.get();
        rows.add(new ProfileRow("", SimulatorKind.PROMPTED, p, GuardrailPreset.OFF));
    }

    /** The assistant as a run needs it, or null with {@code why} saying what is missing. */
    String problem() {
        if (assistant.get() == null || rows.stream().anyMatch(r -> r.profile.get() == null)) {
            return "Choose a profile for the assistant and for every simulator.";
        }
        List<BackendProfile> used = new ArrayList<>(rows.stream().map(r -> r.profile.get()).toList());
        used.add(0, assistant.get());
        return used.stream().filter(p -> incomplete(p.backend())).findFirst().map(p -> "The profile \"" + p.name()
                + "\" needs a URL and a model: complete it in Live's settings and save it.").orElse(null);
    }

    private static boolean incomplete(BackendSettings b) {
        return b.model() == null || b.baseUrl() != null && b.baseUrl().isBlank();
    }

    AssistantSettings assistantSettings() {
        BackendSettings b = assistant.get().backend();
        return new AssistantSettings(b.model(), b, null, null);
    }

    /** Shows a stored comparison's assistant and rows, on saved profiles where they match. */
    void show(Comparison c) {
        List<BackendProfile> known = List.copyOf(offered);
        BackendProfile a = ProfileRow.profileFor(c.assistant().backend(), known);
        List<ProfileRow> shown = c.profiles().stream().map(p -> ProfileRow.of(p, known)).toList();
        List<BackendProfile> all = new ArrayList<>(known);
        keep(all, a);
        shown.forEach(r -> keep(all, r.profile.get()));
        offered.setAll(all);
        assistant.set(a);
        rows.setAll(shown);
    }
}
