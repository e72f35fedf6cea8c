-- Files attached to items (pictures and documents), stored on disk by their SHA-256 in the
-- media folder. A row here means the file is on disk; files are shared by every item and
-- revision that names them.
CREATE TABLE media_blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    stored_at TEXT NOT NULL
) WITHOUT ROWID;

-- Which item uses which file (its current revision, local or replica); a file no item
-- uses any more is released.
CREATE TABLE media_refs (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (item_id, sha256)
) WITHOUT ROWID;
CREATE INDEX media_refs_by_file ON media_refs(sha256);

-- Files of replicated items still to download from their origin.
CREATE TABLE media_fetches (
    sha256 TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT
) WITHOUT ROWID;

-- The territory actor's logo (icon) and banner (image).
CREATE TABLE actor_images (
    role TEXT PRIMARY KEY NOT NULL CHECK (role IN ('icon', 'image')),
    sha256 TEXT NOT NULL,
    alt TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
