package org.userlm.workbench.ui.conversation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnLabel;
import org.userlm.workbench.domain.TurnStatus;

/** One turn as shown: streaming text, then the settled turn with its timings and guardrail firings. FX thread. */
public final class TurnViewModel {
    /** Receives streamed text; the view appends it to its text area. */
    public interface TextSink {
        void appended(String delta);

        void cleared();
    }

    private final int index;
    private final Role role;
    private final StringBuilder text = new StringBuilder();
    private final ObjectProperty<TurnStatus> status = new SimpleObjectProperty<>(TurnStatus.STREAMING);
    private final ObjectProperty<Turn> settled = new SimpleObjectProperty<>();
    private final StringProperty stats = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final ObjectProperty<TurnLabel> label = new SimpleObjectProperty<>();
    private final ObservableList<GuardrailEvent> guardrailEvents = FXCollections.observableArrayList();
    private final List<TextSink> sinks = new CopyOnWriteArrayList<>();

    public TurnViewModel(int index, Role role) {
        this.index = index;
        this.role = role;
    }

    /** A turn loaded from storage (already settled). */
    public static TurnViewModel settled(Turn t) {
        TurnViewModel vm = new TurnViewModel(t.index(), t.role());
        vm.finish(t);
        return vm;
    }

    public int index() {
        return index;
    }

    public Role role() {
        return role;
    }

    public String text() {
        return text.toString();
    }

    /** The text's length, without copying it. */
    int textLength() {
        return text.length();
    }

    public void addSink(TextSink sink) {
        sinks.add(sink);
    }

    public void removeSink(TextSink sink) {
        sinks.remove(sink);
    }

    void append(String delta) {
        text.append(delta);
        for (TextSink s : sinks) {
            s.appended(delta);
        }
    }

    void redraw(GuardrailEvent event) {
        guardrailEvents.add(event);
        text.setLength(0);
        for (TextSink s : sinks) {
            s.cleared();
        }
    }

    void finish(Turn t) {
        text.setLength(0);
        text.append(t.content());
        guardrailEvents.setAll(t.guardrailEvents());
        error.set(t.error());
        stats.set(formatStats(t));
        status.set(t.status());
        settled.set(t);
    }

    static String formatStats(Turn t) {
        if ("human".equals(t.model())) {
            return "typed"; // no tokens, no speed, no time to first token: a person wrote it
        }
        if ("edited".equals(t.model())) {
            return "edited by hand";
        }
        StringBuilder sb = new StringBuilder();
        if (t.completionTokens() != null) {
            sb.append(t.completionTokens()).append(" tok");
        }
        double tps = t.tokensPerSecond();
        if (!Double.isNaN(tps)) {
            sb.append(sb.isEmpty() ? "" : "  ·  ").append(String.format(Locale.ROOT, "%.1f tok/s", tps));
        }
        if (t.firstTokenMs() != null) {
            sb.append(sb.isEmpty() ? "" : "  ·  ").append("TTFT ").append(t.firstTokenMs()).append(" ms");
        }
        return sb.toString();
    }

    public ObjectProperty<TurnStatus> statusProperty() {
        return status;
    }

    /** Non-null once the turn reached a final state. */
    public ObjectProperty<Turn> settledProperty() {
        return settled;
    }

    public StringProperty statsProperty() {
        return stats;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The assistant turn's evaluation (category chip), or null while unlabelled. */
    public ObjectProperty<TurnLabel> labelProperty() {
        return label;
    }

    public ObservableList<GuardrailEvent> guardrailEvents() {
        return guardrailEvents;
    }
}
