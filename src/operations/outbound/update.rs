//! Changing a local item: a full replacement (PUT, form, import) or a JSON merge patch
//! (PATCH, RFC 7396). Every change is a new revision; an identical document changes
//! nothing. A change is audited as `item.retract` (it becomes withdrawn), `item.publish`
//! (it becomes public) or `item.update`.

use super::outbox::{lineage_inboxes, record_public_change, PublicChange};
use super::publish::item_in_transaction;
use crate::content::{validate, ItemDocument, Lifecycle, ValidationErrors};
use crate::operations::items::media;
use crate::operations::items::write::{derive, local_write, write_derived_rows};
use crate::operations::people::audit::{self, Action, Actor};
use crate::operations::{Item, Node, OperationError};
use crate::storage::{self, media::BlobRow, timestamp};
use anyhow::Context;

/// What an update did.
#[derive(Debug)]
pub enum UpdateOutcome {
    Changed(Item),
    Unchanged(Item),
}

impl UpdateOutcome {
    pub fn into_item(self) -> Item {
        match self {
            UpdateOutcome::Changed(item) | UpdateOutcome::Unchanged(item) => item,
        }
    }
}

/// Replaces the document of the local item `slug`.
pub async fn replace_item(
    node: &Node,
    slug: &str,
    doc: ItemDocument,
    actor: &Actor,
) -> Result<UpdateOutcome, OperationError> {
    replace_item_with_files(node, slug, doc, actor, &[]).await
}

/// Replaces the document of the local item `slug`, recording `new_files` (written to the
/// media folder by the caller) in the same transaction.
pub async fn replace_item_with_files(
    node: &Node,
    slug: &str,
    mut doc: ItemDocument,
    actor: &Actor,
    new_files: &[BlobRow],
) -> Result<UpdateOutcome, OperationError> {
    let current = crate::operations::items::queries::local_item(node, slug).await?;
    match doc.slug.as_deref() {
        None => doc.slug = Some(current.slug.clone()),
        Some(s) if s == current.slug => {}
        Some(_) => {
            return Err(ValidationErrors::single("slug", "slug_immutable", crate::msg!("op-slug_immutable")).into())
        }
    }
    if doc.kind.is_some_and(|k| k != current.kind) {
        return Err(ValidationErrors::single("kind", "kind_immutable", crate::msg!("op-kind_immutable")).into());
    }
    let mut item = validate(doc, &node.vocab)?;
    item.keep_published(current.document.published);
    let now = node.clock.now();
    item.stamp_published(now);
    if item.document() == &current.document {
        return Ok(UpdateOutcome::Unchanged(current));
    }

    let lineage =
        if item.document().lifecycle.is_public() { lineage_inboxes(node, item.document()).await } else { Vec::new() };
    let derived = derive(node, item.document())?;
    let updated_at = timestamp(now);
    let published_at = item.document().published.map(timestamp);
    let review_due = item.document().review_due.map(|d| d.to_string());
    let write = local_write(
        &item,
        &current.uri,
        &current.slug,
        &derived,
        &updated_at,
        published_at.as_deref(),
        review_due.as_deref(),
    );
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    media::record_files(&mut tx, node, item.document(), new_files).await?;
    let revision =
        storage::items::update_item(&mut tx, current.id, &write).await.context("Failed to update the item")?;
    let editor = actor.revision_editor();
    write_derived_rows(&mut tx, current.id, revision, &write, &derived, item.document(), &editor).await?;
    if let Some(change) = PublicChange::between(current.lifecycle.is_public(), item.document().lifecycle.is_public()) {
        let stored = item_in_transaction(&mut tx, &current.uri).await?;
        record_public_change(&mut tx, node, &stored, change, &lineage).await?;
    }
    let action = audited_action(current.lifecycle, item.document().lifecycle);
    let detail = serde_json::json!({ "revision": revision, "lifecycle": write.lifecycle });
    audit::record(&mut tx, node, actor, action, &current.uri, Some(detail)).await?;
    tx.commit().await.context("Failed to commit the item update")?;
    node.item_committed(current.id).await;
    node.wake_delivery();
    let kept = media::digests_of(item.document());
    media::release(node, media::digests_of(&current.document).into_iter().filter(|d| !kept.contains(d)).collect())
        .await;
    tracing::debug!(uri = %current.uri, revision, editor, "item updated");
    Ok(UpdateOutcome::Changed(crate::operations::items::queries::item_by_id(node, current.id).await?))
}

/// Applies a JSON merge patch to the local item `slug`, then validates the result.
pub async fn patch_item(
    node: &Node,
    slug: &str,
    patch: serde_json::Value,
    actor: &Actor,
) -> Result<UpdateOutcome, OperationError> {
    let current = crate::operations::items::queries::local_item(node, slug).await?;
    let mut merged = serde_json::to_value(&current.document).context("Failed to serialize the item")?;
    merge_patch(&mut merged, patch);
    let doc: ItemDocument = serde_path_to_error::deserialize(merged).map_err(|e| {
        let path = e.path().to_string();
        ValidationErrors(vec![crate::content::errors::from_serde_path(path, e.inner())])
    })?;
    replace_item(node, slug, doc, actor).await
}

/// How the audit log names a change from one lifecycle to another.
fn audited_action(from: Lifecycle, to: Lifecycle) -> Action {
    if to == Lifecycle::Withdrawn && from != Lifecycle::Withdrawn {
        Action::ItemRetract
    } else if to.is_public() && !from.is_public() {
        Action::ItemPublish
    } else {
        Action::ItemUpdate
    }
}

/// RFC 7396: objects merge recursively, `null` removes, anything else replaces.
fn merge_patch(target: &mut serde_json::Value, patch: serde_json::Value) {
    use serde_json::Value;
    match patch {
        Value::Object(patch_map) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            if let Value::Object(target_map) = target {
                for (key, value) in patch_map {
                    if value.is_null() {
                        target_map.remove(&key);
                    } else {
                        merge_patch(target_map.entry(key).or_insert(Value::Null), value);
                    }
                }
            }
        }
        other => *target = other,
    }
}

#[cfg(test)]
mod tests {
    use super::merge_patch;
    use serde_json::json;

    #[test]
    fn a_merge_patch_replaces_removes_and_merges() {
        let mut doc = json!({"title": "A", "territory": {"name": "Aix", "scale": "epci"}, "tags": ["x"]});
        merge_patch(&mut doc, json!({"title": "B", "territory": {"scale": null}, "tags": ["y", "z"]}));
        assert_eq!(doc, json!({"title": "B", "territory": {"name": "Aix"}, "tags": ["y", "z"]}));
    }
}
