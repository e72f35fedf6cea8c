//! Keeping the full-text index whole outside the normal write path: at start, items whose
//! index row is missing or stale (an old analyser, a restored backup, rows written by an
//! older binary) are reindexed; `maillage reindex` rebuilds the whole index. Normal writes
//! index in their own transaction (see [`crate::operations::items::write`]).

use crate::content::markdown::to_plain_text;
use crate::content::search::Analyzer;
use crate::content::ItemDocument;
use crate::operations::items::write::{analysed_columns, index_item};
use crate::operations::Node;
use crate::storage;
use anyhow::Context;

/// Items per transaction.
const BATCH: usize = 500;

/// Reindexes the items whose index row is missing or stale; returns how many.
pub async fn heal(node: &Node) -> anyhow::Result<usize> {
    let stale = storage::search_index::stale_item_ids(&node.pool).await.context("Failed to check the search index")?;
    reindex_items(node, &stale, |_| {}).await?;
    Ok(stale.len())
}

/// Rebuilds the whole index; `progress` is told how many items are done after each batch.
/// Returns the number of items indexed.
pub async fn rebuild(node: &Node, progress: impl FnMut(usize)) -> anyhow::Result<usize> {
    let ids = storage::search_index::all_item_ids(&node.pool).await.context("Failed to list the items")?;
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    storage::search_index::clear(&mut tx).await.context("Failed to empty the search index")?;
    tx.commit().await.context("Failed to empty the search index")?;
    reindex_items(node, &ids, progress).await?;
    storage::search_index::optimize(&node.pool).await.context("Failed to optimize the search index")?;
    Ok(ids.len())
}

/// How many items there are to index, for a progress bar.
pub async fn item_count(node: &Node) -> anyhow::Result<usize> {
    Ok(storage::search_index::all_item_ids(&node.pool).await.context("Failed to count the items")?.len())
}

/// Bytes the index takes in the database.
pub async fn index_bytes(node: &Node) -> anyhow::Result<i64> {
    storage::search_index::index_bytes(&node.pool).await.context("Failed to measure the search index")
}

async fn reindex_items(node: &Node, ids: &[i64], mut progress: impl FnMut(usize)) -> anyhow::Result<()> {
    let mut analyzer = Analyzer::default();
    let mut done = 0;
    for batch in ids.chunks(BATCH) {
        let rows = storage::items::find_items_by_ids(&node.pool, batch).await.context("Failed to read items")?;
        let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
        for row in &rows {
            let doc: ItemDocument = serde_json::from_str(&row.document)
                .with_context(|| format!("Failed to read the stored document of item {}", row.id))?;
            let columns = analysed_columns(&mut analyzer, &node.vocab, &doc, &to_plain_text(&row.body_html));
            let write = row.as_write();
            index_item(&mut tx, row.id, row.revision, &write, &columns, &doc).await?;
        }
        tx.commit().await.context("Failed to commit reindexed items")?;
        done += batch.len();
        progress(done);
    }
    Ok(())
}
