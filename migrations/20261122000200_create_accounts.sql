-- Editors (web login) and API tokens. Secrets are stored hashed only.
CREATE TABLE editors (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,               -- argon2id PHC string
    role          TEXT NOT NULL DEFAULT 'editor',
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,             -- SHA-256 of the cookie value, hex
    editor_id   INTEGER NOT NULL REFERENCES editors(id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,        -- SHA-256 of the token, hex
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

-- The node's own RSA key pair, made on first start.
CREATE TABLE node_keys (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    private_key_pem  TEXT NOT NULL,
    public_key_pem   TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
