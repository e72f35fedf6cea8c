//! Packing, in the background, the documents and bodies a node stored as plain text
//! before it stored them compressed (see [`crate::storage::packed`]). Reads take both
//! forms, so the node serves while this runs; small batches keep the write lock short.

use crate::operations::Node;
use crate::storage::item_revisions::pack_plain_texts;
use anyhow::Context;

/// Rows packed per table and transaction.
const BATCH: i64 = 200;

/// Packs every plain text left; returns how many it packed.
pub async fn pack_all(node: &Node) -> anyhow::Result<usize> {
    let mut packed = 0;
    loop {
        let done = pack_plain_texts(&node.pool, BATCH).await.context("Failed to pack stored texts")?;
        if done == 0 {
            return Ok(packed);
        }
        packed += done;
        tokio::task::yield_now().await;
    }
}
