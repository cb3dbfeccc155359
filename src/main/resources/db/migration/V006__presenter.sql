-- Presenter mode: curated playlists of stored conversations, replayed at reading speed with a caption per slide.
CREATE TABLE playlists (
    id                TEXT PRIMARY KEY,
    name              TEXT    NOT NULL,
    words_per_minute  INTEGER NOT NULL DEFAULT 200,
    created_at        INTEGER NOT NULL
);

CREATE TABLE playlist_slides (
    playlist_id      TEXT    NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    conversation_id  TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    caption          TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (playlist_id, position)
);
