//! `tombstones`: items deleted at their origin. A Delete is final: a later Create or
//! Update of the same URI is ignored.

use sqlx::SqliteConnection;

pub async fn insert_tombstone(conn: &mut SqliteConnection, uri: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query!("INSERT OR IGNORE INTO tombstones (uri, deleted_at) VALUES (?, ?)", uri, now).execute(conn).await?;
    Ok(())
}

pub async fn is_tombstoned(conn: &mut SqliteConnection, uri: &str) -> sqlx::Result<bool> {
    Ok(sqlx::query_scalar!(r#"SELECT 1 AS "found!: i64" FROM tombstones WHERE uri = ?"#, uri)
        .fetch_optional(conn)
        .await?
        .is_some())
}
