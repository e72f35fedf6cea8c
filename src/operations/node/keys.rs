//! The node's key pair: loaded from the database, or generated (RSA-2048) and stored on
//! first start.

use crate::federation::keys::NodeKeys;
use crate::storage;
use anyhow::Context;
use sqlx::SqlitePool;

pub async fn load_or_create_node_keys(pool: &SqlitePool) -> anyhow::Result<NodeKeys> {
    if let Some(stored) = storage::keys::load_node_keys(pool).await.context("Failed to read the node keys")? {
        return NodeKeys::from_private_pem(&stored.private_key_pem).context("Failed to parse the stored node key");
    }
    let keys = tokio::task::spawn_blocking(NodeKeys::generate)
        .await
        .context("Key generation task failed")?
        .context("Failed to generate the node key pair")?;
    let stored = storage::keys::StoredKeys {
        private_key_pem: keys.private_key_pem().to_owned(),
        public_key_pem: keys.public_key_pem().to_owned(),
    };
    let now = storage::timestamp(chrono::Utc::now());
    if storage::keys::insert_node_keys(pool, &stored, &now).await.context("Failed to store the node keys")? {
        tracing::info!("generated the node's RSA-2048 key pair");
        Ok(keys)
    } else {
        // Another process stored its pair first: use that one.
        let stored = storage::keys::load_node_keys(pool).await?.context("Node keys vanished")?;
        NodeKeys::from_private_pem(&stored.private_key_pem).context("Failed to parse the stored node key")
    }
}
