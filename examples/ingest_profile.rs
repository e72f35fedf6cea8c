// Temporary: where the time of one ingested activity's rows goes (not committed).
use maillage::content::markdown::{render_markdown, to_plain_text};
use maillage::content::search::Analyzer;
use maillage::content::{files::parse_markdown_file, validate, Vocabularies};
use maillage::operations::write::{analysed_columns, index_item};
use maillage::storage::{self, items::ItemWrite, timestamp};
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap())?;
    let vocab = Vocabularies::builtin();
    let template = validate(parse_markdown_file(&text).unwrap(), &vocab).unwrap().document().clone();
    let path = std::path::PathBuf::from(std::env::args().nth(2).unwrap());
    let _ = std::fs::remove_file(&path);
    let pool = storage::connect(&path).await?;
    let document_json = serde_json::to_string(&template)?;
    let payload = format!("{{\"type\":\"Create\",\"object\":{document_json}}}");
    let body_html = render_markdown(&template.body);
    let columns = analysed_columns(&mut Analyzer::default(), &vocab, &template, &to_plain_text(&body_html));
    println!(
        "doc {} bytes, body_html {}, columns {:?}",
        document_json.len(),
        body_html.len(),
        columns.iter().map(|c| c.len()).collect::<Vec<_>>()
    );
    let terms: Vec<(&str, &str)> = template.pillars.iter().map(|c| ("pillar", c.as_str())).collect();
    let mut t = [Duration::ZERO; 7];
    let count = 3000;
    let start = Instant::now();
    for first in (0..count).step_by(256) {
        let mut tx = storage::begin_write(&pool).await?;
        for i in first..(first + 256).min(count) {
            let now = timestamp(chrono::Utc::now());
            let activity_id = format!("http://127.0.0.1:9/activities/{i}");
            let uri = format!("http://127.0.0.1:9/items/ingest-{i}");
            let actor = "http://127.0.0.1:9/actors/1";
            let s = Instant::now();
            storage::federation::record_inbox_activity(&mut *tx, &activity_id, actor, "Create", &payload, &now).await?;
            t[0] += s.elapsed();
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
            let s = Instant::now();
            let id = storage::items::insert_item(&mut tx, &write, &now).await?;
            t[1] += s.elapsed();
            let s = Instant::now();
            storage::items::replace_item_terms(&mut tx, id, &terms).await?;
            t[2] += s.elapsed();
            let s = Instant::now();
            index_item(&mut tx, id, 1, &write, &columns, &template).await?;
            t[3] += s.elapsed();
            let s = Instant::now();
            storage::items::insert_revision(&mut tx, id, 1, "published", &document_json, &now, "peer").await?;
            t[4] += s.elapsed();
            let s = Instant::now();
            storage::federation::mark_inbox_processed(&mut *tx, &activity_id, "replica_stored", &now).await?;
            t[5] += s.elapsed();
        }
        let s = Instant::now();
        tx.commit().await?;
        t[6] += s.elapsed();
    }
    let total = start.elapsed();
    let s = Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(maillage::storage::packed::pack(&body_html));
    }
    println!("pack body: {:.1} µs", s.elapsed().as_secs_f64() * 1e3);
    let s = Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(maillage::storage::packed::pack(&document_json));
    }
    println!("pack doc: {:.1} µs", s.elapsed().as_secs_f64() * 1e3);
    let mut tx = storage::begin_write(&pool).await?;
    let s = Instant::now();
    for i in 0..1000 {
        sqlx::query("INSERT OR IGNORE INTO item_links (item_id, target) VALUES (?, ?)")
            .bind((i % 3000 + 1) as i64)
            .bind("x")
            .execute(&mut *tx)
            .await
            .ok();
    }
    println!("trivial statement via sqlx: {:.1} µs", s.elapsed().as_secs_f64() * 1e3);
    tx.commit().await?;
    println!("{count} in {:.2} s = {:.0}/s", total.as_secs_f64(), count as f64 / total.as_secs_f64());
    for (name, d) in ["record", "insert_item", "terms", "index_item", "revision", "processed", "commit"].iter().zip(t) {
        println!("{name:12} {:8.1} µs/activity", d.as_secs_f64() * 1e6 / count as f64);
    }
    Ok(())
}
