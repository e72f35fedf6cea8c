//! The public items of one origin with their versions: the input of a replica-set digest.

use super::packed::PackedText;
use sqlx::SqlitePool;

/// A public item as a digest sees it.
#[derive(Debug, Clone)]
pub struct ItemVersion {
    pub uri: String,
    pub updated_at: String,
    /// The item's JSON document.
    pub document: String,
}

/// The public items from `origin` (None: local items), sorted by uri.
pub async fn public_item_versions(pool: &SqlitePool, origin: Option<&str>) -> sqlx::Result<Vec<ItemVersion>> {
    let rows = sqlx::query!(
        r#"SELECT uri, updated_at, r.document AS "document: PackedText" FROM items
             JOIN item_revisions r ON r.item_id = items.id AND r.revision = items.revision
           WHERE items.lifecycle IN ('published', 'archived') AND origin IS ? ORDER BY uri"#,
        origin
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ItemVersion { uri: row.uri, updated_at: row.updated_at, document: row.document.into() })
        .collect())
}
