//! What peers read of this node besides its items: the outbox's version and pages, the
//! accepted followers and followed actors, one activity by id, and the count NodeInfo
//! publishes. The ActivityPub handlers (`web::activitypub`) shape these into JSON-LD.

use crate::operations::Node;
use crate::storage;
use crate::storage::activities::{ActivityPayload, OutboxVersion};
use crate::storage::states::FollowState;

/// The outbox's newest public activity row id and its size (its ETag).
pub async fn outbox_version(node: &Node) -> sqlx::Result<OutboxVersion> {
    storage::activities::outbox_version(&node.pool).await
}

/// Up to `limit` public activities older than `before`, newest first.
pub async fn outbox_page(node: &Node, before: Option<i64>, limit: i64) -> sqlx::Result<Vec<ActivityPayload>> {
    storage::activities::list_public_activities(&node.pool, before, limit).await
}

/// Actors whose follow this node accepted.
pub async fn accepted_followers(node: &Node) -> sqlx::Result<Vec<String>> {
    let rows = storage::followers::list_followers(&node.pool).await?;
    Ok(rows.into_iter().filter(|r| r.state == FollowState::Accepted).map(|r| r.actor_uri).collect())
}

/// Every peer this node follows or is followed by, in any state, sorted, once each.
pub async fn all_peers(node: &Node) -> sqlx::Result<Vec<String>> {
    let following = storage::following::list_following(&node.pool).await?;
    let followers = storage::followers::list_followers(&node.pool).await?;
    let mut peers: Vec<String> =
        following.into_iter().map(|f| f.actor_uri).chain(followers.into_iter().map(|f| f.actor_uri)).collect();
    peers.sort();
    peers.dedup();
    Ok(peers)
}

/// Actors that accepted this node's follow.
pub async fn accepted_following(node: &Node) -> sqlx::Result<Vec<String>> {
    let rows = storage::following::list_following(&node.pool).await?;
    Ok(rows.into_iter().filter(|r| r.state == FollowState::Accepted).map(|r| r.actor_uri).collect())
}

/// The stored JSON of the activity `id`, if this node recorded it.
pub async fn activity_payload(node: &Node, id: &str) -> sqlx::Result<Option<String>> {
    storage::activities::find_activity_payload(&node.pool, id).await
}

/// Public activities published, for NodeInfo's `localPosts`.
pub async fn public_activity_count(node: &Node) -> sqlx::Result<i64> {
    storage::activities::count_public_activities(&node.pool).await
}
