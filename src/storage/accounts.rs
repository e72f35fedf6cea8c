//! `editors`, `sessions` and `api_tokens`: the people who edit, their sessions, and the
//! tokens programs use. Only hashes of secrets are stored.

use super::states::EditorRole;
use sqlx::{SqliteConnection, SqlitePool};

#[derive(Debug, Clone)]
pub struct EditorRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: EditorRole,
}

pub async fn editor_exists(conn: &mut SqliteConnection, username: &str) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!(r#"SELECT 1 AS "found!: i64" FROM editors WHERE username = ?"#, username)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

pub async fn upsert_editor(
    conn: &mut SqliteConnection,
    username: &str,
    password_hash: &str,
    role: EditorRole,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO editors (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role",
        username,
        password_hash,
        role,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_editor(pool: &SqlitePool, username: &str) -> sqlx::Result<Option<EditorRow>> {
    sqlx::query_as!(
        EditorRow,
        r#"SELECT id AS "id!", username, password_hash, role AS "role: EditorRole" FROM editors WHERE username = ?"#,
        username
    )
    .fetch_optional(pool)
    .await
}

pub async fn insert_session(
    conn: &mut SqliteConnection,
    token_hash: &str,
    editor_id: i64,
    csrf: &str,
    expires_at: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO sessions (token_hash, editor_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
        token_hash,
        editor_id,
        csrf,
        expires_at
    )
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub editor_id: i64,
    pub username: String,
    pub role: EditorRole,
    pub csrf_token: String,
}

pub async fn find_live_session(pool: &SqlitePool, token_hash: &str, now: &str) -> sqlx::Result<Option<SessionRow>> {
    sqlx::query_as!(
        SessionRow,
        r#"SELECT s.editor_id, e.username, e.role AS "role: EditorRole", s.csrf_token
           FROM sessions s JOIN editors e ON e.id = s.editor_id
           WHERE s.token_hash = ? AND s.expires_at > ?"#,
        token_hash,
        now
    )
    .fetch_optional(pool)
    .await
}

pub async fn delete_session(pool: &SqlitePool, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM sessions WHERE token_hash = ?", token_hash).execute(pool).await?;
    Ok(())
}

pub async fn insert_api_token(
    conn: &mut SqliteConnection,
    name: &str,
    token_hash: &str,
    scopes: &str,
    now: &str,
) -> sqlx::Result<i64> {
    let done = sqlx::query!(
        "INSERT INTO api_tokens (name, token_hash, scopes, created_at) VALUES (?, ?, ?, ?)",
        name,
        token_hash,
        scopes,
        now
    )
    .execute(conn)
    .await?;
    Ok(done.last_insert_rowid())
}

/// A live token, as a request presenting it is allowed.
#[derive(Debug, Clone)]
pub struct LiveToken {
    pub name: String,
    /// Space-separated scope codes.
    pub scopes: String,
}

/// Marks a live token as used; `None` for unknown or revoked tokens.
pub async fn touch_live_api_token(pool: &SqlitePool, token_hash: &str, now: &str) -> sqlx::Result<Option<LiveToken>> {
    sqlx::query_as!(
        LiveToken,
        "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND revoked_at IS NULL RETURNING name, scopes",
        now,
        token_hash
    )
    .fetch_optional(pool)
    .await
}

#[derive(Debug, Clone)]
pub struct ApiTokenRow {
    pub id: i64,
    pub name: String,
    /// Space-separated scope codes.
    pub scopes: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

pub async fn list_api_tokens(pool: &SqlitePool) -> sqlx::Result<Vec<ApiTokenRow>> {
    sqlx::query_as!(
        ApiTokenRow,
        r#"SELECT id AS "id!", name, scopes, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id"#
    )
    .fetch_all(pool)
    .await
}

/// Revokes a live token and returns its name; `None` when no live token has this id.
pub async fn revoke_api_token(conn: &mut SqliteConnection, id: i64, now: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar!(
        "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING name",
        now,
        id
    )
    .fetch_optional(conn)
    .await
}
