//! Importing item documents (from files): each one creates the local item with its slug,
//! or updates it when it exists, so importing the same file twice changes nothing. A dry
//! run says which of the three it would be, writing nothing.

use super::audit::Actor;
use super::update::{replace_item, UpdateOutcome};
use super::{publish::create_item, Item, Node, OperationError};
use crate::content::slug::slugify;
use crate::content::ItemDocument;
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

pub async fn import_document(
    node: &Node,
    mut doc: ItemDocument,
    actor: &Actor,
) -> Result<ImportOutcome, OperationError> {
    let slug = slug_of(&doc);
    let mut conn = node.pool.acquire().await.context("Failed to get a database connection")?;
    let exists = storage::items::find_local_item_by_slug(&mut conn, &slug).await?.is_some();
    drop(conn);
    doc.slug = Some(slug.clone());
    if exists {
        Ok(match replace_item(node, &slug, doc, actor).await? {
            UpdateOutcome::Changed(item) => ImportOutcome::Updated(item),
            UpdateOutcome::Unchanged(item) => ImportOutcome::Unchanged(item),
        })
    } else {
        Ok(ImportOutcome::Created(create_item(node, doc, actor).await?))
    }
}
