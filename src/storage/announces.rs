//! `announces`: which version of each object this node last re-shared.

use sqlx::SqliteConnection;

/// Records that `object` was re-shared at `version`; false if that version already was.
pub async fn record_announce(
    conn: &mut SqliteConnection,
    object: &str,
    version: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "INSERT INTO announces (object_uri, version, announced_at) VALUES (?, ?, ?)
         ON CONFLICT (object_uri) DO UPDATE SET version = excluded.version, announced_at = excluded.announced_at
         WHERE announces.version < excluded.version",
        object,
        version,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
