//! `items` and `item_contents`: an item is the narrow `items` row that lists, filters
//! and counts read; its JSON document is held once, in the row of its current revision
//! (`item_revisions`), and its rendered body in `item_contents`; both are read only for
//! the items shown, and stored packed (see [`super::packed`]).

use super::packed::{pack, PackedText};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

/// An item as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
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
    #[sqlx(try_from = "PackedText")]
    pub document: String,
    #[sqlx(try_from = "PackedText")]
    pub body_html: String,
    pub revision: i64,
    pub created_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
    pub review_due: Option<String>,
    pub refreshed_at: Option<String>,
}

const ITEM_COLUMNS: &str =
    "items.id, uri, slug, origin, origin_url, kind, items.lifecycle, title, summary, territory, \
     language, r.document, c.body_html, items.revision, created_at, updated_at, published_at, review_due, refreshed_at";

/// An item's rows: the narrow row, its rendered body, its current revision's document.
const ITEM_FROM: &str = "items JOIN item_contents c ON c.item_id = items.id \
     JOIN item_revisions r ON r.item_id = items.id AND r.revision = items.revision";

/// The values written for an item, new or changed (its document is written with its
/// revision, [`insert_revision`]).
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
    let done = sqlx::query(
        "INSERT INTO items (uri, slug, origin, origin_url, kind, lifecycle, title, summary, territory, language,
                            revision, created_at, updated_at, published_at, review_due, refreshed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
    )
    .bind(item.uri)
    .bind(item.slug)
    .bind(item.origin)
    .bind(item.origin_url)
    .bind(item.kind)
    .bind(item.lifecycle)
    .bind(item.title)
    .bind(item.summary)
    .bind(item.territory)
    .bind(item.language)
    .bind(created_at)
    .bind(item.updated_at)
    .bind(item.published_at)
    .bind(item.review_due)
    .bind(item.refreshed_at)
    .execute(&mut *conn)
    .await?;
    let id = done.last_insert_rowid();
    sqlx::query("INSERT INTO item_contents (item_id, body_html) VALUES (?, ?)")
        .bind(id)
        .bind(pack(item.body_html))
        .execute(conn)
        .await?;
    Ok(id)
}

/// Replaces an item's values and bumps its revision; returns the new revision.
pub async fn update_item(conn: &mut SqliteConnection, id: i64, item: &ItemWrite<'_>) -> sqlx::Result<i64> {
    let revision: i64 = sqlx::query_scalar(
        "UPDATE items SET slug = ?, origin_url = ?, kind = ?, lifecycle = ?, title = ?, summary = ?, territory = ?,
                language = ?, revision = revision + 1, updated_at = ?, published_at = ?,
                review_due = ?, refreshed_at = ?
         WHERE id = ? RETURNING revision",
    )
    .bind(item.slug)
    .bind(item.origin_url)
    .bind(item.kind)
    .bind(item.lifecycle)
    .bind(item.title)
    .bind(item.summary)
    .bind(item.territory)
    .bind(item.language)
    .bind(item.updated_at)
    .bind(item.published_at)
    .bind(item.review_due)
    .bind(item.refreshed_at)
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE item_contents SET body_html = ? WHERE item_id = ?")
        .bind(pack(item.body_html))
        .bind(id)
        .execute(conn)
        .await?;
    Ok(revision)
}

pub async fn find_local_item_by_slug(conn: &mut SqliteConnection, slug: &str) -> sqlx::Result<Option<ItemRow>> {
    sqlx::query_as(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE slug = ? AND origin IS NULL"))
        .bind(slug)
        .fetch_optional(conn)
        .await
}

pub async fn find_item_by_uri(conn: &mut SqliteConnection, uri: &str) -> sqlx::Result<Option<ItemRow>> {
    sqlx::query_as(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE uri = ?"))
        .bind(uri)
        .fetch_optional(conn)
        .await
}

pub async fn find_item_by_id(pool: &SqlitePool, id: i64) -> sqlx::Result<Option<ItemRow>> {
    sqlx::query_as(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE items.id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Is this slug taken by a local item other than `except_id`?
pub async fn local_slug_taken(conn: &mut SqliteConnection, slug: &str, except_id: Option<i64>) -> sqlx::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT id FROM items WHERE slug = ? AND origin IS NULL AND id IS NOT ?")
            .bind(slug)
            .bind(except_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}

/// Items by id, in no particular order.
pub async fn find_items_by_ids(pool: &SqlitePool, ids: &[i64]) -> sqlx::Result<Vec<ItemRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut query: QueryBuilder<Sqlite> =
        QueryBuilder::new(format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE items.id IN ("));
    let mut list = query.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    list.push_unseparated(")");
    query.build_query_as().fetch_all(pool).await
}

/// Every local item, oldest first (export).
pub async fn list_local_items(pool: &SqlitePool) -> sqlx::Result<Vec<ItemRow>> {
    sqlx::query_as(&format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE origin IS NULL ORDER BY items.id"))
        .fetch_all(pool)
        .await
}

/// Public local items with an overdue review, for the editors' dashboard (a range of the
/// `items_review_due` index).
pub async fn count_overdue_reviews(pool: &SqlitePool, today: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM items INDEXED BY items_review_due WHERE origin IS NULL AND lifecycle = 'published' AND review_due IS NOT NULL AND review_due < ?",
    )
    .bind(today)
    .fetch_one(pool)
    .await
}
