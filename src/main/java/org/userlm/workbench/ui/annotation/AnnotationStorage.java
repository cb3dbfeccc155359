package org.userlm.workbench.ui.annotation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.userlm.workbench.domain.Annotation;
import org.userlm.workbench.domain.AnnotationSchema;
import org.userlm.workbench.domain.Conversation;
import org.userlm.workbench.storage.AnnotationRepository;
import org.userlm.workbench.storage.AnnotationSchemaRepository;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.TaskExecutor;

/**
 * The annotation view model's repository calls, run one at a time and in order on the {@code annotation-io} lane
 * (so answers are stored in the order they were given); results come back on the UI thread.
 */
final class AnnotationStorage {
    /** The schema in use and what the history holds, for the queue builder's choices. */
    record Start(AnnotationSchema schema, List<String> simulators, List<String> tasks, List<String> runs) {
    }

    /** The conversations of a queue (oldest first) and the annotator's stored answers on them. */
    record Queue(List<Conversation> conversations, List<Annotation> answers) {
    }

    private final ConversationRepository conversations;
    private final AnnotationRepository annotations;
    private final AnnotationSchemaRepository schemas;
    private final TaskExecutor io;

    AnnotationStorage(ConversationRepository conversations, AnnotationRepository annotations,
                      AnnotationSchemaRepository schemas, TaskExecutor executor) {
        this.conversations = conversations;
        this.annotations = annotations;
        this.schemas = schemas;
        this.io = executor.inOrder("annotation-io");
    }

    /** Stores the default schema on the first run, then reads it and the filter choices. */
    void start(AnnotationSchema given, Consumer<Start> then, Consumer<Throwable> failed) {
        BackgroundTask.wrap(() -> {
            AnnotationSchema schema = given != null ? given : schemas.ensureDefault();
            Set<String> sims = new LinkedHashSet<>();
            Set<String> tasks = new LinkedHashSet<>();
            Set<String> runs = new LinkedHashSet<>();
            for (ConversationSummary s : conversations.list()) {
                sims.add(s.simulator());
                tasks.add(s.taskId());
                if (s.runId() != null) {
                    runs.add(s.runId());
                }
            }
            return new Start(schema, List.copyOf(sims), List.copyOf(tasks), List.copyOf(runs));
        }).onSuccess(then).onFailure(failed).describedAs("opening the annotation schema").executeWith(io);
    }

    /** Loads the conversations that pass {@code filter} and {@code annotator}'s answers on them. */
    void queue(QueueFilter filter, String annotator, Consumer<Queue> then, Consumer<Throwable> failed) {
        BackgroundTask.wrap(() -> {
            List<Conversation> loaded = new ArrayList<>();
            List<Annotation> stored = new ArrayList<>();
            for (ConversationSummary s : conversations.list()) {
                if (filter.matches(s.simulator(), filter.simulator()) && filter.matches(s.taskId(), filter.taskId())
                        && filter.matches(s.runId(), filter.runId())) {
                    conversations.find(s.id()).ifPresent(loaded::add);
                    stored.addAll(annotations.find(annotator, s.id()));
                }
            }
            Collections.reverse(loaded); // oldest first
            return new Queue(loaded, stored);
        }).onSuccess(then).onFailure(failed).describedAs("building the annotation queue").executeWith(io);
    }

    /** Stores one answer (durably, after every earlier one). */
    void save(Annotation a, Runnable then, Consumer<Throwable> failed) {
        BackgroundTask.wrap(() -> annotations.save(a)).onSuccess(v -> then.run()).onFailure(failed)
                .describedAs("saving an annotation").executeWith(io);
    }

    /** Whether schemas can be edited (a schema repository was given). */
    boolean canSaveSchemas() {
        return schemas != null;
    }

    /** Stores an edited schema. */
    void saveSchema(AnnotationSchema edited, Runnable then, Consumer<Throwable> failed) {
        BackgroundTask.wrap(() -> schemas.save(edited)).onSuccess(v -> then.run()).onFailure(failed)
                .describedAs("saving the annotation schema").executeWith(io);
    }
}
