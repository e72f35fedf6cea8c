//! Creating a local item (draft or published) from a document.

use super::outbox::{lineage_inboxes, record_public_change, PublicChange};
use crate::content::slug::slugify;
use crate::content::{validate, ItemDocument, ValidationErrors};
use crate::operations::items::write::{derive, local_write, write_derived_rows};
use crate::operations::people::audit::{self, Action, Actor};
use crate::operations::{Item, Node, OperationError};
use crate::storage::{self, media::BlobRow, timestamp};
use anyhow::Context;
use sqlx::SqliteConnection;

/// Validates and stores a new local item; the slug is the given one or derived from the
/// title (made unique with a number). Audited as `item.create`.
pub async fn create_item(node: &Node, doc: ItemDocument, actor: &Actor) -> Result<Item, OperationError> {
    create_item_with_files(node, doc, actor, &[]).await
}

/// Creates a local item, recording `new_files` (written to the media folder by the
/// caller) in the same transaction.
pub async fn create_item_with_files(
    node: &Node,
    doc: ItemDocument,
    actor: &Actor,
    new_files: &[BlobRow],
) -> Result<Item, OperationError> {
    let mut item = validate(doc, &node.vocab)?;
    let now = node.clock.now();
    item.stamp_published(now);
    let lineage =
        if item.document().lifecycle.is_public() { lineage_inboxes(node, item.document()).await } else { Vec::new() };
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    crate::operations::items::media::record_files(&mut tx, node, item.document(), new_files).await?;
    let slug = choose_slug(&mut tx, item.document().slug.as_deref(), &item.document().title).await?;
    item.set_slug(slug.clone());

    let uri = node.item_uri(&slug);
    let derived = derive(node, item.document())?;
    let updated_at = timestamp(now);
    let published_at = item.document().published.map(timestamp);
    let review_due = item.document().review_due.map(|d| d.to_string());
    let write = local_write(&item, &uri, &slug, &derived, &updated_at, published_at.as_deref(), review_due.as_deref());
    let id = storage::items::insert_item(&mut tx, &write, &updated_at).await.context("Failed to store the new item")?;
    let editor = actor.revision_editor();
    write_derived_rows(&mut tx, id, 1, &write, &derived, item.document(), &editor).await?;
    if item.document().lifecycle.is_public() {
        let stored = item_in_transaction(&mut tx, &uri).await?;
        record_public_change(&mut tx, node, &stored, PublicChange::Created, &lineage).await?;
    }
    let detail = serde_json::json!({ "revision": 1, "lifecycle": write.lifecycle });
    audit::record(&mut tx, node, actor, Action::ItemCreate, &uri, Some(detail)).await?;
    tx.commit().await.context("Failed to commit the new item")?;
    node.item_committed(id).await;
    node.wake_delivery();
    tracing::debug!(%uri, editor, "item created");
    crate::operations::items::queries::item_by_id(node, id).await
}

async fn choose_slug(conn: &mut SqliteConnection, wanted: Option<&str>, title: &str) -> Result<String, OperationError> {
    if let Some(slug) = wanted {
        if storage::items::local_slug_taken(conn, slug, None).await? {
            return Err(
                ValidationErrors::single("slug", "slug_taken", crate::msg!("op-slug_taken", slug = slug)).into()
            );
        }
        return Ok(slug.to_owned());
    }
    let base = slugify(title);
    let mut candidate = base.clone();
    let mut n = 2;
    while storage::items::local_slug_taken(conn, &candidate, None).await? {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    Ok(candidate)
}

/// Reads back an item written in the current transaction (for the activity it causes).
pub(crate) async fn item_in_transaction(conn: &mut SqliteConnection, uri: &str) -> anyhow::Result<Item> {
    let row = storage::items::find_item_by_uri(conn, uri)
        .await
        .context("Failed to read back the item")?
        .context("The item vanished inside its transaction")?;
    Item::from_row(row)
}
