package org.userlm.workbench.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.AssistantSettings;
import org.userlm.workbench.domain.Comparison;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.SimulatorSettings;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.evaluation.metrics.Outcome;
import org.userlm.workbench.evaluation.metrics.Outcomes;
import org.userlm.workbench.evaluation.metrics.RepeatSummary;
import org.userlm.workbench.inference.ModelProvider;
import org.userlm.workbench.reports.ComparisonExport;
import org.userlm.workbench.simulation.compare.ComparisonHandle;
import org.userlm.workbench.simulation.compare.ComparisonLoader;
import org.userlm.workbench.simulation.compare.ComparisonRequest;
import org.userlm.workbench.simulation.compare.ComparisonRunner;
import org.userlm.workbench.simulation.compare.CompletedConversation;
import org.userlm.workbench.storage.ComparisonRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.TurnLabelRepository;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.settings.ProfileStore;
import org.userlm.workbench.ui.settings.ProtocolForm;

/**
 * State of the compare view (FX thread). Reads, exports and reopening run through the {@link TaskExecutor}; the
 * runner's streaming callbacks become updates in a queue ({@link ColumnUpdates}) that {@link #drain()} applies once
 * per pulse (the view's AnimationTimer). The fields are the view's (same package); nothing outside sees them.
 *
 * <p>Just over 300 lines on purpose: starting, stopping, draining the column queue, repeat summaries, reopening
 * and exporting a comparison share one run's state; the per-column state, the update queue and the judge live
 * beside it ({@link ColumnState}, {@link ColumnUpdates}, {@link JudgeViewModel}).
 */
public final class CompareViewModel {
    /** Life cycle of the view. */
    public enum State { IDLE, RUNNING, LOADING, DONE }

    /** One row of the Repeat-N table. */
    public record SummaryRow(int column, String name, RepeatSummary summary) {
    }

    final ObservableList<Task> tasks = FXCollections.observableArrayList();
    final ObjectProperty<Task> task = new SimpleObjectProperty<>();
    /** The simulator rows and the assistant, picked from the saved backend profiles. */
    final CompareProfiles choices = new CompareProfiles();
    final ObservableList<ProfileRow> profiles = choices.rows;
    final IntegerProperty repeats = new SimpleIntegerProperty(1);
    /** 0: the default of each simulator kind (8; sharded: shards + 8). */
    final IntegerProperty maxTurns = new SimpleIntegerProperty(0);
    /** Intent template, simulator prompt, sampling, limits, grader and judge, applied to every column. */
    final ProtocolForm protocol = new ProtocolForm();

    {
        protocol.overrideLimitsProperty().set(false);
    }
    final BooleanProperty stopWhenSolved = new SimpleBooleanProperty(false);
    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    final StringProperty message = new SimpleStringProperty("");
    final StringProperty comparisonId = new SimpleStringProperty();
    final ObservableList<ColumnState> columns = FXCollections.observableArrayList();
    final ObservableList<SummaryRow> summaries = FXCollections.observableArrayList();
    final ObservableList<Comparison> saved = FXCollections.observableArrayList();

    private final ComparisonRepository comparisons;
    private ComparisonRunner runner;
    private ComparisonLoader loader;
    private final Supplier<List<Task>> taskList;
    private final TaskExecutor executor;
    private final Queue<Runnable> updates = new ConcurrentLinkedQueue<>();
    private final List<CompletedConversation> completed = new ArrayList<>();
    private ComparisonHandle handle;

    /** Touches no database: call {@link #load()} to fill the task list and the stored comparisons. */
    public CompareViewModel(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models, Supplier<List<Task>> taskList, TaskExecutor executor) {
        this(conversations, comparisons, models, taskList, executor, null);
    }

    public CompareViewModel(ConversationRepository conversations, ComparisonRepository comparisons,
                            ModelProvider models, Supplier<List<Task>> taskList, TaskExecutor executor,
                            BiFunction<Task, Conversation, Outcome> grader) {
        this.comparisons = comparisons;
        this.runner = new ComparisonRunner(conversations, comparisons, models, grader);
        this.loader = new ComparisonLoader(conversations, comparisons, grader == null ? Outcomes::grade : grader);
        this.taskList = taskList;
        this.executor = executor;
    }

    /** Offers the saved profiles of {@code store} (as Live does) and remembers the choice there at every Start. */
    public CompareViewModel useProfiles(ProfileStore store) {
        choices.useStore(store);
        return this;
    }

    /** Loads the tasks (selecting the first) and the stored comparisons, in the background. */
    public void load() {
        BackgroundTask.wrap(() -> taskList.get()).onSuccess(list -> {
            tasks.setAll(list);
            if (task.get() == null && !list.isEmpty()) {
                task.set(list.get(0));
            }
        }).onFailure(e -> message.set("Cannot load the tasks: " + e.getMessage())).describedAs("loading tasks")
                .executeWith(executor);
        refreshSaved();
    }

    /** Applies queued streaming updates; FX thread. Returns whether anything changed. */
    public boolean drain() {
        boolean any = false;
        Runnable r;
        while ((r = updates.poll()) != null) {
            r.run();
            any = true;
        }
        return any;
    }

    /** Also stores every conversation's turn labels (category chips, extracted answers, grades). */
    public CompareViewModel storeLabelsIn(TurnLabelRepository labels) {
        runner = runner.withLabels(labels);
        loader = loader.withLabels(labels);
        return this;
    }

    /** A problem that prevents Start, or null. */
    public String validate() {
        if (task.get() == null) {
            return "Choose a task.";
        }
        if (profiles.size() < 2 || profiles.size() > ComparisonRequest.MAX_COLUMNS) {
            return "Choose 2 to 4 simulator profiles.";
        }
        return choices.problem();
    }

    /** Starts all conversations concurrently; FX thread. */
    public void start() {
        String problem = validate();
        if (problem != null) {
            message.set(problem);
            return;
        }
        List<SimulatorSettings> ps = profiles.stream().map(ProfileRow::toSettings).map(protocol::apply).toList();
        AssistantSettings asst = choices.assistantSettings();
        choices.remember(executor);
        ComparisonRequest req = new ComparisonRequest(title.get(), task.get(), asst, ps, Math.max(1, repeats.get()),
                maxTurns.get() < 1 ? null : maxTurns.get(), stopWhenSolved.get(), null, protocol.graderMode(),
                protocol.judge());
        resetColumns(ps);
        state.set(State.RUNNING);
        message.set("Running " + ps.size() * req.repeats() + " conversations…");
        ComparisonHandle h = runner.start(req, new ColumnUpdates(updates, columns, this::onDone));
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

    /** The finished conversations (FX thread), for judging. */
    public List<CompletedConversation> completed() {
        return List.copyOf(completed);
    }

    /** The comparison shown (running, finished or reopened), or null. */
    public ReadOnlyStringProperty comparisonIdProperty() {
        return comparisonId;
    }

    /** The simulator profile name of a column. */
    public String columnName(int column) {
        return columns.get(column).name();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Reloads the list of stored comparisons (in the background). */
    public void refreshSaved() {
        BackgroundTask.wrap(() -> comparisons.list()).onSuccess(saved::setAll).describedAs("listing comparisons")
                .executeWith(executor);
    }

    /** Reopens a stored comparison: settings, columns and re-graded outcomes. */
    public void open(String id) {
        state.set(State.LOADING);
        message.set("Opening…");
        List<Task> known = List.copyOf(tasks);
        BackgroundTask.wrap(() -> loader.load(id, known))
                .onSuccess(l -> l.ifPresentOrElse(this::show, () -> fail("No comparison " + id)))
                .onFailure(e -> fail("Cannot open the comparison: " + e.getMessage()))
                .describedAs("opening comparison " + id).executeWith(executor);
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
        repeats.set(c.repeats());
        maxTurns.set(c.maxUserTurns());
        choices.show(c);
        protocol.show(c.profiles().isEmpty() ? null : c.profiles().get(0), protocol.graderMode(), protocol.judge());
        resetColumns(c.profiles());
        l.conversations().forEach(this::onDone);
        state.set(State.DONE);
        message.set("Opened \"" + c.title() + "\" (" + l.conversations().size() + " conversations).");
    }

    /** Writes the comparison's conversations as JSON Lines (background); {@code then} gets a status line. */
    public void exportJsonl(Path file, Consumer<String> then) {
        export(file, then, "Export", l -> "Exported " + ComparisonExport.writeJsonl(l, file) + " conversations to "
                + file);
    }

    /** Writes a self-contained HTML page of the comparison (background). */
    public void exportHtml(Path file, Consumer<String> then) {
        export(file, then, "HTML export", l -> {
            ComparisonExport.writeHtml(l, comparisons.judgments(l.comparison().id()), file);
            return "Exported HTML to " + file;
        });
    }

    /** Writes one file of the loaded comparison; returns the status line. */
    private interface Writing {
        String write(ComparisonLoader.Loaded comparison) throws Exception;
    }

    private void export(Path file, Consumer<String> then, String what, Writing writing) {
        String id = comparisonId.get();
        if (id == null) {
            message.set("Nothing to export yet.");
            return;
        }
        List<Task> known = List.copyOf(tasks);
        BackgroundTask.wrap(() -> {
            Optional<ComparisonLoader.Loaded> l = loader.load(id, known);
            return writing.write(l.orElseThrow(() -> new IllegalStateException("no comparison " + id)));
        }).onSuccess(m -> {
            message.set(m);
            then.accept(m);
        }).onFailure(e -> {
            String m = what + " failed: " + e.getMessage();
            message.set(m);
            then.accept(m);
        }).describedAs(what + " of comparison " + id + " to " + file).executeWith(executor);
    }
}
