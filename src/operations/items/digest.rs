//! A digest of a set of items (this node's own, or the replicas from one origin), so two
//! nodes can prove they hold the same thing: SHA-256 over the sorted (uri, updated,
//! SHA-256 of the document) of every public item.

use crate::operations::people::accounts::sha256_hex;
use crate::operations::{Node, OperationError};
use crate::storage;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SetDigest {
    /// `None`: this node's own items.
    pub origin: Option<String>,
    pub items: usize,
    pub digest: String,
}

/// The digest of the public items from `origin` (`None` or our own actor: local items).
pub async fn item_set_digest(node: &Node, origin: Option<&str>) -> Result<SetDigest, OperationError> {
    let origin = origin.filter(|o| *o != node.actor_uri());
    let rows = storage::item_versions::public_item_versions(&node.pool, origin).await?;
    let mut lines = String::with_capacity(rows.len() * 160);
    for row in &rows {
        let updated =
            storage::parse_timestamp(&row.updated_at).map(storage::timestamp).unwrap_or_else(|| row.updated_at.clone());
        lines.push_str(&row.uri);
        lines.push('\t');
        lines.push_str(&updated);
        lines.push('\t');
        lines.push_str(&sha256_hex(&row.document));
        lines.push('\n');
    }
    Ok(SetDigest { origin: origin.map(str::to_owned), items: rows.len(), digest: sha256_hex(&lines) })
}
