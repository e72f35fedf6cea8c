//! `followers`: the peers that follow this node, and where their follow stands.

use super::states::FollowState;
use sqlx::{SqliteConnection, SqlitePool};

#[derive(Debug, Clone)]
pub struct FollowerRow {
    pub actor_uri: String,
    /// The actor's shared inbox when it has one.
    pub inbox: String,
    pub state: FollowState,
    pub follow_activity_id: String,
    pub created_at: String,
}

/// Records a follow; a follower already accepted stays accepted.
pub async fn upsert_follower(
    conn: &mut SqliteConnection,
    actor: &str,
    inbox: &str,
    state: FollowState,
    follow_id: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO followers (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (actor_uri) DO UPDATE SET inbox = excluded.inbox, follow_activity_id = excluded.follow_activity_id,
           state = CASE WHEN followers.state = 'accepted' THEN 'accepted' ELSE excluded.state END",
        actor,
        inbox,
        state,
        follow_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_follower(pool: &SqlitePool, actor: &str) -> sqlx::Result<Option<FollowerRow>> {
    sqlx::query_as!(
        FollowerRow,
        r#"SELECT actor_uri AS "actor_uri!", inbox, state AS "state: FollowState", follow_activity_id, created_at
           FROM followers WHERE actor_uri = ?"#,
        actor
    )
    .fetch_optional(pool)
    .await
}

pub async fn set_follower_state(conn: &mut SqliteConnection, actor: &str, state: FollowState) -> sqlx::Result<bool> {
    let done = sqlx::query!("UPDATE followers SET state = ? WHERE actor_uri = ?", state, actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_follower(conn: &mut SqliteConnection, actor: &str) -> sqlx::Result<bool> {
    let done = sqlx::query!("DELETE FROM followers WHERE actor_uri = ?", actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// A 410 from an inbox: everyone delivered there is gone.
pub async fn delete_followers_by_inbox(conn: &mut SqliteConnection, inbox: &str) -> sqlx::Result<u64> {
    Ok(sqlx::query!("DELETE FROM followers WHERE inbox = ?", inbox).execute(conn).await?.rows_affected())
}

pub async fn list_followers(pool: &SqlitePool) -> sqlx::Result<Vec<FollowerRow>> {
    sqlx::query_as!(
        FollowerRow,
        r#"SELECT actor_uri AS "actor_uri!", inbox, state AS "state: FollowState", follow_activity_id, created_at
           FROM followers ORDER BY created_at"#
    )
    .fetch_all(pool)
    .await
}

/// Distinct inboxes of accepted followers (shared inboxes deduplicate recipients).
pub async fn follower_inboxes(conn: &mut SqliteConnection) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar!("SELECT DISTINCT inbox FROM followers WHERE state = 'accepted' ORDER BY inbox")
        .fetch_all(conn)
        .await
}
