//! `deliveries`: the persistent queue, one row per activity and recipient inbox.

use super::states::DeliveryState;
use sqlx::{SqliteConnection, SqlitePool};

/// A delivery claimed by the worker.
#[derive(Debug, Clone)]
pub struct ClaimedDelivery {
    pub id: i64,
    pub inbox: String,
    pub peer: String,
    pub attempts: i64,
    /// The activity to send (its payload is read once per activity:
    /// [`super::activities::payloads_of`]).
    pub activity: i64,
}

/// Queues `activity` for every (inbox, peer) of `recipients`, in their order, with one
/// statement (a fan-out to 10,000 inboxes is one INSERT, not 10,000).
pub async fn insert_deliveries(
    conn: &mut SqliteConnection,
    activity: i64,
    recipients: &[(&str, &str)],
    object_uri: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    let list = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
    sqlx::query!(
        "INSERT OR IGNORE INTO deliveries (activity, inbox, peer, object_uri, next_attempt_at, created_at)
         SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?2, ?3, ?3
         FROM json_each(?4) ORDER BY CAST(key AS INTEGER)",
        activity,
        object_uri,
        now,
        list
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Claims up to `limit` due deliveries with one UPDATE … RETURNING (SQLite has no SKIP
/// LOCKED). A delivery waits while an earlier one for the same object and inbox is
/// pending (per-object order) and while its peer's circuit is open.
pub async fn claim_due_deliveries(
    pool: &SqlitePool,
    now: &str,
    lease_until: &str,
    limit: i64,
) -> sqlx::Result<Vec<ClaimedDelivery>> {
    sqlx::query_as!(
        ClaimedDelivery,
        r#"UPDATE deliveries SET claimed_until = ?1, attempts = attempts + 1
         WHERE id IN (
           SELECT d.id FROM deliveries d
           WHERE d.state = 'pending' AND d.next_attempt_at <= ?2 AND (d.claimed_until IS NULL OR d.claimed_until < ?2)
             AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.state = 'pending' AND e.inbox = d.inbox
                             AND e.object_uri IS d.object_uri AND e.id < d.id)
             AND NOT EXISTS (SELECT 1 FROM peers p WHERE p.peer = d.peer AND p.circuit_open_until > ?2)
           ORDER BY d.id LIMIT ?3)
         RETURNING id AS "id!", inbox, peer, attempts, activity"#,
        lease_until,
        now,
        limit
    )
    .fetch_all(pool)
    .await
}

/// Releases leases left by a process that stopped (one process per database).
pub async fn release_delivery_claims(pool: &SqlitePool) -> sqlx::Result<()> {
    sqlx::query!("UPDATE deliveries SET claimed_until = NULL WHERE state = 'pending'").execute(pool).await?;
    Ok(())
}

/// Gives back a claimed delivery that was not tried (its worker is stopping), as if it had
/// never been claimed.
pub async fn release_delivery_claim(pool: &SqlitePool, id: i64) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE deliveries SET claimed_until = NULL, attempts = attempts - 1 WHERE id = ? AND state = 'pending'",
        id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Records a delivery's last word: delivered, failed for good, or gone.
pub async fn finish_delivery(
    conn: &mut SqliteConnection,
    id: i64,
    state: DeliveryState,
    status: Option<i64>,
    error: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE deliveries SET state = ?, last_status = ?, last_error = ?, delivered_at = ?, claimed_until = NULL
         WHERE id = ?",
        state,
        status,
        error,
        now,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Schedules another attempt at `next_attempt_at`.
pub async fn retry_delivery(
    conn: &mut SqliteConnection,
    id: i64,
    next_attempt_at: &str,
    status: Option<i64>,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE deliveries SET next_attempt_at = ?, last_status = ?, last_error = ?, claimed_until = NULL WHERE id = ?",
        next_attempt_at,
        status,
        error,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn earliest_pending_delivery(pool: &SqlitePool) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(r#"SELECT MIN(next_attempt_at) AS "next: String" FROM deliveries WHERE state = 'pending'"#)
        .fetch_one(pool)
        .await
}

/// Makes every pending delivery to `peer` due at `now` (the peer came back).
pub async fn make_peer_deliveries_due(conn: &mut SqliteConnection, peer: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query!("UPDATE deliveries SET next_attempt_at = ? WHERE peer = ? AND state = 'pending'", now, peer)
        .execute(conn)
        .await?;
    Ok(())
}
