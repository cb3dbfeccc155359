package org.userlm.workbench.storage;

import java.util.List;
import java.util.Optional;
import org.userlm.workbench.domain.Playlist;

/** Presenter playlists, stored with the database (migration V006). Writes are durable on return. Thread-safe. */
public interface PlaylistRepository {

    /** Creates or replaces a playlist and its slides. */
    void save(Playlist playlist);

    /** A playlist, or empty. */
    Optional<Playlist> find(String id);

    /** Every playlist, newest first. */
    List<Playlist> list();

    /** Deletes a playlist (its conversations stay). */
    void delete(String id);
}
