-- Evaluation of assistant turns (issue 9): LiC's turn category, the extracted answer and its grade, with who
-- decided the category (judge + prompt version, heuristic, or an annotator) and which grading mode graded it.
CREATE TABLE turn_labels (
    conversation_id TEXT    NOT NULL,
    turn_idx        INTEGER NOT NULL,
    category        TEXT    NOT NULL,
    source          TEXT    NOT NULL CHECK (source IN ('judge', 'heuristic', 'annotator')),
    judge_model     TEXT,
    prompt_version  TEXT,
    extracted       TEXT,
    grader          TEXT CHECK (grader IS NULL OR grader IN ('lic', 'strict')),
    correct         INTEGER,
    detail          TEXT,
    annotator       TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, turn_idx),
    FOREIGN KEY (conversation_id, turn_idx) REFERENCES turns (conversation_id, idx) ON DELETE CASCADE
);
