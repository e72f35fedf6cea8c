//! `remote_actors`: the actors we fetched, kept as a key and inbox cache.

use sqlx::SqlitePool;

#[derive(Debug, Clone)]
pub struct RemoteActorRow {
    pub uri: String,
    pub inbox: String,
    pub shared_inbox: Option<String>,
    pub key_id: String,
    pub public_key_pem: String,
    pub username: Option<String>,
    pub name: Option<String>,
    pub url: Option<String>,
    pub fetched_at: String,
}

pub async fn find_remote_actor(pool: &SqlitePool, uri: &str) -> sqlx::Result<Option<RemoteActorRow>> {
    sqlx::query_as!(
        RemoteActorRow,
        r#"SELECT uri AS "uri!", inbox, shared_inbox, key_id, public_key_pem, username, name, url, fetched_at
           FROM remote_actors WHERE uri = ?"#,
        uri
    )
    .fetch_optional(pool)
    .await
}

pub async fn upsert_remote_actor(pool: &SqlitePool, a: &RemoteActorRow) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO remote_actors (uri, inbox, shared_inbox, key_id, public_key_pem, username, name, url, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uri) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
           key_id = excluded.key_id, public_key_pem = excluded.public_key_pem, username = excluded.username,
           name = excluded.name, url = excluded.url, fetched_at = excluded.fetched_at",
        a.uri,
        a.inbox,
        a.shared_inbox,
        a.key_id,
        a.public_key_pem,
        a.username,
        a.name,
        a.url,
        a.fetched_at
    )
    .execute(pool)
    .await?;
    Ok(())
}
