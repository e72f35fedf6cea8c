-- French full-text search. Text is analysed in Rust (accents folded, elisions and stop
-- words dropped, Snowball French stems, compounds joined) and stored here as terms
-- separated by spaces, one column per weight group; `filters` holds the item's
-- lifecycle, kind, origin, territory and vocabulary codes as tokens (`kind_experience`)
-- so that a filtered search is a single index query. Contentless: snippets come from the
-- stored documents. The rowid is a recency key (updated time in milliseconds × 2^20 +
-- low bits of the item id), so that `ORDER BY rowid DESC` walks the newest matches first
-- and date bounds are rowid ranges.
DROP TABLE items_fts;

CREATE VIRTUAL TABLE search_index USING fts5(
    title, lead, structured, body, filters,
    content = '', contentless_delete = 1,
    tokenize = "ascii tokenchars '_'",
    prefix = '3'
);

-- Which index row holds each item, and for which revision and analyser version: an item
-- whose row is missing or stale is reindexed when the node starts.
CREATE TABLE search_docs (
    item_id  INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    doc_id   INTEGER NOT NULL UNIQUE,
    revision INTEGER NOT NULL,
    analyzer INTEGER NOT NULL
);

-- The start-up check reads (id, revision) of every item without touching documents.
CREATE INDEX items_revisions ON items(id, revision);
