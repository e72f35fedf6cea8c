//! What a node knows of its peers, for the admin page and the JSON API: followers,
//! follows, per-peer delivery queues and catch-up state; and the relay switch.

use super::{Node, OperationError};
use crate::storage::federation::{self as rows, FollowRow, FollowingRow, PeerQueueRow, PeerSyncRow};

pub struct PeerOverview {
    pub followers: Vec<FollowRow>,
    pub following: Vec<FollowingRow>,
    pub queues: Vec<PeerQueueRow>,
    pub syncs: Vec<PeerSyncRow>,
}

pub async fn overview(node: &Node) -> Result<PeerOverview, OperationError> {
    Ok(PeerOverview {
        followers: rows::list_followers(&node.pool).await?,
        following: rows::list_following(&node.pool).await?,
        queues: rows::peer_queue_states(&node.pool).await?,
        syncs: rows::list_peer_syncs(&node.pool).await?,
    })
}

/// Relay mode for a followed peer: what arrives from it is re-shared to our followers.
pub async fn set_relay(node: &Node, actor: &str, on: bool) -> Result<(), OperationError> {
    if rows::set_following_relay(&node.pool, actor, on).await? {
        Ok(())
    } else {
        Err(OperationError::NotFound)
    }
}
