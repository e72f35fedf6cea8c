//! `following`: the peers this node follows, where each follow stands, and whether what
//! arrives from the peer is relayed to our own followers.

use super::states::FollowState;
use sqlx::{SqliteConnection, SqliteExecutor, SqlitePool};

#[derive(Debug, Clone)]
pub struct FollowingRow {
    pub actor_uri: String,
    pub inbox: String,
    pub state: FollowState,
    pub follow_activity_id: String,
    pub created_at: String,
    pub accepted_at: Option<String>,
    /// Relay mode: what arrives from this peer is re-shared to our followers.
    pub relay: bool,
}

/// `sqlx::query_as!` for [`FollowingRow`]s: the columns of `following`, then `$tail` (a
/// literal) with its arguments.
macro_rules! select_following {
    ($tail:literal $(, $arg:expr)*) => {
        sqlx::query_as!(
            FollowingRow,
            r#"SELECT actor_uri AS "actor_uri!", inbox, state AS "state: FollowState", follow_activity_id, created_at,
                 accepted_at, relay AS "relay: bool"
               FROM following "# + $tail
            $(, $arg)*
        )
    };
}

/// Records (again) that we asked to follow `actor`; the follow waits for its answer.
pub async fn upsert_following(
    conn: &mut SqliteConnection,
    actor: &str,
    inbox: &str,
    follow_id: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO following (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, 'pending', ?, ?)
         ON CONFLICT (actor_uri) DO UPDATE SET inbox = excluded.inbox, state = 'pending',
           follow_activity_id = excluded.follow_activity_id, accepted_at = NULL",
        actor,
        inbox,
        follow_id,
        now
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_following(db: impl SqliteExecutor<'_>, actor: &str) -> sqlx::Result<Option<FollowingRow>> {
    select_following!("WHERE actor_uri = ?", actor).fetch_optional(db).await
}

/// The follows of any of `actors` (one statement for a whole batch of activities).
pub async fn find_followings(db: impl SqliteExecutor<'_>, actors: &[&str]) -> sqlx::Result<Vec<FollowingRow>> {
    let list = serde_json::to_string(actors).unwrap_or_else(|_| "[]".into());
    select_following!("WHERE actor_uri IN (SELECT value FROM json_each(?))", list).fetch_all(db).await
}

pub async fn list_following(pool: &SqlitePool) -> sqlx::Result<Vec<FollowingRow>> {
    select_following!("ORDER BY created_at").fetch_all(pool).await
}

/// Marks our follow of `actor` accepted or rejected, if `follow_id` is the one we sent.
pub async fn answer_following(
    pool: &SqlitePool,
    actor: &str,
    follow_id: Option<&str>,
    state: FollowState,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "UPDATE following SET state = ?1, accepted_at = CASE WHEN ?1 = 'accepted' THEN ?2 ELSE accepted_at END
         WHERE actor_uri = ?3 AND (?4 IS NULL OR follow_activity_id = ?4)",
        state,
        now,
        actor,
        follow_id
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_following(conn: &mut SqliteConnection, actor: &str) -> sqlx::Result<Option<FollowingRow>> {
    sqlx::query_as!(
        FollowingRow,
        r#"DELETE FROM following WHERE actor_uri = ?
           RETURNING actor_uri AS "actor_uri!", inbox, state AS "state: FollowState", follow_activity_id, created_at,
             accepted_at, relay AS "relay: bool""#,
        actor
    )
    .fetch_optional(conn)
    .await
}

pub async fn is_followed_accepted(pool: &SqlitePool, actor: &str) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!(
        r#"SELECT 1 AS "found!: i64" FROM following WHERE actor_uri = ? AND state = 'accepted'"#,
        actor
    )
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Accepted follows of actors on a peer host (`host[:port]`, as `vocab::authority_of`
/// gives it), to catch up with them when it comes back. `prefixes` are the lowercase
/// `scheme://authority/` forms an actor URI on that peer can start with.
pub async fn following_with_prefixes(pool: &SqlitePool, prefixes: &[String]) -> sqlx::Result<Vec<String>> {
    let list = serde_json::to_string(prefixes).unwrap_or_else(|_| "[]".into());
    sqlx::query_scalar!(
        r#"SELECT actor_uri AS "actor_uri!" FROM following
           WHERE state = 'accepted'
             AND EXISTS (SELECT 1 FROM json_each(?) p WHERE lower(substr(actor_uri, 1, length(p.value))) = p.value)
           ORDER BY actor_uri"#,
        list
    )
    .fetch_all(pool)
    .await
}

pub async fn set_following_relay(conn: &mut SqliteConnection, actor: &str, relay: bool) -> sqlx::Result<bool> {
    let done = sqlx::query!("UPDATE following SET relay = ? WHERE actor_uri = ?", relay, actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn is_relayed(pool: &SqlitePool, actor: &str) -> sqlx::Result<bool> {
    let found =
        sqlx::query_scalar!(r#"SELECT 1 AS "found!: i64" FROM following WHERE actor_uri = ? AND relay = 1"#, actor)
            .fetch_optional(pool)
            .await?;
    Ok(found.is_some())
}
