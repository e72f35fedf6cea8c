//! Editors, their sessions, and API tokens. Only hashes of secrets are stored.

use sqlx::SqlitePool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EditorRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: String,
}

pub async fn upsert_editor(
    pool: &SqlitePool,
    username: &str,
    password_hash: &str,
    role: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO editors (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role",
    )
    .bind(username)
    .bind(password_hash)
    .bind(role)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn find_editor(pool: &SqlitePool, username: &str) -> sqlx::Result<Option<EditorRow>> {
    sqlx::query_as("SELECT id, username, password_hash, role FROM editors WHERE username = ?")
        .bind(username)
        .fetch_optional(pool)
        .await
}

pub async fn insert_session(
    pool: &SqlitePool,
    token_hash: &str,
    editor_id: i64,
    csrf: &str,
    expires_at: &str,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO sessions (token_hash, editor_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)")
        .bind(token_hash)
        .bind(editor_id)
        .bind(csrf)
        .bind(expires_at)
        .execute(pool)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub editor_id: i64,
    pub username: String,
    pub role: String,
    pub csrf_token: String,
}

pub async fn find_live_session(pool: &SqlitePool, token_hash: &str, now: &str) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as(
        "SELECT s.editor_id, e.username, e.role, s.csrf_token FROM sessions s JOIN editors e ON e.id = s.editor_id
         WHERE s.token_hash = ? AND s.expires_at > ?",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await
}

pub async fn delete_session(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).execute(pool).await?;
    Ok(())
}

pub async fn insert_api_token(pool: &SqlitePool, name: &str, token_hash: &str, now: &str) -> sqlx::Result<i64> {
    let done = sqlx::query("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (?, ?, ?)")
        .bind(name)
        .bind(token_hash)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(done.last_insert_rowid())
}

/// Marks a live token as used and returns its name; `None` for unknown or revoked tokens.
pub async fn touch_live_api_token(pool: &SqlitePool, token_hash: &str, now: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND revoked_at IS NULL RETURNING name",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

pub async fn list_api_tokens(pool: &SqlitePool) -> sqlx::Result<Vec<ApiTokenRow>> {
    sqlx::query_as("SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id")
        .fetch_all(pool)
        .await
}

pub async fn revoke_api_token(pool: &SqlitePool, id: i64, now: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}
