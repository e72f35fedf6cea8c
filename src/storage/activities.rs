//! `activities`: every activity this node sent, newest last; the outbox collection and
//! the delivery worker read it.

use sqlx::{SqliteConnection, SqlitePool};

/// An activity's row id and the JSON that was sent.
#[derive(Debug, Clone)]
pub struct ActivityPayload {
    pub id: i64,
    pub payload: String,
}

/// What the outbox ETag is made of: the newest public activity's row id and their count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxVersion {
    pub newest: i64,
    pub count: i64,
}

pub async fn insert_activity(
    conn: &mut SqliteConnection,
    activity_id: &str,
    kind: &str,
    object_uri: Option<&str>,
    public: bool,
    payload: &str,
    now: &str,
) -> sqlx::Result<i64> {
    let done = sqlx::query!(
        "INSERT INTO activities (activity_id, kind, object_uri, public, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        activity_id,
        kind,
        object_uri,
        public,
        payload,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.last_insert_rowid())
}

pub async fn count_public_activities(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM activities WHERE public = 1"#).fetch_one(pool).await
}

/// Public activities, newest first, with ids below `before` (keyset paging: stable links).
pub async fn list_public_activities(
    pool: &SqlitePool,
    before: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<ActivityPayload>> {
    let before = before.unwrap_or(i64::MAX);
    sqlx::query_as!(
        ActivityPayload,
        r#"SELECT id AS "id!", payload FROM activities WHERE public = 1 AND id < ? ORDER BY id DESC LIMIT ?"#,
        before,
        limit
    )
    .fetch_all(pool)
    .await
}

pub async fn find_activity_payload(pool: &SqlitePool, activity_id: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!("SELECT payload FROM activities WHERE activity_id = ?", activity_id).fetch_optional(pool).await
}

/// The payloads of `activities`, by row id.
pub async fn payloads_of(pool: &SqlitePool, activities: &[i64]) -> sqlx::Result<Vec<ActivityPayload>> {
    let list = serde_json::to_string(activities).unwrap_or_else(|_| "[]".into());
    sqlx::query_as!(
        ActivityPayload,
        r#"SELECT id AS "id!", payload FROM activities WHERE id IN (SELECT value FROM json_each(?))"#,
        list
    )
    .fetch_all(pool)
    .await
}

pub async fn outbox_version(pool: &SqlitePool) -> sqlx::Result<OutboxVersion> {
    sqlx::query_as!(
        OutboxVersion,
        r#"SELECT COALESCE(MAX(id), 0) AS "newest!: i64", COUNT(*) AS "count!: i64" FROM activities WHERE public = 1"#
    )
    .fetch_one(pool)
    .await
}
