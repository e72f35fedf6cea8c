-- Revisions move to a table with a rowid. A WITHOUT ROWID table keeps at most about 1 KB
-- of a row in its b-tree page and the rest in overflow pages, so reading a 12 KB document
-- cost four or five pages; in a rowid table a packed document (about 3 KB, see
-- storage::packed) fits in its leaf page: a list of 20 items reads 20 pages, not 100.
-- `document` holds packed text; rows written before packing keep plain text until the
-- node packs them in the background (storage::items::pack_plain_texts).
CREATE TABLE item_revisions_by_rowid (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    lifecycle  TEXT NOT NULL,
    document   BLOB NOT NULL,
    edited_at  TEXT NOT NULL,
    editor     TEXT NOT NULL,
    UNIQUE (item_id, revision)
);
INSERT INTO item_revisions_by_rowid (item_id, revision, lifecycle, document, edited_at, editor)
    SELECT item_id, revision, lifecycle, document, edited_at, editor FROM item_revisions ORDER BY item_id, revision;
DROP TABLE item_revisions;
ALTER TABLE item_revisions_by_rowid RENAME TO item_revisions;
-- The rows left to pack, found without reading the tables (empty once packed).
CREATE INDEX item_revisions_plain ON item_revisions (id) WHERE typeof(document) = 'text';
CREATE INDEX item_contents_plain ON item_contents (item_id) WHERE typeof(body_html) = 'text';
