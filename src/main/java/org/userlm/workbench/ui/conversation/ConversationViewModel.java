package org.userlm.workbench.ui.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.domain.TurnCategory;
import org.userlm.workbench.domain.TurnStatus;
import org.userlm.workbench.inference.ChatModel;
import org.userlm.workbench.inference.InferenceException;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.simulation.ConversationFactory;
import org.userlm.workbench.simulation.ConversationSettings;
import org.userlm.workbench.simulation.ConversationSpec;
import org.userlm.workbench.simulation.RunControl;
import org.userlm.workbench.simulation.UserSimulator;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.WorkbenchServices;
import org.userlm.workbench.ui.settings.RunSettings;

/**
 * The live conversation and the one on screen. A live conversation runs on its own thread and streams into a
 * {@link ConversationStreamBuffer}; {@link #pulse()} (once per frame, FX thread) applies what arrived. The shown
 * transcript may be another one (from history) while the live one keeps streaming.
 *
 * <p>Over 300 lines on purpose: start, pause, step, stop, take-over, fork, retry and reopening all act on the one
 * live run and the shown transcript; streaming is in {@link ConversationStreamBuffer}, the transcript in
 * {@link TranscriptModel}, branch grouping in {@link Branches}.
 */
public final class ConversationViewModel {
    /** What the run controls may do. */
    public enum RunState { IDLE, RUNNING, PAUSED }

    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final ObjectProperty<TranscriptModel> shown = new SimpleObjectProperty<>(new TranscriptModel());
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final BooleanProperty takeOver = new SimpleBooleanProperty();
    private final BooleanProperty awaitingHuman = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty loadProgress = new SimpleDoubleProperty(-1);
    private final StringProperty activity = new SimpleStringProperty("Ready");
    private final ObservableList<ConversationSummary> branches = FXCollections.observableArrayList();
    private final List<Runnable> conversationsChanged = new ArrayList<>();
    private Live live;
    private RunSettings lastSettings;
    private final TurnLabelling labelling;

    private static final class Live {
        final ConversationStreamBuffer buffer;
        final TranscriptModel transcript = new TranscriptModel();
        final RunControl control = new RunControl();
        volatile TakeoverSimulator user;

        Live(ConversationStreamBuffer buffer) {
            this.buffer = buffer;
        }
    }

    public ConversationViewModel(WorkbenchServices services, TaskExecutor bg) {
        this.services = services;
        this.bg = bg;
        this.labelling = new TurnLabelling(services, bg, activity::set);
        takeOver.addListener((o, was, on) -> {
            Live l = live;
            if (l != null && l.user != null) {
                l.user.setTakeOver(on);
            }
        });
    }

    public void start(RunSettings settings) {
        launch(settings.withTakeOver(settings.takeOver() || takeOver.get()), List.of(), null,
                settings.task().title() == null ? settings.task().id() : settings.task().title());
    }

    /** Shows a buffer fed by someone else (the bench's synthetic source). */
    public void watch(ConversationStreamBuffer buffer) {
        Live l = new Live(buffer);
        live = l;
        shown.set(l.transcript);
        state.set(RunState.RUNNING);
    }

    private void launch(RunSettings settings, List<Turn> initial, String parentId, String title) {
        if (live != null) {
            activity.set("A conversation is already running: stop it first");
            return;
        }
        lastSettings = settings;
        Live l = new Live(new ConversationStreamBuffer());
        live = l;
        shown.set(l.transcript);
        state.set(RunState.RUNNING);
        busy.set(true);
        loadProgress.set(-1);
        activity.set("Opening " + settings.simulator().name() + " and " + settings.assistant().name() + "…");
        bg.spawn("conversation-runner", () -> run(l, settings, initial, parentId, title));
    }

    /** Runner thread: blocks until the conversation ends. */
    private void run(Live l, RunSettings s, List<Turn> initial, String parentId, String title) {
        ChatModel assistant = null;
        try {
            // Load progress arrives at load rate (a few per second), so it may share the stream buffer.
            ModelProvider.LoadProgress progress =
                    (stage, fraction) -> l.buffer.post(new StreamEvent.Loading(stage, fraction));
            ModelProvider withProgress = b -> services.open(b, progress);
            ConversationSettings cs = s.conversationSettings();
            UserSimulator sim = s.simulator().kind() == SimulatorKind.HUMAN ? null
                    : ConversationFactory.simulator(cs, withProgress, null);
            l.user = new TakeoverSimulator(sim, s.takeOver() || sim == null,
                    waiting -> l.buffer.post(new StreamEvent.AwaitingHuman(waiting)));
            assistant = withProgress.open(s.assistant().backend());
            ConversationSpec spec = ConversationFactory.spec(cs, s.task(), l.user, assistant,
                    ConversationFactory.Placement.of(null, title).continuing(initial, parentId), withProgress);
            services.runner().run(spec, l.buffer, l.control);
        } catch (InferenceException | RuntimeException e) {
            l.buffer.post(new StreamEvent.Failed(Messages.shortMessage(e)));
        } finally {
            if (assistant != null) {
                assistant.close();
            }
        }
    }

    /** FX thread, once per frame: applies what the runner streamed since the last frame. */
    public void pulse() {
        Live l = live;
        if (l == null) {
            return;
        }
        if (state.get() == RunState.PAUSED && l.control.isWaiting() && !activity.get().startsWith("Paused")) {
            activity.set("Paused between turns: Step (Ctrl+T) for one more, Continue (Ctrl+R) to go on");
        }
        for (StreamEvent e : l.buffer.drain()) {
            l.transcript.apply(e);
            if (e instanceof StreamEvent.Loading p) {
                loadProgress.set(p.fraction());
                activity.set("Loading model: " + p.stage() + (p.fraction() >= 0
                        ? String.format(Locale.ROOT, " %.0f%%", p.fraction() * 100) : ""));
            } else if (e instanceof StreamEvent.AwaitingHuman a) {
                awaitingHuman.set(a.waiting());
                activity.set(a.waiting() ? "Your turn: type the user's message" : "Running");
            } else if (e instanceof StreamEvent.Started s) {
                busy.set(false);
                activity.set("Running: " + s.conversation().userModel() + " ↔ " + s.conversation().assistantModel());
                refreshBranches();
                fireConversationsChanged();
            } else if (e instanceof StreamEvent.Ended || e instanceof StreamEvent.Failed) {
                live = null;
                if (e instanceof StreamEvent.Ended ended && lastSettings != null) {
                    labelFinished(l.transcript, ended.conversation(), lastSettings);
                }
                busy.set(false);
                state.set(RunState.IDLE);
                awaitingHuman.set(false);
                activity.set(e instanceof StreamEvent.Failed f ? "Failed: " + f.message()
                        : TranscriptModel.describe(((StreamEvent.Ended) e).conversation().endedBy()));
                refreshBranches();
                fireConversationsChanged();
                return;
            }
        }
    }

    public void pause() {
        if (live != null && state.get() == RunState.RUNNING) {
            live.control.pause();
            state.set(RunState.PAUSED);
            activity.set("Pausing after the current turn");
        }
    }

    public void resume() {
        if (live != null && state.get() == RunState.PAUSED) {
            live.control.resume();
            state.set(RunState.RUNNING);
            activity.set("Running");
        }
    }

    public void step() {
        if (live != null && state.get() == RunState.PAUSED) {
            live.control.step();
            activity.set("One more turn");
        }
    }

    public void stop() {
        if (live != null) {
            live.control.stop();
            activity.set("Stopping");
        }
    }

    /**
     * The researcher typed a user turn (take-over). While a conversation runs it is the next user turn; on a
     * finished one it continues that conversation in a new branch. Returns false (and says why in the status)
     * when the text was not taken, so the composer keeps it.
     */
    public boolean submitHumanTurn(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        Live l = live;
        if (l != null) {
            if (l.user == null) {
                activity.set("The conversation is still starting: send again in a moment");
                return false;
            }
            l.user.submit(text.strip());
            return true;
        }
        TranscriptModel t = shown.get();
        String id = t.conversationIdProperty().get();
        List<Turn> before = t.settledTurnsBefore(Integer.MAX_VALUE);
        if (id == null || before.isEmpty()) {
            activity.set("Start a conversation first: there is nothing to continue");
            return false;
        }
        if (before.get(before.size() - 1).role() == Role.USER) {
            activity.set("The last turn is the user's: edit it to fork, or start a new conversation");
            return false;
        }
        List<Turn> initial = new ArrayList<>(before);
        initial.add(Turn.typed(initial.size(), Role.USER, text.strip()));
        launchFromStored(id, initial, id, t.titleProperty().get() + " · continued");
        return true;
    }

    /** Edits a settled turn of the shown conversation and continues from there in a new branch. */
    public void fork(int index, String newText) {
        TranscriptModel t = shown.get();
        TurnViewModel turn = t.turn(index);
        if (turn == null || turn.settledProperty().get() == null || t.conversationIdProperty().get() == null) {
            return;
        }
        List<Turn> initial = new ArrayList<>(t.settledTurnsBefore(index));
        // An edited turn is the researcher's text: no model, no token statistics from the original.
        initial.add(new Turn(initial.size(), turn.role(), newText.strip(), newText.strip(), TurnStatus.COMPLETE, null,
                System.currentTimeMillis(), null, 0L, null, null, null, "edited", List.of(), false, null));
        String id = t.conversationIdProperty().get();
        launchFromStored(id, initial, id, t.titleProperty().get() + " · fork @ turn " + (index + 1));
    }

    /** Retries a failed conversation: a new branch that continues from the last good turn. */
    public void retry() {
        TranscriptModel t = shown.get();
        String id = t.conversationIdProperty().get();
        if (id == null) {
            if (lastSettings != null) {
                launch(lastSettings, List.of(), null, lastSettings.task().title());
            }
            return;
        }
        int failedAt = t.turns().stream().filter(v -> v.statusProperty().get() == TurnStatus.FAILED)
                .mapToInt(TurnViewModel::index).findFirst().orElse(t.turns().size());
        launchFromStored(id, t.settledTurnsBefore(failedAt), id, t.titleProperty().get() + " · retry");
    }

    /** Runs a stored conversation again from scratch with its stored settings. */
    public void rerun(String conversationId, String title) {
        launchFromStored(conversationId, List.of(), null, title + " · re-run");
    }

    private void launchFromStored(String id, List<Turn> initial, String parentId, String title) {
        if (live != null) {
            activity.set("A conversation is already running: stop it first");
            return;
        }
        bg.run(() -> services.conversations().find(id)
                        .flatMap(c -> RunSettings.fromJson(c.settingsJson(), services.tasks().all())),
                s -> s.ifPresentOrElse(settings -> launch(settings.withTakeOver(takeOver.get()), initial, parentId,
                        title), () -> activity.set("This conversation has no re-runnable settings")),
                e -> activity.set("Cannot load settings: " + Messages.shortMessage(e)));
    }

    /** Shows a stored conversation (or the live one, if that is the one asked for). */
    public void open(String conversationId) {
        if (live != null && Objects.equals(conversationId, live.transcript.conversationIdProperty().get())) {
            shown.set(live.transcript);
            refreshBranches();
            return;
        }
        bg.run(() -> services.conversations().find(conversationId), c -> {
            c.ifPresent(conv -> {
                TranscriptModel t = TranscriptModel.of(conv);
                shown.set(t);
                labelling.load(t, conv.id());
            });
            refreshBranches();
        }, e -> activity.set("Cannot open: " + Messages.shortMessage(e)));
    }

    private void labelFinished(TranscriptModel t, Conversation c, RunSettings s) {
        labelling.labelFinished(t, c, s);
    }

    /** An annotator set an assistant turn's category: regraded when it is now an answer attempt, then stored. */
    public void relabel(int index, TurnCategory category) {
        labelling.relabel(shown.get(), index, category);
    }

    private void refreshBranches() {
        String id = shown.get().conversationIdProperty().get();
        if (id == null) {
            branches.clear();
            return;
        }
        bg.run(() -> Branches.family(services.conversations().list(), id), branches::setAll,
                e -> activity.set(Messages.shortMessage(e)));
    }

    public void onConversationsChanged(Runnable r) {
        conversationsChanged.add(r);
    }

    private void fireConversationsChanged() {
        conversationsChanged.forEach(Runnable::run);
    }

    public boolean isLive() {
        return live != null;
    }

    public ObjectProperty<TranscriptModel> shownProperty() {
        return shown;
    }

    public ObjectProperty<RunState> stateProperty() {
        return state;
    }

    public BooleanProperty takeOverProperty() {
        return takeOver;
    }

    public BooleanProperty awaitingHumanProperty() {
        return awaitingHuman;
    }

    /** Fraction of the current model load, or -1 when unknown. */
    public DoubleProperty loadProgressProperty() {
        return loadProgress;
    }

    /** True while models open (before the first event of a conversation). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the live conversation is doing, or why it could not start (status bar). */
    public ReadOnlyStringProperty activityProperty() {
        return activity;
    }

    /** Shows why a conversation cannot start (e.g. "Choose a task first"). */
    public void explain(String problem) {
        activity.set(problem);
    }

    /** Ctrl+U: take over the user side, or hand it back. */
    public void toggleTakeOver() {
        takeOver.set(!takeOver.get());
    }

    public ObservableList<ConversationSummary> branches() {
        return branches;
    }
}
