//! `data_upgrades`: which one-off upgrades of stored items are done, and the narrow write
//! they make (an item's current document rewritten in place, without a new revision).

use super::packed::pack;
use sqlx::{SqliteConnection, SqlitePool};

pub async fn is_done(pool: &SqlitePool, name: &str) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!(r#"SELECT 1 AS "found!: i64" FROM data_upgrades WHERE name = ?"#, name)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

pub async fn mark_done(conn: &mut SqliteConnection, name: &str, at: &str) -> sqlx::Result<()> {
    sqlx::query!("INSERT INTO data_upgrades (name, done_at) VALUES (?, ?) ON CONFLICT DO NOTHING", name, at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Replaces the document of an item's current revision and its territory column: the
/// same item in a canonical form, so neither the revision nor `updated_at` changes.
pub async fn rewrite_current_document(
    conn: &mut SqliteConnection,
    item_id: i64,
    document: &str,
    territory: &str,
) -> sqlx::Result<()> {
    let packed = pack(document);
    sqlx::query!(
        "UPDATE item_revisions SET document = ?
          WHERE item_id = ? AND revision = (SELECT revision FROM items WHERE id = ?)",
        packed,
        item_id,
        item_id
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!("UPDATE items SET territory = ? WHERE id = ?", territory, item_id).execute(conn).await?;
    Ok(())
}

/// An item whose territory names no place of the reference (a label only).
#[derive(Debug, Clone)]
pub struct UncodedItem {
    pub slug: String,
    pub origin: Option<String>,
    pub title: String,
    pub territory: String,
}

/// Public and draft items (not withdrawn) whose territory has no place code.
pub async fn items_without_place(pool: &SqlitePool) -> sqlx::Result<Vec<UncodedItem>> {
    sqlx::query_as!(
        UncodedItem,
        "SELECT slug, origin, title, territory FROM items
          WHERE lifecycle <> 'withdrawn'
            AND NOT EXISTS (SELECT 1 FROM item_terms t WHERE t.item_id = items.id AND t.vocabulary = 'place')
          ORDER BY origin IS NOT NULL, origin, slug"
    )
    .fetch_all(pool)
    .await
}
