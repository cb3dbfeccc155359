package org.userlm.workbench.ui.compare;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.BackendSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.GuardrailEvent;
import org.userlm.workbench.domain.Role;
import org.userlm.workbench.domain.SimulatorKind;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.evaluation.metrics.RepeatSummary;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.simulation.compare.ComparisonHandle;
import org.userlm.workbench.simulation.compare.ComparisonHtml;
import org.userlm.workbench.simulation.compare.ComparisonListener;
import org.userlm.workbench.simulation.compare.ComparisonLoader;
import org.userlm.workbench.simulation.compare.ComparisonRequest;
import org.userlm.workbench.simulation.compare.ComparisonRunner;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationJsonl;
import org.userlm.workbench.storage.ConversationRepository;

/**
 * State of the compare view. Background threads never touch the properties: every callback becomes an update in a
 * queue that {@link #drain()} applies on the FX thread, once per pulse (the view's AnimationTimer).
 */
public final class CompareViewModel {
    /** Life cycle of the view. */
    public enum State { IDLE, RUNNING, LOADING, DONE }

    /** One row of the Repeat-N table. */
    public record SummaryRow(int column, String name, RepeatSummary summary) {
    }

    public final ObservableList<Task> tasks = FXCollections.observableArrayList();
    public final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    public final StringProperty assistantUrl = new SimpleStringProperty("http://127.0.0.1:8001/v1");
    public final StringProperty assistantModel = new SimpleStringProperty("gpt-4o");
    public final ObservableList<ProfileRow> profiles = FXCollections.observableArrayList();
    public final IntegerProperty repeats = new SimpleIntegerProperty(1);
    public final IntegerProperty maxTurns = new SimpleIntegerProperty(6);
    public final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(false);
    public final StringProperty title = new SimpleStringProperty("");
    public final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    public final StringProperty message = new SimpleStringProperty("");
    public final StringProperty comparisonId = new SimpleStringProperty();
    public final ObservableList<ColumnState> columns = FXCollections.observableArrayList();
    public final ObservableList<SummaryRow> summaries = FXCollections.observableArrayList();
    public final ObservableList<Comparison> saved = FXCollections.observableArrayList();

    private final ConversationRepository conversations;
    private final ComparisonRepository comparisons;
    private final ComparisonRunner runner;
    private final ComparisonLoader loader;
    private final Executor background;
    private final Queue<Runnable> updates = new ConcurrentLinkedQueue<>();
    private final List<CompletedConversation> completed = new ArrayList<>();
    private ComparisonHandle handle;

    public CompareViewModel(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models, Supplier<List<Task>> taskList, Executor background) {
        this(conversations, comparisons, models, taskList, background, Outcomes::grade);
    }

    public CompareViewModel(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models, Supplier<List<Task>> taskList, Executor background,
                            BiFunction<Task, Conversation, Outcome> grader) {
        this.conversations = conversations;
        this.comparisons = comparisons;
        this.runner = new ComparisonRunner(conversations, comparisons, models, grader);
        this.loader = new ComparisonLoader(conversations, comparisons, grader);
        this.background = background;
        tasks.setAll(taskList.get());
        if (!tasks.isEmpty()) {
            task.set(tasks.get(0));
        }
        profiles.setAll(new ProfileRow("UserLM-8b + guardrails", SimulatorKind.USERLM, "http://127.0.0.1:8000/v1",
                        "microsoft/UserLM-8b", ProfileRow.Preset.DEFAULT),
                new ProfileRow("UserLM-8b, no guardrails", SimulatorKind.USERLM, "http://127.0.0.1:8000/v1",
                        "microsoft/UserLM-8b", ProfileRow.Preset.OFF),
                new ProfileRow("GPT-4o as user", SimulatorKind.PROMPTED, "http://127.0.0.1:8001/v1", "gpt-4o",
                        ProfileRow.Preset.OFF));
        refreshSaved();
    }

    /** Applies queued updates; FX thread. Returns whether anything changed. */
    public boolean drain() {
        boolean any = false;
        Runnable r;
        while ((r = updates.poll()) != null) {
            r.run();
            any = true;
        }
        return any;
    }

    /** A problem that prevents Start, or null. */
    public String validate() {
        if (task.get() == null) {
            return "Choose a task.";
        }
        if (profiles.size() < 2 || profiles.size() > ComparisonRequest.MAX_COLUMNS) {
            return "Choose 2 to 4 simulator profiles.";
        }
        if (assistantUrl.get().isBlank() || assistantModel.get().isBlank()) {
            return "Give the assistant's URL and model.";
        }
        return null;
    }

    /** Starts all conversations concurrently; FX thread. */
    public void start() {
        String problem = validate();
        if (problem != null) {
            message.set(problem);
            return;
        }
        List<SimulatorSettings> ps = profiles.stream().map(ProfileRow::toSettings).toList();
        BackendSettings ab = BackendSettings.openAiChat(assistantUrl.get().strip(), assistantModel.get().strip());
        AssistantSettings asst = new AssistantSettings(ab.model(), ab, null, null);
        ComparisonRequest req = new ComparisonRequest(title.get(), task.get(), asst, ps, Math.max(1, repeats.get()),
                Math.max(1, maxTurns.get()), stopWhenSolved.get(), null);
        resetColumns(ps);
        state.set(State.RUNNING);
        message.set("Running " + ps.size() * req.repeats() + " conversations…");
        ComparisonHandle h = runner.start(req, new Forwarder());
        handle = h;
        comparisonId.set(h.comparisonId());
        h.done().whenComplete((list, err) -> updates.add(() -> {
            state.set(State.DONE);
            message.set(err != null ? "Comparison failed: " + err.getMessage() : "Done: " + list.size()
                    + " conversations stored (comparison " + h.comparisonId().substring(0, 8) + ").");
            refreshSaved();
        }));
    }

    /** Stops every conversation; partial turns are kept. */
    public void stop() {
        if (handle != null) {
            handle.stop();
        }
    }

    private void resetColumns(List<SimulatorSettings> ps) {
        completed.clear();
        summaries.clear();
        List<ColumnState> cs = new ArrayList<>();
        for (SimulatorSettings p : ps) {
            cs.add(new ColumnState(p));
        }
        columns.setAll(cs);
    }

    private void onDone(CompletedConversation cc) {
        completed.add(cc);
        Transcript tr = Transcript.of(cc.conversation(), cc.metrics());
        tr.version = columns.get(cc.column()).transcript(cc.repeat()).version + 1;
        columns.get(cc.column()).repeats.put(cc.repeat(), tr);
        recomputeSummaries();
    }

    private void recomputeSummaries() {
        List<SummaryRow> rows = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            List<CompletedConversation> mine = completed.stream().filter(x -> x.column() == col).toList();
            if (!mine.isEmpty()) {
                rows.add(new SummaryRow(col, columns.get(col).name(),
                        RepeatSummary.of(mine.stream().map(CompletedConversation::metrics).toList())));
            }
        }
        summaries.setAll(rows);
    }

    ComparisonRepository comparisons() {
        return comparisons;
    }

    /** The finished conversations (FX thread), for judging. */
    public List<CompletedConversation> completed() {
        return List.copyOf(completed);
    }

    /** Reloads the list of stored comparisons (in the background). */
    public void refreshSaved() {
        background.execute(() -> {
            List<Comparison> list = comparisons.list();
            updates.add(() -> saved.setAll(list));
        });
    }

    /** Reopens a stored comparison: settings, columns and re-graded outcomes. */
    public void open(String id) {
        state.set(State.LOADING);
        message.set("Opening…");
        List<Task> known = List.copyOf(tasks);
        background.execute(() -> {
            Optional<ComparisonLoader.Loaded> l;
            try {
                l = loader.load(id, known);
            } catch (RuntimeException e) {
                updates.add(() -> fail("Cannot open the comparison: " + e.getMessage()));
                return;
            }
            updates.add(() -> l.ifPresentOrElse(this::show, () -> fail("No comparison " + id)));
        });
    }

    private void fail(String why) {
        state.set(State.IDLE);
        message.set(why);
    }

    private void show(ComparisonLoader.Loaded l) {
        Comparison c = l.comparison();
        comparisonId.set(c.id());
        title.set(c.title());
        if (l.task() != null) {
            task.set(l.task());
        }
        assistantUrl.set(c.assistant().backend().baseUrl() == null ? "" : c.assistant().backend().baseUrl());
        assistantModel.set(c.assistant().backend().model());
        repeats.set(c.repeats());
        maxTurns.set(c.maxUserTurns());
        profiles.setAll(c.profiles().stream().map(ProfileRow::of).toList());
        resetColumns(c.profiles());
        l.conversations().forEach(this::onDone);
        state.set(State.DONE);
        message.set("Opened \"" + c.title() + "\" (" + l.conversations().size() + " conversations).");
    }

    /** Writes the comparison's conversations as JSON Lines (background); {@code then} gets a status line. */
    public void exportJsonl(Path file, Consumer<String> then) {
        String id = comparisonId.get();
        if (id == null) {
            message.set("Nothing to export yet.");
            return;
        }
        background.execute(() -> {
            String msg;
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                List<Conversation> list = comparisons.entries(id).stream()
                        .map(e -> conversations.find(e.conversationId())).flatMap(Optional::stream).toList();
                ConversationJsonl.write(list, w);
                msg = "Exported " + list.size() + " conversations to " + file;
            } catch (IOException | RuntimeException e) {
                msg = "Export failed: " + e.getMessage();
            }
            String m = msg;
            updates.add(() -> {
                message.set(m);
                then.accept(m);
            });
        });
    }

    /** Writes a self-contained HTML page of the comparison (background). */
    public void exportHtml(Path file, Consumer<String> then) {
        String id = comparisonId.get();
        if (id == null) {
            message.set("Nothing to export yet.");
            return;
        }
        List<Task> known = List.copyOf(tasks);
        background.execute(() -> {
            String msg;
            try {
                ComparisonLoader.Loaded l = loader.load(id, known).orElseThrow();
                Files.writeString(file, ComparisonHtml.render(l, comparisons.judgments(id)), StandardCharsets.UTF_8);
                msg = "Exported HTML to " + file;
            } catch (IOException | RuntimeException e) {
                msg = "HTML export failed: " + e.getMessage();
            }
            String m = msg;
            updates.add(() -> {
                message.set(m);
                then.accept(m);
            });
        });
    }

    /** Turns runner callbacks (any thread) into queued updates. */
    private final class Forwarder implements ComparisonListener {
        @Override
        public void onConversationStarted(int column, int repeat, Conversation conversation) {
            updates.add(() -> columns.get(column).transcript(repeat).conversationId = conversation.id());
        }

        @Override
        public void onTurnStarted(int column, int repeat, int index, Role role) {
            updates.add(() -> {
                Transcript tr = columns.get(column).transcript(repeat);
                tr.cell(index, role);
                tr.version++;
            });
        }

        @Override
        public void onText(int column, int repeat, int index, String delta) {
            updates.add(() -> {
                Transcript tr = columns.get(column).transcript(repeat);
                Transcript.Cell c = tr.cells.stream().filter(x -> x.index == index).findFirst().orElse(null);
                if (c != null) {
                    c.text.append(delta);
                    tr.version++;
                }
            });
        }

        @Override
        public void onRedraw(int column, int repeat, int index, GuardrailEvent event) {
            updates.add(() -> {
                Transcript tr = columns.get(column).transcript(repeat);
                Transcript.Cell c = tr.cells.stream().filter(x -> x.index == index).findFirst().orElse(null);
                if (c != null) {
                    c.text.setLength(0);
                    c.redraws++;
                    tr.version++;
                }
            });
        }

        @Override
        public void onTurnFinished(int column, int repeat, Turn turn) {
            updates.add(() -> columns.get(column).transcript(repeat).finish(turn));
        }

        @Override
        public void onConversationDone(CompletedConversation done) {
            updates.add(() -> onDone(done));
        }

        @Override
        public void onFailed(int column, int repeat, String msg) {
            updates.add(() -> {
                Transcript tr = columns.get(column).transcript(repeat);
                tr.error = msg;
                tr.version++;
            });
        }
    }
}
