//! What a node knows of its peers, for the admin page and the JSON API: followers,
//! follows, per-peer delivery queues and catch-up state; and the relay switch.

use crate::federation::vocab::uri_prefixes_on;
use crate::operations::people::audit::{self, Action, Actor};
use crate::operations::{Node, OperationError};
use crate::storage;
use crate::storage::followers::{self, FollowerRow};
use crate::storage::following::{self, FollowingRow};
use crate::storage::peer_sync::{self, PeerSyncRow};
use crate::storage::peers::{self, PeerQueueRow};
use crate::storage::{deliveries, timestamp};
use anyhow::Context;

pub use crate::storage::states::{FollowState, SyncState};

pub struct PeerOverview {
    pub followers: Vec<FollowerRow>,
    pub following: Vec<FollowingRow>,
    pub queues: Vec<PeerQueueRow>,
    pub syncs: Vec<PeerSyncRow>,
    /// Display names of the actors this node has met, by actor URI.
    pub names: std::collections::HashMap<String, Option<String>>,
}

pub async fn overview(node: &Node) -> Result<PeerOverview, OperationError> {
    Ok(PeerOverview {
        followers: followers::list_followers(&node.pool).await?,
        following: following::list_following(&node.pool).await?,
        queues: peers::peer_queue_states(&node.pool).await?,
        syncs: peer_sync::list_peer_syncs(&node.pool).await?,
        names: storage::network::actor_names(&node.pool).await?.into_iter().map(|a| (a.uri, a.name)).collect(),
    })
}

/// Relay mode for a followed peer: what arrives from it is re-shared to our followers.
pub async fn set_relay(node: &Node, actor: &str, on: bool, who: &Actor) -> Result<(), OperationError> {
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if !following::set_following_relay(&mut tx, actor, on).await? {
        return Err(OperationError::NotFound);
    }
    audit::record(&mut tx, node, who, Action::PeerRelay, actor, Some(serde_json::json!({ "relay": on }))).await?;
    tx.commit().await.context("Failed to commit the relay switch")?;
    Ok(())
}

/// A peer that talks to us is alive. If it had failed lately, its circuit is closed, its
/// pending deliveries are made due now and a catch-up is asked of every actor we follow
/// there; true when that happened (the caller wakes the workers).
pub async fn revive_peer(node: &Node, peer: &str) -> Result<bool, OperationError> {
    if !peers::is_peer_unhealthy(&node.pool, peer).await? {
        return Ok(false);
    }
    let now = timestamp(node.clock.now());
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if !peers::reset_peer_health(&mut tx, peer).await? {
        return Ok(false);
    }
    deliveries::make_peer_deliveries_due(&mut tx, peer, &now).await?;
    tx.commit().await.context("Failed to commit a peer's revival")?;
    for actor in following::following_with_prefixes(&node.pool, &uri_prefixes_on(peer)).await? {
        peer_sync::request_peer_sync(&node.pool, &actor).await?;
    }
    Ok(true)
}
