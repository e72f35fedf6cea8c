//! Importing item documents (from files): each one creates the local item with its slug,
//! or updates it when it exists, so importing the same file twice changes nothing.

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

pub async fn import_document(
    node: &Node,
    mut doc: ItemDocument,
    actor: &Actor,
) -> Result<ImportOutcome, OperationError> {
    let slug = match &doc.slug {
        Some(slug) => slug.clone(),
        None => slugify(&doc.title),
    };
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
