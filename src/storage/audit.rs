//! The `audit_log` table: entries are inserted inside the caller's transaction (with the
//! change they record) and listed newest first with keyset pagination on `(at, id)`.

use sqlx::{SqliteConnection, SqlitePool};

pub struct NewEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    /// JSON text.
    pub detail: Option<&'a str>,
}

pub async fn insert_entry(conn: &mut SqliteConnection, entry: &NewEntry<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
        entry.at,
        entry.actor,
        entry.action,
        entry.target,
        entry.detail
    )
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub detail: Option<String>,
}

pub struct EntryQuery<'a> {
    pub action: Option<&'a str>,
    pub actor: Option<&'a str>,
    /// Only entries strictly older than this `(at, id)`.
    pub before: Option<(&'a str, i64)>,
    pub limit: i64,
}

pub async fn list_entries(pool: &SqlitePool, q: &EntryQuery<'_>) -> sqlx::Result<Vec<AuditRow>> {
    let (before_at, before_id) = q.before.unzip();
    sqlx::query_as!(
        AuditRow,
        r#"SELECT id AS "id!", at, actor, action, target, detail FROM audit_log
         WHERE (?1 IS NULL OR action = ?1) AND (?2 IS NULL OR actor = ?2)
           AND (?3 IS NULL OR at < ?3 OR (at = ?3 AND id < ?4))
         ORDER BY at DESC, id DESC LIMIT ?5"#,
        q.action,
        q.actor,
        before_at,
        before_id,
        q.limit
    )
    .fetch_all(pool)
    .await
}
