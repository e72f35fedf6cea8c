//! Objects fetched from peers by id, checked to be what their server says they are.

use crate::operations::Node;
use anyhow::{anyhow, Context};
use serde_json::Value;

/// Fetches an object by id and checks the server served that id (lineage lookups).
pub async fn fetch_object(node: &Node, uri: &str) -> anyhow::Result<Value> {
    let object = node.client.fetch_json(uri).await.with_context(|| format!("Failed to fetch {uri}"))?;
    if object.get("id").and_then(Value::as_str) != Some(uri) {
        return Err(anyhow!("{uri} served an object with another id"));
    }
    Ok(object)
}
