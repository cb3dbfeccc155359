package org.userlm.workbench.ui.tasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.userlm.workbench.domain.Shard;
import org.userlm.workbench.domain.Task;
import org.userlm.workbench.domain.TaskKind;
import org.userlm.workbench.evaluation.CodeGrader;
import org.userlm.workbench.tasks.TaskFiles;
import org.userlm.workbench.tasks.TaskFormatException;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.StartProbe;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.WorkbenchServices;

/** Bundled and imported tasks: search as you type, filter by kind, import files. FX thread. */
public final class TaskBrowserViewModel {
    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final ObservableList<Task> all = FXCollections.observableArrayList();
    private final FilteredList<Task> visible = new FilteredList<>(all);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<Task> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    /** How model-written code runs here (the sandbox and its limits), or how to get a sandbox. */
    private final StringProperty sandboxLine = new SimpleStringProperty("");
    private String wantedId;
    private volatile String sandbox;

    public TaskBrowserViewModel(WorkbenchServices services, TaskExecutor bg) {
        this.services = services;
        this.bg = bg;
        query.addListener((o, a, b) -> refilter());
        kind.addListener((o, a, b) -> refilter());
    }

    /** Loads the tasks in the background; selects {@code selectId} (or the first) when done. */
    public void load(String selectId) {
        load(selectId, null);
    }

    /** Loads, selects, then shows {@code doneMessage} (or the count) in the status line. */
    private void load(String selectId, String doneMessage) {
        wantedId = selectId;
        // The sandbox probe starts processes (python, bubblewrap): its line comes after the list, not before it.
        // Both described: on a cold start either may run past a second, and the status bar then says what runs.
        if (sandbox == null) {
            bg.run("checking the code sandbox", () -> new CodeGrader().sandboxStatus(), s -> {
                sandbox = s;
                sandboxLine.set(s);
            }, e -> sandboxLine.set("Cannot tell how code would run: " + Messages.shortMessage(e)));
        }
        bg.run("loading tasks", () -> services.tasks().all(), tasks -> {
            all.setAll(tasks);
            String want = wantedId != null ? wantedId : selected.get() == null ? null : selected.get().id();
            selected.set(tasks.stream().filter(t -> t.id().equals(want)).findFirst()
                    .orElse(tasks.isEmpty() ? null : tasks.get(0)));
            StartProbe.mark("tasks loaded");
            status.set(doneMessage != null ? doneMessage : tasks.size() + " tasks");
            updateCount();
        }, e -> status.set("Cannot load tasks: " + Messages.shortMessage(e)));
    }

    private void refilter() {
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        TaskKind k = kind.get();
        visible.setPredicate(t -> (k == null || t.kind() == k) && (q.isEmpty() || matches(t, q)));
        // A new filter is the user's next step: its count replaces an import's message (that was notified).
        showCount();
    }

    /** The count follows what the list shows (search and kind filter), not the whole store. */
    private void updateCount() {
        if (!status.get().startsWith("Import") && !status.get().startsWith("Cannot")) {
            showCount();
        }
    }

    private void showCount() {
        status.set(visible.size() == all.size() ? all.size() + " tasks"
                : visible.size() + " of " + all.size() + " tasks");
    }

    static boolean matches(Task t, String q) {
        String hay = (t.id() + " " + t.title() + " " + t.source() + " " + t.question()).toLowerCase(Locale.ROOT);
        for (String w : q.split("\\s+")) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Imports LiC / GSM8K / HumanEval files (off the FX thread); reports counts or the format error. */
    public void importFiles(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return;
        }
        status.set("Importing " + files.size() + " file(s)…");
        BackgroundTask.withProgress(progress -> {
            List<Task> loaded = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                try {
                    loaded.addAll(TaskFiles.load(files.get(i)));
                } catch (TaskFormatException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                progress.accept(0.9 * (i + 1) / files.size()); // parsing is most of it; storing the last tenth
            }
            services.tasks().upsert(loaded);
            return loaded;
        }).describedAs("importing " + files.size() + " task file(s)")
                .onSuccess(loaded -> load(loaded.isEmpty() ? null : loaded.get(0).id(),
                        "Imported " + loaded.size() + " tasks"))
                .onFailure(e -> status.set("Import failed: " + Messages.shortMessage(e)))
                .executeWith(bg);
    }

    /** Shards and reference answer as text for the details pane. */
    public static String details(Task t) {
        if (t == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(t.kind().wire().toUpperCase(Locale.ROOT)).append(" · ").append(t.source()).append(" · ")
                .append(t.id()).append("\n\n");
        if (!t.question().isBlank()) {
            sb.append(t.question().strip()).append("\n\n");
        }
        if (!t.shards().isEmpty()) {
            sb.append("Shards\n");
            for (Shard s : t.shards()) {
                sb.append("  ").append(s.id()).append(". ").append(s.text().strip()).append('\n');
            }
            sb.append('\n');
        }
        if (t.answer() != null) {
            sb.append("Reference answer\n  ").append(t.goldAnswer() != null ? t.goldAnswer() : t.answer().strip());
        } else if (t.code() != null && t.code().funcName() != null) {
            sb.append("Graded by running tests on ").append(t.code().funcName()).append("() in the code sandbox");
            if (t.code().publicTestsJson() == null || t.code().publicTestsJson().isBlank()) {
                sb.append("\nUntrusted verdict: check(candidate) runs inside the sandbox with the answer, which could"
                        + " tamper with it");
            }
        }
        return sb.toString();
    }

    public ObservableList<Task> visible() {
        return visible;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<TaskKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Task> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** One line on the code sandbox: what grading code runs in, or how to install one. */
    public ReadOnlyStringProperty sandboxProperty() {
        return sandboxLine;
    }
}
