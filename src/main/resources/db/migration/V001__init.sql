-- Tasks: bundled and imported, stored whole as JSON (the Task record) with searchable columns beside it.
CREATE TABLE tasks (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    source      TEXT,
    title       TEXT,
    json        TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);

CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    name          TEXT,
    kind          TEXT,
    settings_json TEXT,
    created_at    INTEGER NOT NULL
);

CREATE TABLE conversations (
    id                      TEXT PRIMARY KEY,
    run_id                  TEXT REFERENCES runs (id) ON DELETE SET NULL,
    task_id                 TEXT NOT NULL,
    title                   TEXT,
    simulator               TEXT NOT NULL,
    user_model              TEXT,
    assistant_model         TEXT,
    intent                  TEXT,
    assistant_system_prompt TEXT,
    settings_json           TEXT,
    ended_by                TEXT,
    parent_id               TEXT REFERENCES conversations (id) ON DELETE SET NULL,
    fork_index              INTEGER,
    created_at              INTEGER NOT NULL,
    deleted_at              INTEGER
);
CREATE INDEX conversations_run ON conversations (run_id);
CREATE INDEX conversations_task ON conversations (task_id);

CREATE TABLE turns (
    conversation_id   TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    idx               INTEGER NOT NULL,
    role              TEXT    NOT NULL,
    content           TEXT    NOT NULL,
    raw_text          TEXT,
    status            TEXT    NOT NULL,
    error             TEXT,
    started_at        INTEGER,
    first_token_ms    INTEGER,
    duration_ms       INTEGER,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    params_json       TEXT,
    model             TEXT,
    ends_conversation INTEGER NOT NULL DEFAULT 0,
    shard_id          INTEGER,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, idx)
);

CREATE TABLE guardrail_events (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT    NOT NULL,
    turn_idx        INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    rule            TEXT    NOT NULL,
    rejected_text   TEXT,
    action          TEXT,
    detail          TEXT,
    attempt         INTEGER,
    FOREIGN KEY (conversation_id, turn_idx) REFERENCES turns (conversation_id, idx) ON DELETE CASCADE
);
CREATE INDEX guardrail_events_turn ON guardrail_events (conversation_id, turn_idx);

-- Full-text search over turn text (external content: the turns table).
CREATE VIRTUAL TABLE turns_fts USING fts5(content, content = 'turns', content_rowid = 'rowid');
CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN
    INSERT INTO turns_fts (rowid, content) VALUES (new.rowid, new.content);
END;
CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
    INSERT INTO turns_fts (turns_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
CREATE TRIGGER turns_au AFTER UPDATE OF content ON turns BEGIN
    INSERT INTO turns_fts (turns_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    INSERT INTO turns_fts (rowid, content) VALUES (new.rowid, new.content);
END;
