//! Following between nodes: following a peer (by handle or actor URL), unfollowing,
//! and answering the follows we receive (automatically or by hand).

use super::outbox::enqueue;
use crate::federation::vocab::direct_activity;
use crate::federation::webfinger::resolve_handle;
use crate::operations::people::audit::{self, Action, Actor};
use crate::operations::remote::actors::actor;
use crate::operations::{Node, OperationError};
use crate::storage::{self, timestamp};
use anyhow::Context;
use serde_json::{json, Value};

/// Resolves `target` (`user@host`, `acct:…` or an actor URL) to an actor URL.
pub async fn resolve_target(node: &Node, target: &str) -> Result<String, OperationError> {
    if target.starts_with("http://") || target.starts_with("https://") {
        return Ok(target.to_owned());
    }
    resolve_handle(&node.client, target).await.map_err(|e| OperationError::Conflict {
        code: "unresolvable_handle",
        message: crate::msg!("op-unresolvable_handle", target = target, error = e.to_string()),
    })
}

/// Sends a Follow to `target`; the follow stays pending until the peer accepts.
pub async fn follow(node: &Node, target: &str, who: &Actor) -> Result<String, OperationError> {
    let actor_uri = resolve_target(node, target).await?;
    if actor_uri == node.actor_uri() {
        return Err(OperationError::Conflict { code: "self_follow", message: crate::msg!("op-self_follow") });
    }
    let remote = actor(node, &actor_uri).await.map_err(|e| OperationError::Conflict {
        code: "unreachable_actor",
        message: crate::msg!("op-unreachable_actor", actor = &actor_uri, error = format!("{e:#}")),
    })?;
    let follow_id = node.new_activity_id();
    let activity = direct_activity(&follow_id, "Follow", &node.actor_uri(), &remote.uri, json!(remote.uri));
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    storage::following::upsert_following(
        &mut tx,
        &remote.uri,
        &remote.delivery_inbox,
        &follow_id,
        &timestamp(node.clock.now()),
    )
    .await?;
    enqueue(&mut tx, node, &follow_id, "Follow", None, false, &activity, std::slice::from_ref(&remote.inbox)).await?;
    audit::record(&mut tx, node, who, Action::PeerFollow, &remote.uri, None).await?;
    tx.commit().await.context("Failed to commit the follow")?;
    node.wake_delivery();
    tracing::info!(actor = %remote.uri, "follow sent");
    Ok(remote.uri)
}

/// Stops following `target` and tells the peer (Undo(Follow)).
pub async fn unfollow(node: &Node, target: &str, who: &Actor) -> Result<(), OperationError> {
    let actor_uri = resolve_target(node, target).await?;
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let row = storage::following::delete_following(&mut tx, &actor_uri).await?.ok_or(OperationError::NotFound)?;
    let undo_id = node.new_activity_id();
    let follow = direct_activity(&row.follow_activity_id, "Follow", &node.actor_uri(), &actor_uri, json!(actor_uri));
    let undo = direct_activity(&undo_id, "Undo", &node.actor_uri(), &actor_uri, strip_context(follow));
    let inbox = actor(node, &actor_uri).await.map(|a| a.inbox).unwrap_or(row.inbox);
    enqueue(&mut tx, node, &undo_id, "Undo", None, false, &undo, &[inbox]).await?;
    audit::record(&mut tx, node, who, Action::PeerUnfollow, &actor_uri, None).await?;
    tx.commit().await.context("Failed to commit the unfollow")?;
    node.wake_delivery();
    Ok(())
}

/// Records a Follow we received; accepts it at once when the node auto-accepts.
pub async fn receive_follow(node: &Node, follower: &str, follow: &Value) -> anyhow::Result<()> {
    let remote = actor(node, follower).await?;
    let follow_id = follow.get("id").and_then(Value::as_str).unwrap_or_default();
    let auto = node.settings.federation.auto_accept_followers;
    let state =
        if auto { crate::storage::states::FollowState::Accepted } else { crate::storage::states::FollowState::Pending };
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    storage::followers::upsert_follower(
        &mut tx,
        &remote.uri,
        &remote.delivery_inbox,
        state,
        follow_id,
        &timestamp(node.clock.now()),
    )
    .await?;
    if auto {
        queue_answer(&mut tx, node, "Accept", &remote.uri, &remote.inbox, follow).await?;
    }
    tx.commit().await.context("Failed to commit a follower")?;
    node.wake_delivery();
    Ok(())
}

/// An admin accepts or rejects a pending follower.
pub async fn answer_follower(node: &Node, follower: &str, accept: bool, who: &Actor) -> Result<(), OperationError> {
    let row = storage::followers::find_follower(&node.pool, follower).await?.ok_or(OperationError::NotFound)?;
    let remote = actor(node, follower).await?;
    let follow =
        direct_activity(&row.follow_activity_id, "Follow", follower, &node.actor_uri(), json!(node.actor_uri()));
    let follow = strip_context(follow);
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if accept {
        storage::followers::set_follower_state(&mut tx, follower, crate::storage::states::FollowState::Accepted)
            .await?;
        queue_answer(&mut tx, node, "Accept", follower, &remote.inbox, &follow).await?;
    } else {
        storage::followers::delete_follower(&mut tx, follower).await?;
        queue_answer(&mut tx, node, "Reject", follower, &remote.inbox, &follow).await?;
    }
    let action = if accept { Action::PeerApprove } else { Action::PeerReject };
    audit::record(&mut tx, node, who, action, follower, None).await?;
    tx.commit().await.context("Failed to commit the answer")?;
    node.wake_delivery();
    Ok(())
}

async fn queue_answer(
    tx: &mut sqlx::SqliteConnection,
    node: &Node,
    kind: &str,
    to: &str,
    inbox: &str,
    follow: &Value,
) -> anyhow::Result<()> {
    let id = node.new_activity_id();
    let answer = direct_activity(&id, kind, &node.actor_uri(), to, strip_context(follow.clone()));
    enqueue(tx, node, &id, kind, None, false, &answer, &[inbox.to_owned()]).await
}

fn strip_context(mut value: Value) -> Value {
    if let Some(map) = value.as_object_mut() {
        map.remove("@context");
    }
    value
}
