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

/// The links around an item's page, in one statement: the items among `uris` that this
/// node holds (what the page refers to), then the public items inspired by `target`,
/// newest first. Each row says which of the two it is (`adapted`).
pub async fn item_links_around(
    pool: &SqlitePool,
    uris: &[&str],
    target: &str,
) -> sqlx::Result<Vec<(ItemLinkRow, bool)>> {
    let list = serde_json::to_string(uris).unwrap_or_else(|_| "[]".into());
    let rows = sqlx::query!(
        // The second part goes from the links to the items (CROSS JOIN fixes that order):
        // a few lookups.
        r#"SELECT id AS "id!", uri AS "uri!", slug AS "slug!", origin, title AS "title!",
                  territory AS "territory!", lifecycle AS "lifecycle!", 0 AS "adapted!: bool",
                  updated_at AS "updated_at!"
           FROM items WHERE uri IN (SELECT value FROM json_each(?1))
           UNION ALL
           SELECT items.id, items.uri, items.slug, items.origin, items.title, items.territory,
                  items.lifecycle, 1, items.updated_at
           FROM item_links l CROSS JOIN items ON items.id = l.item_id
           WHERE l.target = ?2 AND items.lifecycle IN ('published', 'archived')
           ORDER BY 8, 9 DESC"#,
        list,
        target
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let link = ItemLinkRow {
                id: r.id,
                uri: r.uri,
                slug: r.slug,
                origin: r.origin,
                title: r.title,
                territory: r.territory,
                lifecycle: r.lifecycle,
            };
            (link, r.adapted)
        })
        .collect())
}
