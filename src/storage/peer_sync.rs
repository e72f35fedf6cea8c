//! `peer_sync`: the catch-up with each followed peer (backfill on follow, periodic
//! reconciliation): whether one is asked for, how far the last one went, how it ended.

use super::states::SyncState;
use sqlx::SqlitePool;

#[derive(Debug, Clone, serde::Serialize)]
pub struct PeerSyncRow {
    pub actor_uri: String,
    pub outbox: Option<String>,
    /// Id of the newest outbox activity applied.
    pub cursor: Option<String>,
    /// Of the outbox collection, for conditional GETs.
    pub etag: Option<String>,
    pub state: SyncState,
    pub requested: bool,
    pub activities_seen: i64,
    pub total_items: Option<i64>,
    pub last_sync_at: Option<String>,
    pub last_error: Option<String>,
}

/// `sqlx::query_as!` for [`PeerSyncRow`]s: the columns of `peer_sync`, then `$tail` (a
/// literal) with its arguments.
macro_rules! select_peer_syncs {
    ($tail:literal $(, $arg:expr)*) => {
        sqlx::query_as!(
            PeerSyncRow,
            r#"SELECT actor_uri AS "actor_uri!", outbox, cursor, etag, state AS "state: SyncState",
                 requested AS "requested: bool", activities_seen, total_items, last_sync_at, last_error
               FROM peer_sync "# + $tail
            $(, $arg)*
        )
    };
}

/// Asks for a sync with `actor` (creating its row on first use).
pub async fn request_peer_sync(pool: &SqlitePool, actor: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO peer_sync (actor_uri, requested) VALUES (?, 1) ON CONFLICT (actor_uri) DO UPDATE SET requested = 1",
        actor
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Asks for a sync with every accepted follow (at start, and periodically).
pub async fn request_sync_of_all_following(pool: &SqlitePool) -> sqlx::Result<u64> {
    let done = sqlx::query!(
        "INSERT INTO peer_sync (actor_uri, requested) SELECT actor_uri, 1 FROM following WHERE state = 'accepted'
         ON CONFLICT (actor_uri) DO UPDATE SET requested = 1"
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Followed peers with a requested sync, the longest unsynced first.
pub async fn requested_peer_syncs(pool: &SqlitePool) -> sqlx::Result<Vec<PeerSyncRow>> {
    select_peer_syncs!(
        "WHERE requested = 1 AND actor_uri IN (SELECT actor_uri FROM following WHERE state = 'accepted')
         ORDER BY last_sync_at IS NOT NULL, last_sync_at"
    )
    .fetch_all(pool)
    .await
}

pub async fn find_peer_sync(pool: &SqlitePool, actor: &str) -> sqlx::Result<Option<PeerSyncRow>> {
    select_peer_syncs!("WHERE actor_uri = ?", actor).fetch_optional(pool).await
}

pub async fn list_peer_syncs(pool: &SqlitePool) -> sqlx::Result<Vec<PeerSyncRow>> {
    select_peer_syncs!("ORDER BY actor_uri").fetch_all(pool).await
}

pub async fn start_peer_sync(pool: &SqlitePool, actor: &str, outbox: &str, total: Option<i64>) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE peer_sync SET state = 'running', requested = 0, outbox = ?, total_items = ?, activities_seen = 0,
           last_error = NULL
         WHERE actor_uri = ?",
        outbox,
        total,
        actor
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn progress_peer_sync(pool: &SqlitePool, actor: &str, seen: i64) -> sqlx::Result<()> {
    sqlx::query!("UPDATE peer_sync SET activities_seen = ? WHERE actor_uri = ?", seen, actor).execute(pool).await?;
    Ok(())
}

pub async fn finish_peer_sync(
    pool: &SqlitePool,
    actor: &str,
    cursor: Option<&str>,
    etag: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE peer_sync SET state = 'done', requested = 0, cursor = COALESCE(?, cursor), etag = ?, last_sync_at = ?,
           last_error = NULL
         WHERE actor_uri = ?",
        cursor,
        etag,
        now,
        actor
    )
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn fail_peer_sync(pool: &SqlitePool, actor: &str, error: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE peer_sync SET state = 'failed', requested = 0, last_error = ?, last_sync_at = ? WHERE actor_uri = ?",
        error,
        now,
        actor
    )
    .execute(pool)
    .await?;
    Ok(())
}
