//! Remote actors: fetched with a signed GET, cached with their public key, refetched
//! once when a signature fails with the cached key (key rotation).

use crate::federation::keys::RemotePublicKey;
use crate::federation::vocab::{id_of, origin_of};
use crate::operations::Node;
use crate::storage::{self, remote_actors::RemoteActorRow, timestamp};
use anyhow::{anyhow, Context};
use serde_json::Value;

/// A remote actor as this node uses it.
#[derive(Debug, Clone)]
pub struct RemoteActor {
    pub uri: String,
    pub inbox: String,
    /// The shared inbox when the actor has one, else its own inbox.
    pub delivery_inbox: String,
    pub key_id: String,
    pub public_key: RemotePublicKey,
    pub username: Option<String>,
    pub name: Option<String>,
}

fn from_row(row: RemoteActorRow) -> anyhow::Result<RemoteActor> {
    let public_key = RemotePublicKey::from_pem(&row.public_key_pem).context("bad cached key")?;
    Ok(RemoteActor {
        delivery_inbox: row.shared_inbox.clone().unwrap_or_else(|| row.inbox.clone()),
        uri: row.uri,
        inbox: row.inbox,
        key_id: row.key_id,
        public_key,
        username: row.username,
        name: row.name,
    })
}

/// The actor at `uri`, from the cache or fetched.
pub async fn actor(node: &Node, uri: &str) -> anyhow::Result<RemoteActor> {
    if let Some(row) = storage::remote_actors::find_remote_actor(&node.pool, uri).await? {
        return from_row(row);
    }
    refetch_actor(node, uri).await
}

/// Fetches the actor document again and updates the cache.
pub async fn refetch_actor(node: &Node, uri: &str) -> anyhow::Result<RemoteActor> {
    let document =
        node.client.fetch_json(uri).await.with_context(|| crate::msg!("op-actor_unreadable", actor = uri))?;
    remember_actor(node, uri, &document).await
}

/// Caches an actor document fetched from `uri` (checked: its id, inbox and own key).
pub async fn remember_actor(node: &Node, uri: &str, document: &Value) -> anyhow::Result<RemoteActor> {
    let row = parse_actor(uri, document, &timestamp(node.clock.now()))?;
    storage::remote_actors::upsert_remote_actor(&node.pool, &row).await.context("Failed to cache the actor")?;
    from_row(row)
}

/// Reads an actor document, checking that it is the one asked for and that its key is
/// its own.
fn parse_actor(requested: &str, document: &Value, now: &str) -> anyhow::Result<RemoteActorRow> {
    let id = document.get("id").and_then(Value::as_str).ok_or_else(|| anyhow!("actor document without id"))?;
    if id != requested && origin_of(id) != origin_of(requested) {
        return Err(anyhow!("actor document {id} served for {requested}"));
    }
    let inbox = document.get("inbox").and_then(Value::as_str).ok_or_else(|| anyhow!("actor {id} has no inbox"))?;
    let key = match document.get("publicKey") {
        Some(Value::Array(keys)) => keys.first().cloned(),
        other => other.cloned(),
    }
    .ok_or_else(|| anyhow!("actor {id} has no publicKey"))?;
    let key_id = key.get("id").and_then(Value::as_str).ok_or_else(|| anyhow!("actor {id} key has no id"))?;
    let owner = key.get("owner").and_then(id_of).unwrap_or(id);
    if owner != id {
        return Err(anyhow!("key {key_id} is owned by {owner}, not {id}"));
    }
    let pem = key.get("publicKeyPem").and_then(Value::as_str).ok_or_else(|| anyhow!("actor {id} key has no PEM"))?;
    RemotePublicKey::from_pem(pem).with_context(|| format!("actor {id} key is unusable"))?;
    let shared_inbox = document.get("endpoints").and_then(|e| e.get("sharedInbox")).and_then(Value::as_str);
    Ok(RemoteActorRow {
        uri: id.to_owned(),
        inbox: inbox.to_owned(),
        shared_inbox: shared_inbox.map(str::to_owned),
        key_id: key_id.to_owned(),
        public_key_pem: pem.to_owned(),
        username: document.get("preferredUsername").and_then(Value::as_str).map(str::to_owned),
        name: document.get("name").and_then(Value::as_str).map(str::to_owned),
        url: document.get("url").and_then(id_of).map(str::to_owned),
        fetched_at: now.to_owned(),
    })
}
