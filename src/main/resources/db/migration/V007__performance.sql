-- History at scale (bench-store, 100k conversations): the newest live conversations come straight off an index
-- instead of a sort of the whole table; forks are found by their parent.
CREATE INDEX IF NOT EXISTS conversations_recent ON conversations (created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS conversations_parent ON conversations (parent_id) WHERE parent_id IS NOT NULL;

-- The search box matches the last typed word as a prefix ("gu" -> gu*). Without a prefix index FTS5 merges the
-- doclists of every term with that prefix on each query (2 s for a 2-letter prefix over 1M turns); with
-- 2- and 3-character prefix indexes a short prefix is one doclist. The triggers on turns refer to turns_fts by
-- name and keep working with the new table.
DROP TABLE turns_fts;
CREATE VIRTUAL TABLE turns_fts USING fts5(content, content = 'turns', content_rowid = 'rowid', prefix = '2 3');
INSERT INTO turns_fts (turns_fts) VALUES ('rebuild');
