//! Re-sharing (Announce) a remote item to our followers: by an editor, or automatically
//! in relay mode. Each version of an object is announced at most once, so a ring of nodes
//! that re-share each other settles.

use super::outbox::enqueue_to_followers;
use crate::federation::article::wire_time;
use crate::federation::vocab::public_activity;
use crate::operations::people::audit::{self, Action, Actor};
use crate::operations::{items::queries, Node, OperationError};
use crate::storage::{self, timestamp};
use anyhow::Context;
use serde_json::json;

/// Announces `uri` (a public item this node holds) unless this version already was.
/// Returns whether an Announce was queued. Relay mode calls this for what peers send
/// (not audited); [`reshare`] is the audited way for a person.
pub async fn announce(node: &Node, uri: &str) -> anyhow::Result<bool> {
    queue_announce(node, uri, None).await
}

async fn queue_announce(node: &Node, uri: &str, audited: Option<&Actor>) -> anyhow::Result<bool> {
    let item = match queries::item_by_uri(node, uri).await {
        Ok(item) => item,
        Err(OperationError::NotFound) => return Ok(false),
        Err(e) => return Err(e.into()),
    };
    let now = node.clock.now();
    // A withdrawn item is re-shared too: followers then fetch its tombstone.
    let version = format!("{}:{}", timestamp(item.updated_at), item.lifecycle.code());
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if !storage::announces::record_announce(&mut tx, uri, &version, &timestamp(now)).await? {
        return Ok(false);
    }
    let id = node.new_activity_id();
    let activity =
        public_activity(&id, "Announce", &node.actor_uri(), &node.url("followers"), json!(uri), &wire_time(now));
    enqueue_to_followers(&mut tx, node, &id, "Announce", Some(uri), true, &activity).await?;
    if let Some(actor) = audited {
        audit::record(&mut tx, node, actor, Action::ItemReshare, uri, Some(json!({ "version": version }))).await?;
    }
    tx.commit().await.context("Failed to commit an Announce")?;
    node.wake_delivery();
    Ok(true)
}

/// A person re-shares a replicated item; audited as `item.reshare` when an Announce is
/// queued.
pub async fn reshare(node: &Node, uri: &str, actor: &Actor) -> Result<bool, OperationError> {
    let item = queries::item_by_uri(node, uri).await?;
    if item.is_local() || !item.lifecycle.is_public() {
        return Err(OperationError::Conflict { code: "not_reshareable", message: crate::msg!("op-not_reshareable") });
    }
    Ok(queue_announce(node, uri, Some(actor)).await?)
}
