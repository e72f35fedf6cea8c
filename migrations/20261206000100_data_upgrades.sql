-- Upgrades of stored data that SQL alone cannot make (they need the content model), run
-- once by the node at start; each is recorded here when it has gone over every item.
CREATE TABLE data_upgrades (
    name    TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
) WITHOUT ROWID;
