package org.userlm.workbench.ui.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.storage.ConversationSummary;
import org.userlm.workbench.ui.common.BackgroundTask;
import org.userlm.workbench.ui.common.TaskExecutor;
import org.userlm.workbench.ui.common.Messages;
import org.userlm.workbench.ui.common.WorkbenchServices;

/** Stored conversations: list, full-text search across turns, rename, delete with undo. FX thread. */
public final class HistoryViewModel {
    private final WorkbenchServices services;
    private final TaskExecutor bg;
    private final ObservableList<ConversationSummary> items = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<ConversationSummary> lastDeleted = new SimpleObjectProperty<>();
    private long generation;
    /** Rows shown at most: the newest conversations (or matches); the store answers a page in milliseconds. */
    static final int PAGE = 1000;

    public HistoryViewModel(WorkbenchServices services, TaskExecutor bg) {
        this.services = services;
        this.bg = bg;
        query.addListener((o, a, b) -> refresh());
    }

    private record Found(List<ConversationSummary> rows, Map<String, String> snippets) {
    }

    private final Map<String, String> snippets = new HashMap<>();

    /** A page of search results with the excerpts of its conversations (background thread). */
    private Found found(List<ConversationSummary> rows, String q) {
        return new Found(rows, services.conversations().snippets(q, rows.stream().map(ConversationSummary::id).toList()));
    }

    /** The excerpt of a matching turn for the current search, or null. */
    public String snippet(String conversationId) {
        return snippets.get(conversationId);
    }

    /** Reloads (search when the query is not blank). Late answers of older queries are dropped. */
    public void refresh() {
        String q = query.get() == null ? "" : query.get().strip();
        long mine = ++generation;
        BackgroundTask.wrap(() -> q.isEmpty() ? new Found(services.conversations().recent(PAGE),
                Map.<String, String>of()) : found(services.conversations().searchRecent(q, PAGE), q))
                .describedAs(q.isEmpty() ? "loading the history" : "searching the history").onSuccess(found -> {
            var rows = found.rows();
            if (mine == generation) {
                snippets.clear();
                snippets.putAll(found.snippets());
                items.setAll(rows);
                String shown = rows.size() < PAGE ? String.valueOf(rows.size()) : "The newest " + rows.size();
                status.set(shown + (q.isEmpty() ? " conversations" : " matching “" + q + "”"));
            }
        }).onFailure(e -> status.set("Search failed: " + Messages.shortMessage(e))).executeWith(bg);
    }

    public void rename(String id, String title) {
        bg.run(() -> {
            services.conversations().rename(id, title);
            return null;
        }, ok -> refresh(), e -> status.set("Rename failed: " + Messages.shortMessage(e)));
    }

    public void delete(ConversationSummary s) {
        bg.run(() -> {
            services.conversations().delete(s.id());
            return null;
        }, ok -> {
            lastDeleted.set(s);
            status.set("Deleted “" + s.title() + "” — Undo (Ctrl+Z)");
            refresh();
        }, e -> status.set("Delete failed: " + Messages.shortMessage(e)));
    }

    public void undoDelete() {
        ConversationSummary s = lastDeleted.get();
        if (s == null) {
            return;
        }
        bg.run(() -> {
            services.conversations().restore(s.id());
            return null;
        }, ok -> {
            lastDeleted.set(null);
            status.set("Restored “" + s.title() + "”");
            refresh();
        }, e -> status.set("Undo failed: " + Messages.shortMessage(e)));
    }

    public ObservableList<ConversationSummary> items() {
        return items;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<ConversationSummary> lastDeletedProperty() {
        return lastDeleted;
    }
}
