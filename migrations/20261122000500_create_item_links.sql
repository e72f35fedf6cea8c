-- Lineage links as rows (not parsed out of every document at read time), and an index
-- that serves "newest first" listings without sorting the table.
CREATE TABLE item_links (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    target  TEXT NOT NULL,
    PRIMARY KEY (item_id, target)
) WITHOUT ROWID;
CREATE INDEX item_links_target ON item_links(target, item_id);
INSERT OR IGNORE INTO item_links (item_id, target)
    SELECT items.id, j.value FROM items, json_each(items.document, '$.inspired_by') AS j;

CREATE INDEX items_recent ON items(updated_at DESC, id DESC);
