//! `item_links`: lineage (`inspired_by`) from an item to the items it draws on, and links
//! to items as a page shows them.

use sqlx::{SqliteConnection, SqlitePool};

/// Forgets an item's lineage links.
pub async fn delete_item_links(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM item_links WHERE item_id = ?", item_id).execute(conn).await?;
    Ok(())
}

/// Adds lineage links (`inspired_by` targets) to an item.
pub async fn insert_item_links(conn: &mut SqliteConnection, item_id: i64, targets: &[String]) -> sqlx::Result<()> {
    if targets.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(targets).unwrap_or_else(|_| "[]".into());
    sqlx::query!(
        "INSERT OR IGNORE INTO item_links (item_id, target) SELECT ?1, value FROM json_each(?2)",
        item_id,
        list
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// What a link to an item needs (its title, page and place), from the narrow `items`
/// row only: no document, no body.
#[derive(Debug, Clone)]
pub struct ItemLinkRow {
    pub id: i64,
    pub uri: String,
    pub slug: String,
    pub origin: Option<String>,
    pub title: String,
    pub territory: String,
    pub lifecycle: String,
}

/// The items among `uris` that this node holds, as links.
pub async fn item_links_by_uris(pool: &SqlitePool, uris: &[&str]) -> sqlx::Result<Vec<ItemLinkRow>> {
    if uris.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(uris).unwrap_or_else(|_| "[]".into());
    sqlx::query_as!(
        ItemLinkRow,
        r#"SELECT id AS "id!", uri, slug, origin, title, territory, lifecycle FROM items
           WHERE uri IN (SELECT value FROM json_each(?))"#,
        list
    )
    .fetch_all(pool)
    .await
}

/// The public items inspired by `uri`, newest first, as links.
pub async fn item_links_inspired_by(pool: &SqlitePool, uri: &str) -> sqlx::Result<Vec<ItemLinkRow>> {
    sqlx::query_as!(
        ItemLinkRow,
        // From the links to the items (CROSS JOIN fixes that order): a few lookups.
        r#"SELECT items.id AS "id!", items.uri, items.slug, items.origin, items.title, items.territory, items.lifecycle
           FROM item_links l CROSS JOIN items ON items.id = l.item_id
           WHERE l.target = ? AND items.lifecycle IN ('published', 'archived')
           ORDER BY items.updated_at DESC"#,
        uri
    )
    .fetch_all(pool)
    .await
}
