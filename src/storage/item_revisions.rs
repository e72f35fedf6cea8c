//! `item_revisions`: every revision of an item, its JSON document packed; and the upkeep
//! that packs documents and rendered bodies written before packing.

use super::packed::{pack, PackedText};
use sqlx::{SqliteConnection, SqlitePool};

pub async fn insert_revision(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    lifecycle: &str,
    document: &str,
    edited_at: &str,
    editor: &str,
) -> sqlx::Result<()> {
    let packed = pack(document);
    sqlx::query!(
        "INSERT INTO item_revisions (item_id, revision, lifecycle, document, edited_at, editor) VALUES (?, ?, ?, ?, ?, ?)",
        item_id,
        revision,
        lifecycle,
        packed,
        edited_at,
        editor
    )
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct RevisionRow {
    pub revision: i64,
    pub lifecycle: String,
    /// The JSON document, unpacked.
    pub document: String,
    pub edited_at: String,
    pub editor: String,
}

pub async fn list_revisions(pool: &SqlitePool, item_id: i64) -> sqlx::Result<Vec<RevisionRow>> {
    let rows = sqlx::query!(
        r#"SELECT revision, lifecycle, document AS "document: PackedText", edited_at, editor FROM item_revisions
           WHERE item_id = ? ORDER BY revision DESC"#,
        item_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| RevisionRow {
            revision: row.revision,
            lifecycle: row.lifecycle,
            document: row.document.into(),
            edited_at: row.edited_at,
            editor: row.editor,
        })
        .collect())
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
