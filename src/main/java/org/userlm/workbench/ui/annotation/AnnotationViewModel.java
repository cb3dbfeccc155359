package org.userlm.workbench.ui.annotation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationQuestion;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.domain.QuestionType;
import org.userlm.workbench.domain.Turn;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.storage.AnnotationSchemaRepository;
import org.userlm.workbench.storage.AnnotationValues;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.ui.common.TaskExecutor;

/**
 * State and actions of the annotation view. Every property belongs to the UI thread of the {@link TaskExecutor}
 * (the FX thread in the app, the test thread in tests); repository calls run on its {@code annotation-io} lane
 * ({@link AnnotationStorage}). Every answer is written at once (durably, in order); {@link #savedCountProperty()}
 * counts writes that have committed.
 *
 * <p>Over 300 lines on purpose: it is one keyboard-driven state machine (queue, selection, focus, answers, undo);
 * its parts that stand alone already live beside it ({@link AnswerStore}, {@link Progress}, {@link AnnotationQueue},
 * {@link AnnotationStorage}).
 */
public final class AnnotationViewModel {
    private final AnnotationStorage storage;
    private final Supplier<String> annotatorName;
    private final LongSupplier clock;
    private final AnswerStore answers = new AnswerStore();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Progress progress;
    private AnnotationSchema schema;
    private String annotator;
    private final AnnotationRepository answerRepository;

    /** Every stored answer's repository (the agreement dialog reads it off the FX thread). */
    AnnotationRepository answerRepository() {
        return answerRepository;
    }

    /** Forgets the annotator; the next queue asks the supplier again (switch annotator). */
    public void forgetAnnotator() {
        annotator = null;
    }

    private AnnotationQueue queue = AnnotationQueue.empty();
    private int conversationPos = -1;
    private final ObservableList<WorkItem> items = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final IntegerProperty focusedQuestion = new SimpleIntegerProperty(0);
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final IntegerProperty savedCount = new SimpleIntegerProperty();
    private final BooleanProperty blind = new SimpleBooleanProperty();
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty intent = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("0 / 0");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final ObservableList<String> simulatorChoices = FXCollections.observableArrayList();
    private final ObservableList<String> taskChoices = FXCollections.observableArrayList();
    private final ObservableList<String> runChoices = FXCollections.observableArrayList();
    private boolean started;
    private int pendingSaves;

    private record Undo(AnswerStore.Key key, String oldValue) {
    }

    /**
     * Touches no database: {@link #load()} reads the schema (storing the default one on the first run) and the
     * queue builder's choices. {@code schemas} may be null (a fixed schema, no editor) only with {@code schema}.
     */
    public AnnotationViewModel(ConversationRepository conversations, AnnotationRepository annotations,
                               AnnotationSchemaRepository schemas, Supplier<String> annotatorName,
                               TaskExecutor executor, LongSupplier clock) {
        this.storage = new AnnotationStorage(conversations, annotations, schemas, executor);
        this.answerRepository = annotations;
        this.annotatorName = annotatorName;
        this.clock = clock;
        this.progress = new Progress(clock);
    }

    /** Loads the schema and the simulators, tasks and runs present in the history (in the background). */
    public void load() {
        started = true;
        status.set("loading…");
        storage.start(schema, st -> {
            schema = st.schema();
            simulatorChoices.setAll(st.simulators());
            taskChoices.setAll(st.tasks());
            runChoices.setAll(st.runs());
            status.set("");
            ready.set(true);
        }, e -> status.set("cannot open the annotation schemas: " + e.getMessage()));
    }

    /** Builds the queue in the background; {@code done} runs on the UI thread once it is shown. */
    public void buildQueue(QueueFilter filter, Runnable done) {
        if (annotator == null) {
            annotator = annotatorName.get();
        }
        if (!started) {
            load();
        }
        status.set("building queue…");
        storage.queue(filter, annotator, q -> {
            showQueue(filter, q.conversations(), q.answers());
            done.run();
        }, e -> status.set("could not build the queue: " + e.getMessage()));
    }

    private void showQueue(QueueFilter filter, List<Conversation> loaded, List<Annotation> stored) {
        answers.clear();
        answers.load(stored);
        undo.clear();
        List<Conversation> q = new ArrayList<>(loaded);
        if (filter.unannotatedOnly()) {
            q.removeIf(c -> itemsOf(c).stream().allMatch(i -> answers.complete(i, schema)));
        }
        if (filter.blind()) {
            Collections.shuffle(q, new Random(clock.getAsLong()));
        }
        blind.set(filter.blind());
        queue = new AnnotationQueue(q, this::itemsOf);
        progress.reset(queue.totalItems(), (int) queue.count(i -> answers.complete(i, schema)));
        status.set(queue.isEmpty() ? "no conversations match" : "");
        conversationPos = -1;
        if (!queue.isEmpty()) {
            openConversation(0);
            if (answers.complete(items.get(0), schema)) {
                nextUnannotated();
            }
        } else {
            items.clear();
            selected.set(-1);
        }
        refresh();
    }

    /** The work items of a conversation: its turns, then the conversation itself when the schema asks about it. */
    List<WorkItem> itemsOf(Conversation c) {
        List<WorkItem> out = new ArrayList<>();
        for (Turn t : c.turns()) {
            out.add(new WorkItem(c.id(), t.index(), t.role(), t.content(), t.model()));
        }
        WorkItem whole = WorkItem.conversation(c.id());
        if (!schema.questionsFor(whole.scope()).isEmpty()) {
            out.add(whole);
        }
        return out;
    }

    private void openConversation(int pos) {
        conversationPos = pos;
        Conversation c = queue.conversation(pos);
        items.setAll(itemsOf(c));
        String where = "Conversation " + (pos + 1) + " / " + queue.size() + " · task " + c.taskId();
        header.set(blind.get() ? where : where + " · " + c.simulator() + " (" + c.userModel() + ") vs "
                + c.assistantModel());
        intent.set(c.intent() == null ? "" : c.intent());
        select(0);
    }

    /** Selects an item of the current conversation and focuses its first question. */
    public void select(int index) {
        if (index < 0 || index >= items.size()) {
            return;
        }
        focusedQuestion.set(0);
        selected.set(index);
        refresh();
    }

    /** The selected item, or null. */
    public WorkItem selectedItem() {
        int i = selected.get();
        return i >= 0 && i < items.size() ? items.get(i) : null;
    }

    /** The questions of the selected item. */
    public List<AnnotationQuestion> questions() {
        WorkItem item = selectedItem();
        return item == null ? List.of() : schema.questionsFor(item.scope());
    }

    /** The selected item's stored answer to a question, or null. */
    public String value(AnnotationQuestion q) {
        WorkItem item = selectedItem();
        return item == null ? null : answers.value(key(item, q));
    }

    /** True when the item's required questions all have answers. */
    public boolean complete(WorkItem item) {
        return answers.complete(item, schema);
    }

    /** Moves to the next item (into the next conversation at the end of one). */
    public void next() {
        if (selected.get() + 1 < items.size()) {
            select(selected.get() + 1);
        } else if (conversationPos + 1 < queue.size()) {
            openConversation(conversationPos + 1);
        }
    }

    /** Moves to the previous item (into the previous conversation at the start of one). */
    public void previous() {
        if (selected.get() > 0) {
            select(selected.get() - 1);
        } else if (conversationPos > 0) {
            openConversation(conversationPos - 1);
            select(items.size() - 1);
        }
    }

    /** Jumps to the next item without a complete answer set (wrapping around the queue); false when none. */
    public boolean nextUnannotated() {
        if (queue.isEmpty()) {
            return false;
        }
        return queue.next(new AnnotationQueue.Position(conversationPos, selected.get()),
                i -> !answers.complete(i, schema)).map(this::show).isPresent();
    }

    private AnnotationQueue.Position show(AnnotationQueue.Position p) {
        if (p.conversation() != conversationPos) {
            openConversation(p.conversation());
        }
        select(p.item());
        return p;
    }

    /** Focuses the next (+1) or previous (-1) question of the selected item. */
    public void moveFocus(int delta) {
        int n = questions().size();
        if (n > 0) {
            focusedQuestion.set(Math.floorMod(focusedQuestion.get() + delta, n));
        }
    }

    /** Key {@code n} (1-based): picks the n-th option of the focused question, or toggles it for tags. */
    public void pickOption(int n) {
        List<AnnotationQuestion> qs = questions();
        int f = focusedQuestion.get();
        if (f >= qs.size()) {
            return;
        }
        AnnotationQuestion q = qs.get(f);
        if (n < 1 || n > q.options().size()) {
            return;
        }
        String option = q.options().get(n - 1);
        if (q.type() == QuestionType.MULTI_LABEL) {
            List<String> tags = new ArrayList<>(AnnotationValues.tags(value(q)));
            if (!tags.remove(option)) {
                tags.add(option);
                tags.sort((a, b) -> q.options().indexOf(a) - q.options().indexOf(b));
            }
            answer(q, AnnotationValues.ofTags(tags));
        } else if (q.type() != QuestionType.TEXT) {
            answer(q, AnnotationValues.ofOption(q, option));
            focusNextChoiceQuestion();
        }
    }

    private void focusNextChoiceQuestion() {
        List<AnnotationQuestion> qs = questions();
        for (int i = focusedQuestion.get() + 1; i < qs.size(); i++) {
            if (qs.get(i).type() != QuestionType.TEXT) {
                focusedQuestion.set(i);
                return;
            }
        }
    }

    /** Clears the focused question's answer. */
    public void clearFocused() {
        List<AnnotationQuestion> qs = questions();
        if (focusedQuestion.get() < qs.size()) {
            answer(qs.get(focusedQuestion.get()), null);
        }
    }

    /** Sets a free-text answer of the selected item (blank clears it). */
    public void setText(AnnotationQuestion q, String text) {
        setText(selectedItem(), q, text);
    }

    /** Sets a free-text answer of a given item (a text field may commit after the selection moved on). */
    public void setText(WorkItem item, AnnotationQuestion q, String text) {
        answer(item, q, text == null || text.isBlank() ? null : AnnotationValues.ofText(text));
    }

    /** Ctrl+Enter: records "none" for untouched tag questions, then moves to the next unannotated item. */
    public void confirmAndNext() {
        for (AnnotationQuestion q : questions()) {
            if (q.type() == QuestionType.MULTI_LABEL && value(q) == null) {
                answer(q, AnnotationValues.ofTags(List.of()));
            }
        }
        if (!nextUnannotated()) {
            next();
        }
    }

    /** Writes an answer for the selected item (null clears it) and remembers the old one for undo. */
    public void answer(AnnotationQuestion q, String valueJson) {
        answer(selectedItem(), q, valueJson);
    }

    private void answer(WorkItem item, AnnotationQuestion q, String valueJson) {
        if (item == null) {
            return;
        }
        AnswerStore.Key k = key(item, q);
        String old = answers.value(k);
        if (Objects.equals(old, valueJson)) {
            return;
        }
        undo.push(new Undo(k, old));
        write(item, k, valueJson);
    }

    /** Ctrl+Z: restores the previous value of the last change (stored at once) and shows that item. */
    public void undo() {
        Undo u = undo.poll();
        if (u == null) {
            status.set("nothing to undo");
            return;
        }
        queue.locate(u.key().conversationId(), u.key().turnIndex()).map(this::show)
                .ifPresent(p -> write(selectedItem(), u.key(), u.oldValue()));
    }

    private void write(WorkItem item, AnswerStore.Key k, String valueJson) {
        boolean wasComplete = answers.complete(item, schema);
        Annotation a = answers.put(k, valueJson, schema.id(), annotator, clock.getAsLong());
        progress.changed(wasComplete, answers.complete(item, schema));
        pendingSaves++;
        status.set("saving…");
        refresh();
        storage.save(a, () -> saved(null), this::saved);
    }

    private void saved(Throwable error) {
        pendingSaves--;
        if (error != null) {
            status.set("NOT SAVED: " + error.getMessage() + " — check the database, then answer again");
        } else {
            savedCount.set(savedCount.get() + 1);
            if (pendingSaves == 0) {
                status.set("saved");
            }
        }
    }

    private static AnswerStore.Key key(WorkItem item, AnnotationQuestion q) {
        return new AnswerStore.Key(item.conversationId(), item.turnIndex(), q.key());
    }

    private void refresh() {
        progressText.set(progress.text());
        revision.set(revision.get() + 1);
    }

    /**
     * Stores an edited schema (in the background) and uses it from the next queue on: rebuilding the queue applies
     * it, so answers in flight never refer to questions that just vanished.
     */
    public void saveSchema(AnnotationSchema edited) {
        storage.saveSchema(edited, () -> {
            schema = edited;
            status.set("schema saved (version " + edited.version() + "); Ctrl+B rebuilds the queue with it");
        }, e -> status.set("schema NOT saved: " + e.getMessage()));
    }

    /** Whether the schema can be edited here. */
    public boolean canEditSchema() {
        return storage.canSaveSchemas();
    }

    /** True once the schema is loaded. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** Simulators present in the history (queue builder). */
    public ObservableList<String> simulatorChoices() {
        return FXCollections.unmodifiableObservableList(simulatorChoices);
    }

    /** Tasks present in the history (queue builder). */
    public ObservableList<String> taskChoices() {
        return FXCollections.unmodifiableObservableList(taskChoices);
    }

    /** Runs present in the history (queue builder). */
    public ObservableList<String> runChoices() {
        return FXCollections.unmodifiableObservableList(runChoices);
    }

    public AnnotationSchema schema() {
        return schema;
    }

    public String annotator() {
        return annotator;
    }

    public ObservableList<WorkItem> items() {
        return items;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyIntegerProperty focusedQuestionProperty() {
        return focusedQuestion;
    }

    /** Increments whenever anything shown may have changed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyIntegerProperty savedCountProperty() {
        return savedCount;
    }

    public ReadOnlyBooleanProperty blindProperty() {
        return blind;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header;
    }

    public ReadOnlyStringProperty intentProperty() {
        return intent;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progressText;
    }

    /** Done and total item counts of the queue. */
    public int[] doneAndTotal() {
        return new int[] {progress.done(), progress.total()};
    }
}
