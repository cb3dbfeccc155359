package org.userlm.workbench.ui.settings;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.userlm.workbench.domain.GuardrailSettings;
import org.userlm.workbench.domain.GuardrailSettings.TerminationMode;
import org.userlm.workbench.simulation.GuardrailPreset;

/** The four guardrails' fields of the settings column (FX thread). */
public final class GuardrailForm {
    final ObjectProperty<GuardrailPreset> preset = new SimpleObjectProperty<>(GuardrailPreset.DEFAULT);
    final BooleanProperty filterFirst = new SimpleBooleanProperty();
    final StringProperty bannedFirst = new SimpleStringProperty();
    final BooleanProperty avoidTermination = new SimpleBooleanProperty();
    final ObjectProperty<TerminationMode> terminationMode = new SimpleObjectProperty<>();
    final BooleanProperty length = new SimpleBooleanProperty();
    final ObjectProperty<Integer> minWords = new SimpleObjectProperty<>();
    final ObjectProperty<Integer> maxWords = new SimpleObjectProperty<>();
    final BooleanProperty verbatim = new SimpleBooleanProperty();
    final ObjectProperty<Integer> maxRetries = new SimpleObjectProperty<>();
    private GuardrailSettings base = GuardrailSettings.defaults();

    GuardrailForm() {
        apply(GuardrailSettings.defaults());
        preset.addListener((o, a, p) -> {
            if (p != null) {
                apply(p.settings());
            }
        });
    }

    void apply(GuardrailSettings g) {
        base = g;
        filterFirst.set(g.filterFirstTokens());
        bannedFirst.set(String.join(", ", g.bannedFirstTokens()));
        avoidTermination.set(g.avoidTermination());
        terminationMode.set(g.terminationMode());
        length.set(g.lengthThreshold());
        minWords.set(g.minWords());
        maxWords.set(g.maxWords());
        verbatim.set(g.verbatimRepetition());
        maxRetries.set(g.maxRetries());
    }

    /** Back to the project defaults. */
    public void reset() {
        preset.set(GuardrailPreset.DEFAULT);
        apply(GuardrailSettings.defaults());
    }

    GuardrailSettings settings() {
        return new GuardrailSettings(filterFirst.get(), words(bannedFirst.get()), avoidTermination.get(),
                terminationMode.get(), base.minUserTurnsBeforeEnd(), length.get(), minWords.get(), maxWords.get(),
                verbatim.get(), base.intentNgram(), maxRetries.get(), base.maxNewTokens(), base.useServerBans());
    }

    static List<String> words(String csv) {
        return Arrays.stream(csv.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
