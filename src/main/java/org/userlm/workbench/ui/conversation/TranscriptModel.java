package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.EndReason;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnLabel;

/** The turns of one conversation as shown, live or loaded from history. FX thread only. */
public final class TranscriptModel {
    private final StringProperty conversationId = new SimpleStringProperty();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty parentId = new SimpleStringProperty();
    private final ObjectProperty<EndReason> endReason = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty();
    private final ObservableList<TurnViewModel> turns = FXCollections.observableArrayList();

    public static TranscriptModel of(Conversation c) {
        TranscriptModel m = new TranscriptModel();
        m.started(c);
        m.endReason.set(c.endedBy());
        return m;
    }

    /** Applies one drained event. */
    public void apply(StreamEvent e) {
        if (e instanceof StreamEvent.Started s) {
            started(s.conversation());
        } else if (e instanceof StreamEvent.TurnStarted s) {
            TurnViewModel vm = new TurnViewModel(s.index(), s.role());
            int at = position(s.index());
            if (at >= 0) {
                turns.set(at, vm);
            } else {
                turns.add(vm);
            }
        } else if (e instanceof StreamEvent.Text t) {
            TurnViewModel vm = turn(t.index());
            if (vm != null) {
                vm.append(t.delta());
            }
        } else if (e instanceof StreamEvent.Redraw r) {
            TurnViewModel vm = turn(r.index());
            if (vm != null) {
                vm.redraw(r.event());
            }
        } else if (e instanceof StreamEvent.TurnFinished f) {
            TurnViewModel vm = turn(f.turn().index());
            if (vm == null) {
                turns.add(TurnViewModel.settled(f.turn()));
            } else {
                vm.finish(f.turn());
            }
        } else if (e instanceof StreamEvent.Ended end) {
            removeUnfinished();
            endReason.set(end.conversation().endedBy());
        } else if (e instanceof StreamEvent.Failed f) {
            failure.set(f.message());
            endReason.set(EndReason.ERROR);
        }
    }

    private void started(Conversation c) {
        conversationId.set(c.id());
        title.set(c.title() == null ? "" : c.title());
        parentId.set(c.parentId());
        turns.clear();
        for (Turn t : c.turns()) {
            turns.add(TurnViewModel.settled(t));
        }
    }

    /** A user turn that ended the conversation with nothing to say is never stored: drop its empty bubble. */
    private void removeUnfinished() {
        turns.removeIf(t -> t.settledProperty().get() == null && t.text().isBlank());
    }

    private int position(int index) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).index() == index) {
                return i;
            }
        }
        return -1;
    }

    public TurnViewModel turn(int index) {
        int at = position(index);
        return at < 0 ? null : turns.get(at);
    }

    /** Settled turns before {@code index}, for a fork or a retry. */
    public List<Turn> settledTurnsBefore(int index) {
        List<Turn> out = new ArrayList<>();
        for (TurnViewModel t : turns) {
            if (t.index() < index && t.settledProperty().get() != null) {
                out.add(t.settledProperty().get());
            }
        }
        return out;
    }

    /** "The user ended the conversation" etc. */
    public static String describe(EndReason r) {
        if (r == null) {
            return "";
        }
        return switch (r) {
            case USER_ENDED -> "The simulated user ended the conversation";
            case ALL_SHARDS_REVEALED -> "Every shard was revealed and answered";
            case CONTEXT_FULL -> "The conversation outgrew a model's context (see the last turn)";
            case MAX_TURNS -> "Reached the maximum number of user turns";
            case SOLVED -> "The assistant solved the task";
            case CANCELLED -> "Stopped by you — partial text kept";
            case ERROR -> "Ended by an error";
        } + "  (" + r.wire().toUpperCase(Locale.ROOT) + ")";
    }

    public StringProperty conversationIdProperty() {
        return conversationId;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty parentIdProperty() {
        return parentId;
    }

    public ObjectProperty<EndReason> endReasonProperty() {
        return endReason;
    }

    public StringProperty failureProperty() {
        return failure;
    }

    public ObservableList<TurnViewModel> turns() {
        return turns;
    }

    /** Shows stored or fresh turn labels on the matching assistant turns. */
    public void applyLabels(List<TurnLabel> labels) {
        for (TurnLabel l : labels) {
            TurnViewModel t = turn(l.turnIndex());
            if (t != null) {
                t.labelProperty().set(l);
            }
        }
    }
}
