-- Experiments (issue 11): tasks x simulator profiles x assistant profiles x N runs.
-- An experiment's id is derived from its config, so shards run on several machines share it and merge cleanly.
CREATE TABLE experiments (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    config_json  TEXT NOT NULL,
    run_id       TEXT REFERENCES runs (id) ON DELETE SET NULL,
    status       TEXT NOT NULL,
    heartbeat_at INTEGER,
    created_at   INTEGER NOT NULL
);

-- One cell per (simulator profile, assistant profile), numbered sim * assistants + assistant.
CREATE TABLE experiment_cells (
    experiment_id TEXT    NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    cell_idx      INTEGER NOT NULL,
    simulator     TEXT    NOT NULL,
    assistant     TEXT    NOT NULL,
    PRIMARY KEY (experiment_id, cell_idx)
);

-- One planned conversation per (cell, task, run); conversation_id is set when it starts.
-- status: planned | running | done | failed. solved/gradeable: the graded outcome (Outcomes.grade) when it ended.
CREATE TABLE experiment_slots (
    experiment_id   TEXT    NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    cell_idx        INTEGER NOT NULL,
    task_id         TEXT    NOT NULL,
    run_idx         INTEGER NOT NULL,
    conversation_id TEXT,
    status          TEXT    NOT NULL,
    solved          INTEGER,
    gradeable       INTEGER,
    error_kind      TEXT,
    error           TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, cell_idx, task_id, run_idx)
);
CREATE INDEX experiment_slots_conversation ON experiment_slots (conversation_id);

-- Judge answers cached by (model, prompt version, input), so re-running a report never calls the judge again.
CREATE TABLE judge_cache (
    model          TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    input_sha256   TEXT NOT NULL,
    output         TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (model, prompt_version, input_sha256)
);

-- The last computed report of an experiment (JSON), valid while the slots' fingerprint is unchanged, so the
-- dashboard of a finished experiment opens without recomputing every metric.
CREATE TABLE experiment_reports (
    experiment_id TEXT PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
    fingerprint   TEXT NOT NULL,
    json          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
