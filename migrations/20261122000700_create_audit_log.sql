-- Who changed what: one row per change made by a person (editor, API token, command
-- line), written in the same transaction as the change it records.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                 -- RFC 3339 UTC, fixed width (sorts as text)
    actor   TEXT NOT NULL,                 -- `editor:alice`, `api:<token name>`, `cli:import`, `anonymous`
    action  TEXT NOT NULL,                 -- stable code, e.g. `item.update`, `token.revoke`
    target  TEXT NOT NULL,                 -- item URI, actor URI, token or account name
    detail  TEXT                           -- JSON object, when the action has more to say
);

-- Newest first, page by page: (at, id) is the keyset.
CREATE INDEX audit_log_at ON audit_log (at, id);
