//! Stored items and territories as references: the one-off upgrade that gives every
//! stored item (local or replica) its canonical territory, codes recognised from names
//! where unambiguous, the place terms filters and the map read, and the funding lines
//! the coordination totals count; and the list of items whose territory is still a
//! label only (`maillage doctor`).

use crate::content::markdown::to_plain_text;
use crate::content::search::Analyzer;
use crate::content::ItemDocument;
use crate::operations::items::write::{analysed_columns, index_item, item_terms, term_pairs, write_funding};
use crate::operations::Node;
use crate::storage;
use anyhow::Context;

/// The name the upgrade is recorded under in `data_upgrades`.
const UPGRADE: &str = "territory_codes";
/// Items per transaction.
const BATCH: usize = 200;

/// Upgrades every stored item once (later starts find it recorded and return at once);
/// returns how many documents changed.
pub async fn upgrade_stored_items(node: &Node) -> anyhow::Result<usize> {
    if storage::upgrades::is_done(&node.pool, UPGRADE).await.context("Failed to read the data upgrades")? {
        return Ok(0);
    }
    let ids = storage::search_index::all_item_ids(&node.pool).await.context("Failed to list the items")?;
    let mut analyzer = Analyzer::default();
    let mut changed = 0;
    for batch in ids.chunks(BATCH) {
        let rows = storage::items::find_items_by_ids(&node.pool, batch).await.context("Failed to read items")?;
        let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
        for row in &rows {
            let mut doc: ItemDocument = serde_json::from_str(&row.document)
                .with_context(|| format!("Failed to read the stored document of item {}", row.id))?;
            let before = doc.territory.clone();
            doc.territory.normalise();
            let mut write = row.as_write();
            if doc.territory != before {
                let json = serde_json::to_string(&doc).context("Failed to write a document")?;
                storage::upgrades::rewrite_current_document(&mut tx, row.id, &json, &doc.territory.name)
                    .await
                    .context("Failed to store an item's territory")?;
                write.territory = &doc.territory.name;
                changed += 1;
            }
            storage::item_terms::replace_item_terms(&mut tx, row.id, &term_pairs(&item_terms(&doc)))
                .await
                .context("Failed to store an item's places")?;
            write_funding(&mut tx, row.id, &doc).await?;
            let columns = analysed_columns(&mut analyzer, &node.vocab, &doc, &to_plain_text(&row.body_html));
            index_item(&mut tx, row.id, row.revision, &write, &columns, &doc).await?;
        }
        tx.commit().await.context("Failed to commit upgraded items")?;
        for row in &rows {
            node.item_committed(row.id).await;
        }
    }
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    storage::upgrades::mark_done(&mut tx, UPGRADE, &storage::timestamp(node.clock.now()))
        .await
        .context("Failed to record the upgrade")?;
    tx.commit().await.context("Failed to record the upgrade")?;
    Ok(changed)
}

pub use storage::upgrades::UncodedItem;

/// The items whose territory is still a label only, this node's first.
pub async fn items_without_place(node: &Node) -> anyhow::Result<Vec<UncodedItem>> {
    storage::upgrades::items_without_place(&node.pool).await.context("Failed to list the items without a place")
}
