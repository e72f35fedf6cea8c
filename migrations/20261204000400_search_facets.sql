-- The facet values of each indexed item (kind, territory, pillars, activity domains,
-- resources) sit beside its index row, keyed by the index's rowid: counting the facets of
-- a search's matches reads one row per match, found by the key the match already has,
-- instead of joining the items and their terms. `facets` is a list of `facet=value`
-- separated by U+001F, written in the same transaction as the index row.
CREATE TABLE search_docs_keyed (
    doc_id   INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    analyzer INTEGER NOT NULL,
    facets   TEXT NOT NULL
);
INSERT INTO search_docs_keyed (doc_id, item_id, revision, analyzer, facets)
    SELECT d.doc_id, d.item_id, d.revision, d.analyzer,
           'kind=' || i.kind || char(31) || 'territory=' || replace(i.territory, char(31), ' ')
           || COALESCE((SELECT group_concat(char(31) || t.vocabulary || '=' || t.code, '')
                          FROM item_terms t
                         WHERE t.item_id = i.id AND t.vocabulary IN ('pillar', 'activity_domain', 'resource')), '')
      FROM search_docs d JOIN items i ON i.id = d.item_id;
DROP TABLE search_docs;
ALTER TABLE search_docs_keyed RENAME TO search_docs;
