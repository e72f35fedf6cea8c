//! Attaching a file to a local item and removing one: a new revision of the item, published
//! like any other change; the file itself is checked and stored by
//! [`crate::operations::items::media`].

use super::update::{replace_item_with_files, UpdateOutcome};
use crate::operations::items::media::{discard_unrecorded, prepare, write_files, Upload};
use crate::operations::{people::audit::Actor, Item, Node, OperationError};

/// Uploads a file to the local item `slug`: a new revision with the file appended (a
/// cover replaces the previous one).
pub async fn attach(node: &Node, slug: &str, upload: Upload, actor: &Actor) -> Result<Item, OperationError> {
    let current = crate::operations::items::queries::local_item(node, slug).await?;
    let mut prepared = prepare(node, upload).await?;
    // A file without its own licence is under the item's.
    if prepared.entry.license.is_none() {
        prepared.entry.license = current.document.license.clone();
    }
    let mut doc = current.document.clone();
    if prepared.entry.cover {
        doc.media.iter_mut().for_each(|m| m.cover = false);
    }
    doc.media.push(prepared.entry.clone());
    let written = write_files(node, &[&prepared]).await?;
    match replace_item_with_files(node, slug, doc, actor, &prepared.blobs()).await {
        Ok(outcome) => Ok(outcome.into_item()),
        Err(e) => {
            discard_unrecorded(node, written).await;
            Err(e)
        }
    }
}

/// Removes the file whose digest is `sha256` from the local item `slug`.
pub async fn detach(node: &Node, slug: &str, sha256: &str, actor: &Actor) -> Result<UpdateOutcome, OperationError> {
    let current = crate::operations::items::queries::local_item(node, slug).await?;
    let mut doc = current.document.clone();
    let before = doc.media.len();
    doc.media.retain(|m| m.file.sha256 != sha256);
    if doc.media.len() == before {
        return Err(OperationError::NotFound);
    }
    replace_item_with_files(node, slug, doc, actor, &[]).await
}
