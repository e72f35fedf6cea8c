//! `inbox_log`: every activity the inbox accepted, for dedupe and audit, and the ones
//! still waiting to be applied.

use sqlx::{SqliteExecutor, SqlitePool};

/// An activity recorded but not applied yet.
#[derive(Debug, Clone)]
pub struct PendingActivity {
    pub activity_id: String,
    pub payload: String,
    /// Failed attempts to apply it so far.
    pub attempts: i64,
}

/// Records an incoming activity; false when its id was seen before (dedupe).
pub async fn record_inbox_activity(
    db: impl SqliteExecutor<'_>,
    activity_id: &str,
    actor: &str,
    kind: &str,
    payload: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "INSERT OR IGNORE INTO inbox_log (activity_id, actor, kind, payload, received_at) VALUES (?, ?, ?, ?, ?)",
        activity_id,
        actor,
        kind,
        payload,
        now
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records an activity as applied, with the outcome its application is expected to have
/// (the caller applies it in the same transaction and corrects the outcome if it differs);
/// false if it was already recorded.
pub async fn record_applied_inbox_activity(
    db: impl SqliteExecutor<'_>,
    activity_id: &str,
    actor: &str,
    kind: &str,
    outcome: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "INSERT OR IGNORE INTO inbox_log (activity_id, actor, kind, payload, received_at, processed_at, outcome)
         VALUES (?1, ?2, ?3, '', ?4, ?4, ?5)",
        activity_id,
        actor,
        kind,
        now,
        outcome
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Activities recorded but not applied yet, oldest first.
pub async fn pending_inbox_activities(pool: &SqlitePool, limit: i64) -> sqlx::Result<Vec<PendingActivity>> {
    sqlx::query_as!(
        PendingActivity,
        r#"SELECT activity_id AS "activity_id!", payload, attempts FROM inbox_log
           WHERE processed_at IS NULL ORDER BY received_at LIMIT ?"#,
        limit
    )
    .fetch_all(pool)
    .await
}

/// How many recorded activities are not applied yet.
pub async fn count_pending_inbox_activities(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM inbox_log WHERE processed_at IS NULL"#)
        .fetch_one(pool)
        .await
}

/// Counts a failed attempt to apply an activity; it stays pending.
pub async fn count_inbox_attempt(pool: &SqlitePool, activity_id: &str) -> sqlx::Result<()> {
    sqlx::query!("UPDATE inbox_log SET attempts = attempts + 1 WHERE activity_id = ?", activity_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Marks an activity applied with `outcome`; its payload is dropped (the log keeps who
/// sent what and when, for dedupe and audit; what it carried is stored where it applied).
pub async fn mark_inbox_processed(
    db: impl SqliteExecutor<'_>,
    activity_id: &str,
    outcome: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "UPDATE inbox_log SET processed_at = ?, outcome = ?, payload = '' WHERE activity_id = ?",
        now,
        outcome,
        activity_id
    )
    .execute(db)
    .await?;
    Ok(())
}
