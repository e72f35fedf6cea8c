-- Federation state: known remote actors (key cache), followers, follows, the activity log
-- (our outbox), per-recipient deliveries (the persistent queue), per-peer health, and the
-- inbox log that deduplicates incoming activities.
CREATE TABLE remote_actors (
    uri            TEXT PRIMARY KEY,
    inbox          TEXT NOT NULL,
    shared_inbox   TEXT,
    key_id         TEXT NOT NULL,
    public_key_pem TEXT NOT NULL,
    username       TEXT,
    name           TEXT,
    url            TEXT,
    fetched_at     TEXT NOT NULL
);

CREATE TABLE followers (
    actor_uri          TEXT PRIMARY KEY,
    inbox              TEXT NOT NULL,            -- shared inbox when the actor has one
    state              TEXT NOT NULL,            -- pending | accepted
    follow_activity_id TEXT NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE following (
    actor_uri          TEXT PRIMARY KEY,
    inbox              TEXT NOT NULL,
    state              TEXT NOT NULL,            -- pending | accepted | rejected
    follow_activity_id TEXT NOT NULL UNIQUE,
    created_at         TEXT NOT NULL,
    accepted_at        TEXT
);

-- Every activity this node sent, newest last; the outbox collection reads it.
CREATE TABLE activities (
    id           INTEGER PRIMARY KEY,
    activity_id  TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,                  -- Create | Update | Delete | Announce | Follow | Accept | Reject | Undo
    object_uri   TEXT,
    public       INTEGER NOT NULL DEFAULT 0,     -- listed in the outbox
    payload      TEXT NOT NULL,                  -- the JSON sent
    created_at   TEXT NOT NULL
);
CREATE INDEX activities_outbox ON activities(public, id DESC);

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    activity        INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    inbox           TEXT NOT NULL,
    peer            TEXT NOT NULL,               -- host[:port] of the inbox
    object_uri      TEXT,                        -- copied for per-object ordering
    state           TEXT NOT NULL DEFAULT 'pending', -- pending | delivered | failed | gone
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until   TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    delivered_at    TEXT,
    UNIQUE (activity, inbox)
);
CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);
CREATE INDEX deliveries_order ON deliveries(inbox, object_uri, state, id);
CREATE INDEX deliveries_peer ON deliveries(peer, state);

CREATE TABLE peers (
    peer               TEXT PRIMARY KEY,         -- host[:port]
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_success_at    TEXT,
    last_failure_at    TEXT,
    last_error         TEXT,
    circuit_open_until TEXT
);

CREATE TABLE inbox_log (
    activity_id  TEXT PRIMARY KEY,
    actor        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    processed_at TEXT,
    outcome      TEXT
);
CREATE INDEX inbox_log_pending ON inbox_log(processed_at) WHERE processed_at IS NULL;

-- Items deleted at their origin: a Delete is final, later Create/Update are ignored.
CREATE TABLE tombstones (
    uri        TEXT PRIMARY KEY,
    deleted_at TEXT NOT NULL
);
