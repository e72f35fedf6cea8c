-- Catch-up with followed peers (backfill on follow, periodic reconciliation) and the
-- re-shares this node made.
CREATE TABLE peer_sync (
    actor_uri        TEXT PRIMARY KEY,
    outbox           TEXT,
    cursor           TEXT,                      -- id of the newest outbox activity applied
    etag             TEXT,                      -- of the outbox collection, for conditional GETs
    state            TEXT NOT NULL DEFAULT 'pending', -- pending | running | done | failed
    requested        INTEGER NOT NULL DEFAULT 1, -- a sync was asked for (follow accepted, peer back)
    activities_seen  INTEGER NOT NULL DEFAULT 0, -- during the current or last run
    total_items      INTEGER,                   -- the outbox's totalItems at the last run
    last_sync_at     TEXT,
    last_error       TEXT
);

ALTER TABLE following ADD COLUMN relay INTEGER NOT NULL DEFAULT 0;

CREATE TABLE announces (
    object_uri  TEXT PRIMARY KEY,
    version     TEXT NOT NULL,                  -- the object's `updated` when last re-shared
    announced_at TEXT NOT NULL
);
