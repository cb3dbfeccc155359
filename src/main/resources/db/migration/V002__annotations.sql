-- Annotation schemas: the latest version of each, stored whole as JSON (AnnotationSchemaJson).
CREATE TABLE annotation_schemas (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    json       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One answer per (annotator, conversation, turn, question); turn_idx -1 = the whole conversation.
-- No foreign key to conversations: answers imported from another annotator's file may refer to
-- conversations this database does not hold (yet). value_json NULL = the answer was cleared (undo).
CREATE TABLE annotations (
    id              TEXT PRIMARY KEY,
    schema_id       TEXT,
    annotator       TEXT    NOT NULL,
    conversation_id TEXT    NOT NULL,
    turn_idx        INTEGER NOT NULL,
    question        TEXT    NOT NULL,
    value_json      TEXT,
    updated_at      INTEGER NOT NULL,
    UNIQUE (annotator, conversation_id, turn_idx, question)
);
CREATE INDEX annotations_conversation ON annotations (conversation_id, turn_idx);
CREATE INDEX annotations_question ON annotations (question);

-- Every local change (old and new value), for audit; imports are not recorded here.
CREATE TABLE annotation_audit (
    id             INTEGER PRIMARY KEY,
    annotation_id  TEXT    NOT NULL,
    old_value_json TEXT,
    new_value_json TEXT,
    at             INTEGER NOT NULL
);
