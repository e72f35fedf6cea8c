//! `items` and `item_contents`: an item is the narrow `items` row that lists, filters
//! and counts read; its JSON document is held once, in the row of its current revision
//! (`item_revisions`), and its rendered body in `item_contents`; both are read only for
//! the items shown, and stored packed (see [`super::packed`]).

use super::packed::{pack, PackedText};
use sqlx::{SqliteConnection, SqlitePool};

/// An item as stored.
#[derive(Debug, Clone)]
pub struct ItemRow {
    pub id: i64,
    pub uri: String,
    pub slug: String,
    pub origin: Option<String>,
    pub origin_url: Option<String>,
    pub kind: String,
    pub lifecycle: String,
    pub title: String,
    pub summary: String,
    pub territory: String,
    pub language: String,
    /// The JSON document of the current revision, unpacked.
    pub document: String,
    /// The rendered body, unpacked.
    pub body_html: String,
    pub revision: i64,
    pub created_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    pub review_due: Option<String>,
    pub refreshed_at: Option<String>,
}

/// `sqlx::query_as!` for [`ItemRow`]s: an item's rows (the narrow row, its rendered body,
/// its current revision's document), then `$tail` (the `WHERE` and `ORDER BY`, a
/// literal) with its arguments.
macro_rules! select_items {
    ($tail:literal $(, $arg:expr)*) => {
        sqlx::query_as!(
            ItemRow,
            r#"SELECT items.id AS "id!", uri, slug, origin, origin_url, kind, items.lifecycle, title, summary,
                 territory, language, r.document AS "document: PackedText", c.body_html AS "body_html: PackedText",
                 items.revision, created_at, updated_at, published_at, review_due, refreshed_at
               FROM items JOIN item_contents c ON c.item_id = items.id
                 JOIN item_revisions r ON r.item_id = items.id AND r.revision = items.revision "# + $tail
            $(, $arg)*
        )
    };
}

/// The values written for an item, new or changed (its document is written with its
/// revision, [`super::item_revisions::insert_revision`]).
pub struct ItemWrite<'a> {
    pub uri: &'a str,
    pub slug: &'a str,
    pub origin: Option<&'a str>,
    pub origin_url: Option<&'a str>,
    pub kind: &'a str,
    pub lifecycle: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub territory: &'a str,
    pub language: &'a str,
    pub body_html: &'a str,
    pub updated_at: &'a str,
    pub published_at: Option<&'a str>,
    pub review_due: Option<&'a str>,
    pub refreshed_at: Option<&'a str>,
}

impl ItemRow {
    /// The row as the values it was written with (to write it again, e.g. reindexed).
    pub fn as_write(&self) -> ItemWrite<'_> {
        ItemWrite {
            uri: &self.uri,
            slug: &self.slug,
            origin: self.origin.as_deref(),
            origin_url: self.origin_url.as_deref(),
            kind: &self.kind,
            lifecycle: &self.lifecycle,
            title: &self.title,
            summary: &self.summary,
            territory: &self.territory,
            language: &self.language,
            body_html: &self.body_html,
            updated_at: &self.updated_at,
            published_at: self.published_at.as_deref(),
            review_due: self.review_due.as_deref(),
            refreshed_at: self.refreshed_at.as_deref(),
        }
    }
}

pub async fn insert_item(conn: &mut SqliteConnection, item: &ItemWrite<'_>, created_at: &str) -> sqlx::Result<i64> {
    let done = sqlx::query!(
        "INSERT INTO items (uri, slug, origin, origin_url, kind, lifecycle, title, summary, territory, language,
                            revision, created_at, updated_at, published_at, review_due, refreshed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
        item.uri,
        item.slug,
        item.origin,
        item.origin_url,
        item.kind,
        item.lifecycle,
        item.title,
        item.summary,
        item.territory,
        item.language,
        created_at,
        item.updated_at,
        item.published_at,
        item.review_due,
        item.refreshed_at
    )
    .execute(&mut *conn)
    .await?;
    let id = done.last_insert_rowid();
    let body = pack(item.body_html);
    sqlx::query!("INSERT INTO item_contents (item_id, body_html) VALUES (?, ?)", id, body).execute(conn).await?;
    Ok(id)
}

/// Replaces an item's values and bumps its revision; returns the new revision.
pub async fn update_item(conn: &mut SqliteConnection, id: i64, item: &ItemWrite<'_>) -> sqlx::Result<i64> {
    let revision = sqlx::query_scalar!(
        "UPDATE items SET slug = ?, origin_url = ?, kind = ?, lifecycle = ?, title = ?, summary = ?, territory = ?,
                language = ?, revision = revision + 1, updated_at = ?, published_at = ?,
                review_due = ?, refreshed_at = ?
         WHERE id = ? RETURNING revision",
        item.slug,
        item.origin_url,
        item.kind,
        item.lifecycle,
        item.title,
        item.summary,
        item.territory,
        item.language,
        item.updated_at,
        item.published_at,
        item.review_due,
        item.refreshed_at,
        id
    )
    .fetch_one(&mut *conn)
    .await?;
    let body = pack(item.body_html);
    sqlx::query!("UPDATE item_contents SET body_html = ? WHERE item_id = ?", body, id).execute(conn).await?;
    Ok(revision)
}

pub async fn find_local_item_by_slug(conn: &mut SqliteConnection, slug: &str) -> sqlx::Result<Option<ItemRow>> {
    select_items!("WHERE slug = ? AND origin IS NULL", slug).fetch_optional(conn).await
}

pub async fn find_item_by_uri(conn: &mut SqliteConnection, uri: &str) -> sqlx::Result<Option<ItemRow>> {
    select_items!("WHERE uri = ?", uri).fetch_optional(conn).await
}

pub async fn find_item_by_id(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<ItemRow>> {
    select_items!("WHERE items.id = ?", id).fetch_optional(pool).await
}

/// Is this slug taken by a local item other than `except_id`?
pub async fn local_slug_taken(conn: &mut SqliteConnection, slug: &str, except_id: Option<i64>) -> sqlx::Result<bool> {
    let found = sqlx::query_scalar!(
        r#"SELECT 1 AS "found!: i64" FROM items WHERE slug = ? AND origin IS NULL AND id IS NOT ?"#,
        slug,
        except_id
    )
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Items by id, in no particular order.
pub async fn find_items_by_ids(pool: &SqlitePool, ids: &[i64]) -> sqlx::Result<Vec<ItemRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    select_items!("WHERE items.id IN (SELECT value FROM json_each(?))", list).fetch_all(pool).await
}

/// Every local item, oldest first (export).
pub async fn list_local_items(pool: &SqlitePool) -> sqlx::Result<Vec<ItemRow>> {
    select_items!("WHERE origin IS NULL ORDER BY items.id").fetch_all(pool).await
}

/// Public local items with an overdue review, for the editors' dashboard (a range of the
/// `items_review_due` index).
pub async fn count_overdue_reviews(pool: &SqlitePool, today: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "n!: i64" FROM items INDEXED BY items_review_due
           WHERE origin IS NULL AND lifecycle = 'published' AND review_due IS NOT NULL AND review_due < ?"#,
        today
    )
    .fetch_one(pool)
    .await
}
