//! Figures about the whole node for the home page and the editors' dashboard.

use crate::operations::{Node, OperationError};
use crate::storage;

pub struct NodeStats {
    /// Public items written here.
    pub local: i64,
    /// Public items replicated from peers.
    pub replicated: i64,
    /// Distinct peers those replicas come from.
    pub origins: i64,
    /// Local published items whose planned review date has passed.
    pub overdue_reviews: i64,
}

pub async fn node_stats(node: &Node) -> Result<NodeStats, OperationError> {
    let holdings = storage::stats::count_public_holdings(&node.pool).await?;
    let today = node.clock.now().date_naive().to_string();
    let overdue_reviews = storage::items::count_overdue_reviews(&node.pool, &today).await?;
    Ok(NodeStats { local: holdings.local, replicated: holdings.replicated, origins: holdings.origins, overdue_reviews })
}
