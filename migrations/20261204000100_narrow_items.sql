-- Narrow item rows. The JSON document and the rendered body (about 13 KB per item) move
-- to `item_contents`, so that the `items` row holds only what lists, filters, counts and
-- sorting read: a scan or a lookup of `items` no longer walks overflow pages, and every
-- listing column sits in the row's first page. Pages read the contents of the rows they
-- show, by primary key.
CREATE TABLE item_contents (
    item_id   INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    document  TEXT NOT NULL,                 -- ItemDocument as JSON
    body_html TEXT NOT NULL                  -- sanitized
);
INSERT INTO item_contents (item_id, document, body_html) SELECT id, document, body_html FROM items;
ALTER TABLE items DROP COLUMN document;
ALTER TABLE items DROP COLUMN body_html;

-- Covering indexes that stood in for a narrow row: the row is narrow now.
DROP INDEX items_by_id_filters;
DROP INDEX items_revisions;
DROP INDEX items_listing;

-- Public lists walk this index newest first and stop after a page: no sort of the
-- matches (the `lifecycle IN (…)` of two values would otherwise need one). Filters on
-- kind, territory and origin are checked in the index entries.
CREATE INDEX items_public_recent ON items(updated_at DESC, id DESC, kind, territory, origin)
    WHERE lifecycle IN ('published', 'archived');
