//! Items, their vocabulary terms, revisions and lineage links. An item is the narrow
//! `items` row that lists, filters and counts read; its JSON document is held once, in
//! the revision row of its current revision, and its rendered body in `item_contents`;
//! both are read only for the items shown, and stored packed (see [`super::packed`]).

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

/// Replaces the vocabulary codes of an item.
pub async fn replace_item_terms(conn: &mut SqliteConnection, item_id: i64, terms: &[(&str, &str)]) -> sqlx::Result<()> {
    delete_item_terms(&mut *conn, item_id).await?;
    insert_item_terms(conn, item_id, terms).await
}

/// Forgets an item's vocabulary codes (the public counts follow by triggers).
pub async fn delete_item_terms(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM item_terms WHERE item_id = ?").bind(item_id).execute(conn).await?;
    Ok(())
}

/// Adds vocabulary codes to an item.
pub async fn insert_item_terms(conn: &mut SqliteConnection, item_id: i64, terms: &[(&str, &str)]) -> sqlx::Result<()> {
    if terms.is_empty() {
        return Ok(());
    }
    let mut insert: QueryBuilder<Sqlite> =
        QueryBuilder::new("INSERT OR IGNORE INTO item_terms (item_id, vocabulary, code) ");
    insert.push_values(terms, |mut row, (vocabulary, code)| {
        row.push_bind(item_id).push_bind(*vocabulary).push_bind(*code);
    });
    insert.build().execute(conn).await?;
    Ok(())
}

pub async fn insert_revision(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    lifecycle: &str,
    document: &str,
    edited_at: &str,
    editor: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO item_revisions (item_id, revision, lifecycle, document, edited_at, editor) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(item_id)
    .bind(revision)
    .bind(lifecycle)
    .bind(pack(document))
    .bind(edited_at)
    .bind(editor)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub revision: i64,
    pub lifecycle: String,
    #[sqlx(try_from = "PackedText")]
    pub document: String,
    pub edited_at: String,
    pub editor: String,
}

pub async fn list_revisions(pool: &SqlitePool, item_id: i64) -> sqlx::Result<Vec<RevisionRow>> {
    sqlx::query_as(
        "SELECT revision, lifecycle, document, edited_at, editor FROM item_revisions WHERE item_id = ? ORDER BY revision DESC",
    )
    .bind(item_id)
    .fetch_all(pool)
    .await
}

/// Forgets an item's lineage links.
pub async fn delete_item_links(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM item_links WHERE item_id = ?").bind(item_id).execute(conn).await?;
    Ok(())
}

/// Adds lineage links (`inspired_by` targets) to an item.
pub async fn insert_item_links(conn: &mut SqliteConnection, item_id: i64, targets: &[String]) -> sqlx::Result<()> {
    if targets.is_empty() {
        return Ok(());
    }
    let mut insert: QueryBuilder<Sqlite> = QueryBuilder::new("INSERT OR IGNORE INTO item_links (item_id, target) ");
    insert.push_values(targets, |mut row, target| {
        row.push_bind(item_id).push_bind(target);
    });
    insert.build().execute(conn).await?;
    Ok(())
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

/// What a link to an item needs (its title, page and place), from the narrow `items`
/// row only: no document, no body.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemLinkRow {
    pub id: i64,
    pub uri: String,
    pub slug: String,
    pub origin: Option<String>,
    pub title: String,
    pub territory: String,
    pub lifecycle: String,
}

const LINK_COLUMNS: &str = "id, uri, slug, origin, title, territory, lifecycle";

/// The items among `uris` that this node holds, as links.
pub async fn item_links_by_uris(pool: &SqlitePool, uris: &[&str]) -> sqlx::Result<Vec<ItemLinkRow>> {
    if uris.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(uris).unwrap_or_else(|_| "[]".into());
    sqlx::query_as(&format!("SELECT {LINK_COLUMNS} FROM items WHERE uri IN (SELECT value FROM json_each(?))"))
        .bind(list)
        .fetch_all(pool)
        .await
}

/// The public items inspired by `uri`, newest first, as links.
pub async fn item_links_inspired_by(pool: &SqlitePool, uri: &str) -> sqlx::Result<Vec<ItemLinkRow>> {
    sqlx::query_as(&format!(
        // From the links to the items (CROSS JOIN fixes that order): a few lookups.
        "SELECT {} FROM item_links l CROSS JOIN items ON items.id = l.item_id
          WHERE l.target = ? AND items.lifecycle IN ('published', 'archived')
         ORDER BY items.updated_at DESC",
        LINK_COLUMNS.split(", ").map(|c| format!("items.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(uri)
    .fetch_all(pool)
    .await
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

/// Packs up to `limit` revision documents and as many rendered bodies still stored as
/// plain text (written before packing; found through the partial indexes of migration
/// `revisions_by_rowid`). Returns how many it packed: 0 once none is left.
pub async fn pack_plain_texts(pool: &SqlitePool, limit: i64) -> sqlx::Result<usize> {
    let mut tx = super::begin_write(pool).await?;
    let revisions = pack_rows(
        &mut tx,
        "SELECT id, document FROM item_revisions INDEXED BY item_revisions_plain
          WHERE typeof(document) = 'text' ORDER BY id LIMIT ?",
        "UPDATE item_revisions SET document = ? WHERE id = ?",
        limit,
    )
    .await?;
    let bodies = pack_rows(
        &mut tx,
        "SELECT item_id, body_html FROM item_contents INDEXED BY item_contents_plain
          WHERE typeof(body_html) = 'text' ORDER BY item_id LIMIT ?",
        "UPDATE item_contents SET body_html = ? WHERE item_id = ?",
        limit,
    )
    .await?;
    tx.commit().await?;
    Ok(revisions + bodies)
}

/// Packs the (key, text) rows `select` finds, writing each with `update` (text, key).
async fn pack_rows(conn: &mut SqliteConnection, select: &str, update: &str, limit: i64) -> sqlx::Result<usize> {
    let rows: Vec<(i64, String)> = sqlx::query_as(select).bind(limit).fetch_all(&mut *conn).await?;
    for (key, text) in &rows {
        sqlx::query(update).bind(pack(text)).bind(key).execute(&mut *conn).await?;
    }
    Ok(rows.len())
}

/// One funding line of a public item, as the coordination totals count it.
pub struct FundingRow<'a> {
    pub funding_type: &'a str,
    pub programme: &'a str,
    pub amount_cents: i64,
}

/// Forgets an item's funding lines; the totals follow by triggers.
pub async fn delete_item_funding(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM item_funding WHERE item_id = ?").bind(item_id).execute(conn).await?;
    Ok(())
}

/// Adds funding lines to an item (none for an item that is not public); the totals
/// follow by triggers.
pub async fn insert_item_funding(
    conn: &mut SqliteConnection,
    item_id: i64,
    lines: &[FundingRow<'_>],
    regions: &[&str],
) -> sqlx::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let regions = serde_json::to_string(regions).unwrap_or_else(|_| "[]".to_owned());
    let mut q: QueryBuilder<Sqlite> =
        QueryBuilder::new("INSERT INTO item_funding (item_id, line, funding_type, programme, amount_cents, regions) ");
    q.push_values(lines.iter().enumerate(), |mut row, (i, line)| {
        row.push_bind(item_id)
            .push_bind(i as i64)
            .push_bind(line.funding_type)
            .push_bind(line.programme)
            .push_bind(line.amount_cents)
            .push_bind(regions.clone());
    });
    q.build().execute(conn).await?;
    Ok(())
}
