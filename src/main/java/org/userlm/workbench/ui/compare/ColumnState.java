package org.userlm.workbench.ui.compare;

import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.userlm.workbench.domain.SimulatorSettings;

/** One column: a simulator profile and its N conversations; the view shows one repetition at a time. */
public final class ColumnState {
    final SimulatorSettings profile;
    final Map<Integer, Transcript> repeats = new TreeMap<>();
    /** Which repetition the column shows (click-through from the Repeat table). */
    public final IntegerProperty shownRepeat = new SimpleIntegerProperty(0);

    ColumnState(SimulatorSettings profile) {
        this.profile = profile;
    }

    public String name() {
        return profile.name();
    }

    Transcript transcript(int repeat) {
        return repeats.computeIfAbsent(repeat, r -> new Transcript());
    }

    /** The transcript shown now. */
    Transcript shown() {
        return transcript(shownRepeat.get());
    }

    /** The plain text of the shown conversation (tests and accessibility). */
    public String shownText() {
        StringBuilder sb = new StringBuilder();
        for (Transcript.Cell c : shown().cells) {
            sb.append(c.role.wire()).append(": ").append(c.text).append('\n');
        }
        return sb.toString();
    }
}
