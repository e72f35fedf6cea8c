//! Retracting a local item: it becomes `withdrawn`, leaves public pages and search, and
//! keeps its revision history.

use super::update::{replace_item, UpdateOutcome};
use crate::content::Lifecycle;
use crate::operations::people::audit::Actor;
use crate::operations::{Item, Node, OperationError};

pub async fn retract_item(node: &Node, slug: &str, actor: &Actor) -> Result<Item, OperationError> {
    let current = crate::operations::items::queries::local_item(node, slug).await?;
    if current.lifecycle == Lifecycle::Withdrawn {
        return Ok(current);
    }
    let mut doc = current.document.clone();
    doc.lifecycle = Lifecycle::Withdrawn;
    replace_item(node, slug, doc, actor).await.map(UpdateOutcome::into_item)
}
