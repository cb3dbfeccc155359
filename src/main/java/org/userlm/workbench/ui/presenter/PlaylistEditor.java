package org.userlm.workbench.ui.presenter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.userlm.workbench.domain.Playlist;
import org.userlm.workbench.storage.ConversationRepository;
import org.userlm.workbench.storage.PlaylistRepository;

/**
 * The playlist being edited: name, words per minute and slides (conversation + caption). Saving, loading and
 * exporting run on the background executor; results come back on the FX thread.
 */
public final class PlaylistEditor {
    /** One slide in the editor. */
    public static final class Row {
        final String conversationId;
        final String title;
        final StringProperty caption = new SimpleStringProperty("");

        Row(String conversationId, String title, String caption) {
            this.conversationId = conversationId;
            this.title = title;
            this.caption.set(caption);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    final ObservableList<Playlist> saved = FXCollections.observableArrayList();
    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final StringProperty name = new SimpleStringProperty("Demo");
    final IntegerProperty wpm = new SimpleIntegerProperty(200);
    final StringProperty status = new SimpleStringProperty("");
    private final PlaylistRepository playlists;
    private final ConversationRepository conversations;
    private final Executor background;
    private String id = UUID.randomUUID().toString();
    private long createdAt = System.currentTimeMillis();

    public PlaylistEditor(PlaylistRepository playlists, ConversationRepository conversations, Executor background) {
        this.playlists = playlists;
        this.conversations = conversations;
        this.background = background;
    }

    void refresh() {
        io(playlists::list, saved::setAll);
    }

    void add(String conversationId, String title) {
        if (conversationId == null) {
            status.set("Open or run a conversation first, then add it");
            return;
        }
        rows.add(new Row(conversationId, title, ""));
    }

    void open(Playlist p) {
        id = p.id();
        createdAt = p.createdAtMs();
        name.set(p.name());
        wpm.set(p.wordsPerMinute());
        io(() -> p.slides().stream().map(s -> new Row(s.conversationId(), conversations.find(s.conversationId())
                .map(c -> c.title() == null ? c.taskId() : c.title()).orElse("(deleted conversation)"), s.caption()))
                .toList(), rows::setAll);
    }

    void newPlaylist() {
        id = UUID.randomUUID().toString();
        createdAt = System.currentTimeMillis();
        name.set("Demo");
        rows.clear();
    }

    Playlist playlist() {
        return new Playlist(id, name.get(), wpm.get(), rows.stream()
                .map(r -> new Playlist.Slide(r.conversationId, r.caption.get())).toList(), createdAt);
    }

    void save() {
        Playlist p = playlist();
        io(() -> {
            playlists.save(p);
            return playlists.list();
        }, list -> {
            saved.setAll(list);
            status.set("Saved \"" + p.name() + "\" (" + p.slides().size() + " slides)");
        });
    }

    void deck(Consumer<Deck> then) {
        Playlist p = playlist();
        io(() -> Deck.load(p, conversations), then);
    }

    void export(Path file) {
        Playlist p = playlist();
        io(() -> {
            Files.writeString(file, PresenterHtml.render(Deck.load(p, conversations)), StandardCharsets.UTF_8);
            return file;
        }, f -> status.set("Exported " + f.getFileName() + ": open it in any browser, → to advance"));
    }

    interface Work<T> {
        T run() throws Exception;
    }

    private <T> void io(Work<T> work, Consumer<T> then) {
        background.execute(() -> {
            try {
                T r = work.run();
                Platform.runLater(() -> then.accept(r));
            } catch (Exception | Error e) {
                Platform.runLater(() -> status.set("Failed: " + e.getMessage()));
            }
        });
    }
}
