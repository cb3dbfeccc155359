-- Comparisons: one task, one assistant, 2-4 user simulator profiles (columns), each run N times.
-- The conversations are ordinary rows of `conversations` (run_id = the comparison's run).
CREATE TABLE comparisons (
    id              TEXT PRIMARY KEY,
    run_id          TEXT REFERENCES runs (id) ON DELETE SET NULL,
    task_id         TEXT NOT NULL,
    title           TEXT,
    assistant_json  TEXT NOT NULL,
    profiles_json   TEXT NOT NULL,
    repeats         INTEGER NOT NULL DEFAULT 1,
    max_user_turns  INTEGER NOT NULL DEFAULT 8,
    created_at      INTEGER NOT NULL
);

CREATE TABLE comparison_columns (
    comparison_id   TEXT    NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
    conversation_id TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    col             INTEGER NOT NULL,
    repeat_idx      INTEGER NOT NULL,
    PRIMARY KEY (comparison_id, col, repeat_idx)
);
CREATE INDEX comparison_columns_conversation ON comparison_columns (conversation_id);

-- Blind pairwise judgments: which simulated user is more human-like.
CREATE TABLE judgments (
    id                    TEXT PRIMARY KEY,
    comparison_id         TEXT REFERENCES comparisons (id) ON DELETE SET NULL,
    task_id               TEXT,
    left_conversation_id  TEXT,
    right_conversation_id TEXT,
    left_profile          TEXT NOT NULL,
    right_profile         TEXT NOT NULL,
    turn_index            INTEGER,
    winner                TEXT NOT NULL CHECK (winner IN ('left', 'right', 'tie')),
    judge                 TEXT,
    created_at            INTEGER NOT NULL
);
CREATE INDEX judgments_comparison ON judgments (comparison_id);
