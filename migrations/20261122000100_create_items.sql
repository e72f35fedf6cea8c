-- Items, local and replicated. The typed document (every structured field) is kept as
-- JSON in `document`; the columns beside it are what lists, facets and sorting need.
CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    uri           TEXT NOT NULL UNIQUE,          -- canonical ActivityPub id at the origin
    slug          TEXT NOT NULL,
    origin        TEXT,                          -- NULL: local; else the origin actor id
    origin_url    TEXT,                          -- human page at the origin (replicas)
    kind          TEXT NOT NULL,
    lifecycle     TEXT NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    territory     TEXT NOT NULL,
    language      TEXT NOT NULL,
    document      TEXT NOT NULL,                 -- ItemDocument as JSON
    body_html     TEXT NOT NULL,                 -- sanitized
    revision      INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    published_at  TEXT,
    review_due    TEXT,
    refreshed_at  TEXT
);
CREATE UNIQUE INDEX items_local_slug ON items(slug) WHERE origin IS NULL;
CREATE INDEX items_listing ON items(lifecycle, updated_at DESC);
CREATE INDEX items_kind ON items(kind);
CREATE INDEX items_territory ON items(territory);
CREATE INDEX items_origin ON items(origin);

-- Controlled-vocabulary codes of each item, for facets and filters.
CREATE TABLE item_terms (
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    vocabulary TEXT NOT NULL,
    code       TEXT NOT NULL,
    PRIMARY KEY (item_id, vocabulary, code)
) WITHOUT ROWID;
CREATE INDEX item_terms_by_code ON item_terms(vocabulary, code, item_id);

-- Every earlier version of an item.
CREATE TABLE item_revisions (
    item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    lifecycle  TEXT NOT NULL,
    document   TEXT NOT NULL,
    edited_at  TEXT NOT NULL,
    editor     TEXT NOT NULL,
    PRIMARY KEY (item_id, revision)
) WITHOUT ROWID;

-- Full-text search, accents folded: "ecologie" finds "écologie". rowid = items.id.
CREATE VIRTUAL TABLE items_fts USING fts5(
    title, summary, body, territory, keywords,
    tokenize = 'unicode61 remove_diacritics 2'
);
