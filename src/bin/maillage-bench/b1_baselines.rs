//! B1's storage baselines, measured in the same run: SQLite writing the same rows as one
//! ingested activity, one transaction per activity and then in batches, and the cost of one
//! small statement through sqlx.

use crate::nodes::Scratch;
use maillage::content::markdown::{render_markdown, to_plain_text};
use maillage::content::search::Analyzer;
use maillage::content::{ItemDocument, Vocabularies};
use maillage::operations::items::write::{analysed_columns, index_item};
use maillage::storage::{self, items::ItemWrite, timestamp};
use std::time::Instant;

/// Writes the rows of `count` ingested activities as the node does (the inbox log row,
/// the replica's item, terms, full-text row and revision, the processed mark), `batch`
/// activities to a transaction: 1 is the one-transaction-per-activity bound, more is the
/// batched-insert bound a group commit approaches.
pub async fn sqlite_row_rate(
    scratch: &Scratch,
    template: &ItemDocument,
    count: usize,
    batch: usize,
) -> anyhow::Result<f64> {
    let pool = storage::connect(&scratch.file(&format!("rows-{}.db", uuid::Uuid::new_v4().simple()))).await?;
    let document_json = serde_json::to_string(template)?;
    let payload = format!("{{\"type\":\"Create\",\"object\":{document_json}}}");
    let body_html = render_markdown(&template.body);
    let columns =
        analysed_columns(&mut Analyzer::default(), &Vocabularies::builtin(), template, &to_plain_text(&body_html));
    let terms: Vec<(&str, &str)> = template
        .pillars
        .iter()
        .map(|c| ("pillar", c.as_str()))
        .chain(template.resources.iter().map(|c| ("resource", c.as_str())))
        .collect();
    let start = Instant::now();
    for first in (0..count).step_by(batch.max(1)) {
        let mut tx = storage::begin_write(&pool).await?;
        for i in first..(first + batch.max(1)).min(count) {
            let now = timestamp(chrono::Utc::now());
            let activity_id = format!("http://127.0.0.1:9/activities/{i}");
            let uri = format!("http://127.0.0.1:9/items/ingest-{i}");
            let actor = "http://127.0.0.1:9/actors/1";
            storage::inbox_log::record_inbox_activity(&mut *tx, &activity_id, actor, "Create", &payload, &now).await?;
            let write = ItemWrite {
                uri: &uri,
                slug: "ingest",
                origin: Some(actor),
                origin_url: Some(&uri),
                kind: "project_sheet",
                lifecycle: "published",
                title: &template.title,
                summary: &template.summary,
                territory: &template.territory.name,
                language: &template.language,
                body_html: &body_html,
                updated_at: &now,
                published_at: Some(&now),
                review_due: None,
                refreshed_at: Some(&now),
            };
            let id = storage::items::insert_item(&mut tx, &write, &now).await?;
            storage::item_terms::insert_item_terms(&mut tx, id, &terms).await?;
            index_item(&mut tx, id, 1, &write, &columns, template).await?;
            storage::item_revisions::insert_revision(&mut tx, id, 1, "published", &document_json, &now, "peer").await?;
            storage::inbox_log::mark_inbox_processed(&mut *tx, &activity_id, "replica_stored", &now).await?;
        }
        tx.commit().await?;
    }
    let rate = count as f64 / start.elapsed().as_secs_f64();
    pool.close().await;
    Ok(rate)
}

/// Microseconds per statement for `count` one-row `INSERT`s of a few bytes (each a new row
/// of a two-column table) in one transaction: the fixed cost of a written row through sqlx,
/// against which the rows of an activity are counted.
pub async fn sqlx_statement_micros(scratch: &Scratch, count: usize) -> anyhow::Result<f64> {
    let pool = storage::connect(&scratch.file(&format!("statements-{}.db", uuid::Uuid::new_v4().simple()))).await?;
    let mut tx = storage::begin_write(&pool).await?;
    let start = Instant::now();
    for i in 0..count {
        sqlx::query("INSERT INTO tombstones (uri, deleted_at) VALUES (?, '')")
            .bind(format!("u{i}"))
            .execute(&mut *tx)
            .await?;
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / count as f64;
    tx.commit().await?;
    pool.close().await;
    Ok(micros)
}
