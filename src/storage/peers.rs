//! `peers`: the health of each peer host (`host[:port]`) as deliveries see it, and the
//! circuit that pauses deliveries to a host that keeps failing.

use sqlx::{SqliteConnection, SqlitePool};

pub async fn record_peer_success(conn: &mut SqliteConnection, peer: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO peers (peer, consecutive_failures, last_success_at) VALUES (?, 0, ?)
         ON CONFLICT (peer) DO UPDATE SET consecutive_failures = 0, last_success_at = excluded.last_success_at,
           circuit_open_until = NULL",
        peer,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Counts a failure; returns the consecutive failure count.
pub async fn record_peer_failure(conn: &mut SqliteConnection, peer: &str, error: &str, now: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "INSERT INTO peers (peer, consecutive_failures, last_failure_at, last_error) VALUES (?, 1, ?, ?)
         ON CONFLICT (peer) DO UPDATE SET consecutive_failures = peers.consecutive_failures + 1,
           last_failure_at = excluded.last_failure_at, last_error = excluded.last_error
         RETURNING consecutive_failures",
        peer,
        now,
        error
    )
    .fetch_one(conn)
    .await
}

pub async fn open_peer_circuit(conn: &mut SqliteConnection, peer: &str, until: &str) -> sqlx::Result<()> {
    sqlx::query!("UPDATE peers SET circuit_open_until = ? WHERE peer = ?", until, peer).execute(conn).await?;
    Ok(())
}

/// Whether `peer` has failed lately or has its circuit open. Every inbox request asks:
/// a read, so that a healthy peer (the usual case) costs no write lock.
pub async fn is_peer_unhealthy(pool: &SqlitePool, peer: &str) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!(
        r#"SELECT 1 AS "found!: i64" FROM peers
           WHERE peer = ? AND (circuit_open_until IS NOT NULL OR consecutive_failures > 0)"#,
        peer
    )
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Closes `peer`'s circuit and forgets its failures; false if it was already healthy.
pub async fn reset_peer_health(conn: &mut SqliteConnection, peer: &str) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "UPDATE peers SET circuit_open_until = NULL, consecutive_failures = 0
         WHERE peer = ? AND (circuit_open_until IS NOT NULL OR consecutive_failures > 0)",
        peer
    )
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A peer's queue and health, for the admin page, the network view and the metrics.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PeerQueueRow {
    pub peer: String,
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
    pub next_attempt_at: Option<String>,
    pub oldest_pending_at: Option<String>,
    pub consecutive_failures: i64,
    pub last_success_at: Option<String>,
    pub last_failure_at: Option<String>,
    pub last_error: Option<String>,
    pub circuit_open_until: Option<String>,
}

pub async fn peer_queue_states(pool: &SqlitePool) -> sqlx::Result<Vec<PeerQueueRow>> {
    sqlx::query_as!(
        PeerQueueRow,
        r#"WITH names AS (SELECT peer FROM peers UNION SELECT DISTINCT peer FROM deliveries)
         SELECT n.peer AS "peer!: String",
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending') AS "pending!: i64",
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'delivered') AS "delivered!: i64",
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state IN ('failed', 'gone')) AS "failed!: i64",
           (SELECT MIN(next_attempt_at) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending')
             AS "next_attempt_at: String",
           (SELECT MIN(created_at) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending')
             AS "oldest_pending_at: String",
           COALESCE(p.consecutive_failures, 0) AS "consecutive_failures!: i64",
           p.last_success_at AS "last_success_at: String", p.last_failure_at AS "last_failure_at: String",
           p.last_error AS "last_error: String", p.circuit_open_until AS "circuit_open_until: String"
         FROM names n LEFT JOIN peers p ON p.peer = n.peer ORDER BY n.peer"#
    )
    .fetch_all(pool)
    .await
}
