//! Importing item documents (from files): each one creates the local item with its slug,
//! or updates it when it exists, so importing the same file twice changes nothing. A dry
//! run says which of the three it would be, writing nothing.

use super::update::{replace_item_with_files, UpdateOutcome};
use crate::content::slug::slugify;
use crate::content::ItemDocument;
use crate::operations::items::media::{discard_unrecorded, write_files, Prepared};
use crate::operations::people::audit::Actor;
use crate::operations::{outbound::publish::create_item_with_files, Item, Node, OperationError};
use crate::storage;
use anyhow::Context;

#[derive(Debug)]
pub enum ImportOutcome {
    Created(Item),
    Updated(Item),
    Unchanged(Item),
}

/// What importing a document would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planned {
    Create,
    Update,
    Unchanged,
}

/// The document's slug: its own, or made from its title.
fn slug_of(doc: &ItemDocument) -> String {
    doc.slug.clone().unwrap_or_else(|| slugify(&doc.title))
}

/// What `import_document` would do with `doc` (already validated by the caller or not:
/// an invalid document is `OperationError::Invalid`), without writing.
pub async fn plan_document(node: &Node, mut doc: ItemDocument) -> Result<Planned, OperationError> {
    let slug = slug_of(&doc);
    doc.slug = Some(slug.clone());
    let mut valid = crate::content::validate(doc, &node.vocab)?;
    let mut conn = node.pool.acquire().await.context("Failed to get a database connection")?;
    let Some(row) = storage::items::find_local_item_by_slug(&mut conn, &slug).await? else {
        return Ok(Planned::Create);
    };
    let current = Item::from_row(row)?;
    valid.keep_published(current.document.published);
    valid.stamp_published(node.clock.now());
    Ok(if valid.document() == &current.document { Planned::Unchanged } else { Planned::Update })
}

/// Creates or updates the item of `doc`, storing `files` (the ones its `media` entries
/// were made from) with it.
pub async fn import_document(
    node: &Node,
    mut doc: ItemDocument,
    files: &[&Prepared],
    actor: &Actor,
) -> Result<ImportOutcome, OperationError> {
    let slug = slug_of(&doc);
    let mut conn = node.pool.acquire().await.context("Failed to get a database connection")?;
    let exists = storage::items::find_local_item_by_slug(&mut conn, &slug).await?.is_some();
    drop(conn);
    doc.slug = Some(slug.clone());
    let written = write_files(node, files).await?;
    let blobs: Vec<_> = files.iter().flat_map(|p| p.blobs()).collect();
    let outcome = if exists {
        replace_item_with_files(node, &slug, doc, actor, &blobs).await.map(|outcome| match outcome {
            UpdateOutcome::Changed(item) => ImportOutcome::Updated(item),
            UpdateOutcome::Unchanged(item) => ImportOutcome::Unchanged(item),
        })
    } else {
        create_item_with_files(node, doc, actor, &blobs).await.map(ImportOutcome::Created)
    };
    if outcome.is_err() {
        discard_unrecorded(node, written).await;
    }
    outcome
}
