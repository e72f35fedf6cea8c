//! What a node knows of its peers, for the admin page and the JSON API: followers,
//! follows, per-peer delivery queues and catch-up state; and the relay switch.

use super::audit::{self, Action, Actor};
use super::{Node, OperationError};
use crate::storage;
use crate::storage::federation::{self as rows, FollowRow, FollowingRow, PeerQueueRow, PeerSyncRow};
use anyhow::Context;

pub struct PeerOverview {
    pub followers: Vec<FollowRow>,
    pub following: Vec<FollowingRow>,
    pub queues: Vec<PeerQueueRow>,
    pub syncs: Vec<PeerSyncRow>,
    /// Display names of the actors this node has met, by actor URI.
    pub names: std::collections::HashMap<String, Option<String>>,
}

pub async fn overview(node: &Node) -> Result<PeerOverview, OperationError> {
    Ok(PeerOverview {
        followers: rows::list_followers(&node.pool).await?,
        following: rows::list_following(&node.pool).await?,
        queues: rows::peer_queue_states(&node.pool).await?,
        syncs: rows::list_peer_syncs(&node.pool).await?,
        names: storage::network::actor_names(&node.pool).await?.into_iter().collect(),
    })
}

/// Relay mode for a followed peer: what arrives from it is re-shared to our followers.
pub async fn set_relay(node: &Node, actor: &str, on: bool, who: &Actor) -> Result<(), OperationError> {
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if !rows::set_following_relay(&mut tx, actor, on).await? {
        return Err(OperationError::NotFound);
    }
    audit::record(&mut tx, node, who, Action::PeerRelay, actor, Some(serde_json::json!({ "relay": on }))).await?;
    tx.commit().await.context("Failed to commit the relay switch")?;
    Ok(())
}
