-- Lineage links as rows (not parsed out of every document at read time), and covering
-- indexes for reads over many items.
CREATE TABLE item_links (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    target  TEXT NOT NULL,
    PRIMARY KEY (item_id, target)
) WITHOUT ROWID;
CREATE INDEX item_links_target ON item_links(target, item_id);
INSERT OR IGNORE INTO item_links (item_id, target)
    SELECT items.id, j.value FROM items, json_each(items.document, '$.inspired_by') AS j;

-- Item rows carry whole documents (several KB each), so a scan of the table reads a page
-- per row. These covering indexes let lists, counts, facets and search filters run on
-- the indexes alone and read only the rows of the page they return.
CREATE INDEX items_recent ON items(updated_at DESC, id DESC, lifecycle, kind, territory, origin);
CREATE INDEX items_filters ON items(lifecycle, kind, territory, origin, updated_at);
CREATE INDEX items_by_id_filters ON items(id, lifecycle, kind, territory, origin, updated_at);
