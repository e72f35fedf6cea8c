//! Rows about stored files: `media_blobs` (a file on disk, by digest), `media_refs` (which
//! item uses which file), `media_fetches` (files of replicas still to download) and
//! `actor_images` (the territory's logo and banner).

use sqlx::{SqliteConnection, SqlitePool};

/// A file on disk.
#[derive(Debug, Clone)]
pub struct BlobRow {
    pub sha256: String,
    pub media_type: String,
    pub byte_size: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

/// Records a file written to disk (nothing if it was already known).
pub async fn insert_blob(conn: &mut SqliteConnection, blob: &BlobRow, stored_at: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO media_blobs (sha256, media_type, byte_size, width, height, stored_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
        blob.sha256,
        blob.media_type,
        blob.byte_size,
        blob.width,
        blob.height,
        stored_at
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn blob(pool: &SqlitePool, sha256: &str) -> sqlx::Result<Option<BlobRow>> {
    sqlx::query_as!(
        BlobRow,
        r#"SELECT sha256 AS "sha256!", media_type, byte_size, width, height FROM media_blobs WHERE sha256 = ?"#,
        sha256
    )
    .fetch_optional(pool)
    .await
}

/// Which of `digests` are stored.
pub async fn stored_among(conn: &mut SqliteConnection, digests: &[&str]) -> sqlx::Result<Vec<String>> {
    let list = serde_json::to_string(digests).unwrap_or_else(|_| "[]".into());
    sqlx::query_scalar!("SELECT sha256 FROM media_blobs WHERE sha256 IN (SELECT value FROM json_each(?))", list)
        .fetch_all(conn)
        .await
}

/// Bytes used by every stored file (kept on write by the triggers of `media_usage`).
pub async fn total_bytes(conn: &mut SqliteConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar!("SELECT bytes FROM media_usage WHERE id = 1").fetch_one(conn).await
}

/// Forgets which files item `item_id` uses (the files themselves stay until collected).
pub async fn delete_refs(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM media_refs WHERE item_id = ?", item_id).execute(conn).await?;
    Ok(())
}

/// Adds files to those item `item_id` uses.
pub async fn insert_refs(conn: &mut SqliteConnection, item_id: i64, digests: &[&str]) -> sqlx::Result<()> {
    for digest in digests {
        sqlx::query!("INSERT OR IGNORE INTO media_refs (item_id, sha256) VALUES (?, ?)", item_id, digest)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Forgets the files among `candidates` (every file when `None`) that no item and no actor
/// image uses any more; returns their digests (the caller removes them from disk after the
/// commit).
pub async fn forget_unused(conn: &mut SqliteConnection, candidates: Option<&[String]>) -> sqlx::Result<Vec<String>> {
    let list = candidates.map(|c| serde_json::to_string(c).unwrap_or_else(|_| "[]".into()));
    sqlx::query_scalar!(
        "DELETE FROM media_blobs
         WHERE (?1 IS NULL OR sha256 IN (SELECT value FROM json_each(?1)))
           AND NOT EXISTS (SELECT 1 FROM media_refs r WHERE r.sha256 = media_blobs.sha256)
           AND NOT EXISTS (SELECT 1 FROM actor_images a WHERE a.sha256 = media_blobs.sha256)
         RETURNING sha256",
        list
    )
    .fetch_all(conn)
    .await
}

/// Every stored digest (for the clean-up of files left on disk without a row).
pub async fn all_digests(pool: &SqlitePool) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("SELECT sha256 FROM media_blobs").fetch_all(pool).await
}

/// A file of a replica to download.
#[derive(Debug, Clone)]
pub struct FetchRow {
    pub sha256: String,
    pub url: String,
    pub media_type: String,
    pub byte_size: i64,
    pub attempts: i64,
}

/// Queues a download (a digest already queued keeps its row).
pub async fn queue_fetch(conn: &mut SqliteConnection, fetch: &FetchRow, due: &str) -> sqlx::Result<()> {
    sqlx::query!("INSERT INTO media_fetches (sha256, url, media_type, byte_size, next_attempt_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET url = excluded.url, next_attempt_at = MIN(next_attempt_at, excluded.next_attempt_at)", fetch.sha256, fetch.url, fetch.media_type, fetch.byte_size, due)
    .execute(conn)
    .await?;
    Ok(())
}

/// Downloads due at `now`, oldest first.
pub async fn due_fetches(pool: &SqlitePool, now: &str, limit: i64) -> sqlx::Result<Vec<FetchRow>> {
    sqlx::query_as!(
        FetchRow,
        r#"SELECT sha256 AS "sha256!", url, media_type, byte_size, attempts FROM media_fetches
           WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?"#,
        now,
        limit
    )
    .fetch_all(pool)
    .await
}

/// The next due download, if any is queued.
pub async fn next_fetch_due(pool: &SqlitePool) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!("SELECT MIN(next_attempt_at) FROM media_fetches").fetch_one(pool).await
}

pub async fn delete_fetch(conn: &mut SqliteConnection, sha256: &str) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM media_fetches WHERE sha256 = ?", sha256).execute(conn).await?;
    Ok(())
}

pub async fn postpone_fetch(pool: &SqlitePool, sha256: &str, next: &str, error: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE media_fetches SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE sha256 = ?",
        next,
        error,
        sha256
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Downloads no item needs any more (their replica was updated or withdrawn first).
pub async fn drop_unneeded_fetches(conn: &mut SqliteConnection) -> sqlx::Result<u64> {
    let done = sqlx::query!(
        "DELETE FROM media_fetches WHERE NOT EXISTS (SELECT 1 FROM media_refs r WHERE r.sha256 = media_fetches.sha256)"
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The logo (`icon`) or banner (`image`) of the territory actor.
#[derive(Debug, Clone)]
pub struct ActorImageRow {
    pub role: String,
    pub sha256: String,
    pub alt: String,
    pub media_type: String,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

pub async fn actor_images(pool: &SqlitePool) -> sqlx::Result<Vec<ActorImageRow>> {
    sqlx::query_as!(
        ActorImageRow,
        r#"SELECT a.role AS "role!", a.sha256, a.alt, b.media_type, b.width, b.height
           FROM actor_images a JOIN media_blobs b ON b.sha256 = a.sha256 ORDER BY a.role"#
    )
    .fetch_all(pool)
    .await
}

/// Sets the logo or banner; returns the digest it replaces.
pub async fn set_actor_image(
    conn: &mut SqliteConnection,
    role: &str,
    sha256: &str,
    alt: &str,
) -> sqlx::Result<Option<String>> {
    let previous: Option<String> =
        sqlx::query_scalar!("SELECT sha256 FROM actor_images WHERE role = ?", role).fetch_optional(&mut *conn).await?;
    sqlx::query!(
        "INSERT INTO actor_images (role, sha256, alt) VALUES (?, ?, ?)
         ON CONFLICT (role) DO UPDATE SET sha256 = excluded.sha256, alt = excluded.alt",
        role,
        sha256,
        alt
    )
    .execute(conn)
    .await?;
    Ok(previous)
}

/// What the media folder holds and what is left to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaSummary {
    pub files: i64,
    pub bytes: i64,
    /// Downloads queued, and those that failed at least once.
    pub queued: i64,
    pub failing: i64,
}

pub async fn summary(pool: &SqlitePool) -> sqlx::Result<MediaSummary> {
    let stored = sqlx::query!(
        r#"SELECT COUNT(*) AS "files!: i64", COALESCE(SUM(byte_size), 0) AS "bytes!: i64" FROM media_blobs"#
    )
    .fetch_one(pool)
    .await?;
    let fetches = sqlx::query!(
        r#"SELECT COUNT(*) AS "queued!: i64", COALESCE(SUM(attempts > 0), 0) AS "failing!: i64" FROM media_fetches"#
    )
    .fetch_one(pool)
    .await?;
    Ok(MediaSummary { files: stored.files, bytes: stored.bytes, queued: fetches.queued, failing: fetches.failing })
}
