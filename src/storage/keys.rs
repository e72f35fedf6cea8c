//! `node_keys`: the node's own key pair.

use sqlx::SqlitePool;

pub struct StoredKeys {
    pub private_key_pem: String,
    pub public_key_pem: String,
}

pub async fn load_node_keys(pool: &SqlitePool) -> sqlx::Result<Option<StoredKeys>> {
    sqlx::query_as!(StoredKeys, "SELECT private_key_pem, public_key_pem FROM node_keys WHERE id = 1")
        .fetch_optional(pool)
        .await
}

/// Stores the key pair unless one exists already (two processes starting at once keep the
/// first); returns whether this call stored it.
pub async fn insert_node_keys(pool: &SqlitePool, keys: &StoredKeys, now: &str) -> sqlx::Result<bool> {
    let done = sqlx::query!(
        "INSERT INTO node_keys (id, private_key_pem, public_key_pem, created_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING",
        keys.private_key_pem,
        keys.public_key_pem,
        now
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
