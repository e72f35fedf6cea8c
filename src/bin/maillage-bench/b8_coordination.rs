//! B8, places and the coordination view (issue 16): `/reseau` (the whole network and
//! one région: map, régions, breakdowns, months, funding, overdue reviews) and the home
//! page's map, served by a real `maillage serve` process at `--items` items (10,000,
//! 100,000 or 1,000,000). Baseline from the same run: an item page of the same node.
//!
//! The corpus is generated in SQL (a few minutes at 1,000,000 items): the eleven demo
//! items written through the node, then narrow copies of them — item rows, their terms
//! (the templates' vocabulary codes, a commune spread over every département with its
//! EPCI, département, région and country), funding lines, first publication over three
//! years, review dates a third of them overdue — with the counts, funding totals and
//! index bookkeeping the node keeps on write, but no document or search text of their
//! own: the coordination view reads none, and the node has nothing to heal at start.

use crate::loadgen::{self, get_request, Schedule, Stop};
use crate::nodes::{free_port, settings, spawn_serve, Scratch};
use crate::report::{progress, Goal, Percentiles, Row};
use crate::BENCH;
use anyhow::Context;
use maillage::content::geography::{reference, Level};
use maillage::operations::outbound::publish::create_item;
use maillage::startup::build_node;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Config {
    pub items: usize,
    pub seconds: f64,
    pub repetitions: usize,
    pub db: Option<std::path::PathBuf>,
}

/// Items generated per transaction.
const BATCH: usize = 50_000;

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    let scratch = Scratch::new("b8")?;
    let db = config.db.clone().unwrap_or_else(|| scratch.file("b8.db"));
    if !db.exists() {
        let started = Instant::now();
        generate(&db, config.items).await?;
        progress(format!("B8: {} items generated in {:.0} s", config.items, started.elapsed().as_secs_f64()));
    } else {
        progress(format!("B8: reusing the corpus in {}", db.display()));
    }
    let port = free_port()?;
    let child = spawn_serve(&db, port)?;
    let host = format!("127.0.0.1:{port}");
    let address: std::net::SocketAddr = host.parse()?;
    loadgen::wait_until_serving(address, &host, "/readyz", Duration::from_secs(60))
        .await
        .context("the node did not start")?;
    // The figures wait for the facet sets (loaded in the background at start).
    let ready = loadgen::wait_until_answer_holds(address, &host, "/reseau", "shade-", Duration::from_secs(300)).await;
    progress(format!("B8: facet sets ready after {:?}", ready));

    let pages = [
        ("item page (baseline)", "/items/dynamo-ariege".to_owned()),
        ("/reseau, whole network", "/reseau".to_owned()),
        ("/reseau, one région", "/reseau?region=region:76".to_owned()),
        ("home page (map)", "/".to_owned()),
        ("/reseau/export/funding.csv", "/reseau/export/funding.csv".to_owned()),
    ];
    let mut rows = Vec::new();
    let mut baseline = Percentiles { p50: f64::NAN, p95: f64::NAN, p99: f64::NAN, max: f64::NAN };
    for (label, path) in pages {
        let requests = Arc::new(vec![get_request(&host, &path, "text/html")]);
        let mut runs = Vec::new();
        for _ in 0..config.repetitions {
            let seconds = Stop::After(Duration::from_secs_f64(config.seconds));
            let mut result = loadgen::run(address, requests.clone(), Schedule::Saturate, seconds, 1).await;
            anyhow::ensure!(result.count_class(2) == result.completed, "{path}: {}", result.status_summary());
            runs.push(Percentiles::of(&mut result.latencies));
        }
        let p = Percentiles::median_of(&runs);
        let measured = format!("{label}, {} items, one request at a time", config.items);
        if label.starts_with("item page") {
            baseline = p;
            rows.push(
                Row::new("B8", format!("{measured}, p50 / p99"), p.p50, "ms").note(format!("p99 {:.1} ms", p.p99)),
            );
            continue;
        }
        let row = Row::new("B8", format!("{measured}, p99"), p.p99, "ms")
            .baseline("item page p99", baseline.p99)
            .note(format!("p50 {:.1} ms", p.p50));
        rows.push(if label.ends_with(".csv") { row } else { row.goal(Goal::AtMost(100.0), "< 100 ms") });
    }
    if let Some((rss, _)) = child.rss_mb() {
        rows.push(Row::new("B8", format!("node RSS after the reads, {} items", config.items), rss, "MB"));
    }
    child.stop().await;
    Ok(rows)
}

/// The corpus (see the module doc).
async fn generate(db: &Path, items: usize) -> anyhow::Result<()> {
    let node = build_node(settings(db, 0, "national")?, 0).await?;
    for (_, doc) in maillage::cli::demo::demo_documents()? {
        create_item(&node, doc, &BENCH).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let pool = &node.pool;
    let mut conn = pool.acquire().await?;
    sqlx::query(
        "CREATE TEMP TABLE places (n INTEGER PRIMARY KEY, commune TEXT, epci TEXT, departement TEXT, region TEXT)",
    )
    .execute(&mut *conn)
    .await?;
    let communes: Vec<_> = reference().of_level(Level::Commune).collect();
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    for (n, c) in communes.iter().enumerate() {
        let parent = |prefix: &str| c.parents.iter().find(|p| p.starts_with(prefix)).cloned();
        sqlx::query("INSERT INTO places VALUES (?, ?, ?, ?, ?)")
            .bind(n as i64)
            .bind(&c.code)
            .bind(parent("epci:"))
            .bind(parent("departement:"))
            .bind(parent("region:"))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let places = communes.len() as i64;
    let mut first = 0;
    while first < items {
        let last = (first + BATCH).min(items);
        let started = Instant::now();
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        for statement in GENERATE {
            let query = sqlx::query(statement);
            let query = if statement.contains('?') {
                query.bind(first as i64).bind(last as i64 - 1).bind(places)
            } else {
                query
            };
            query.execute(&mut *tx).await.with_context(|| format!("generating items: {statement}"))?;
        }
        tx.commit().await?;
        progress(format!("B8: {last} items ({:.1} s for the batch)", started.elapsed().as_secs_f64()));
        first = last;
    }
    sqlx::query("INSERT INTO data_upgrades (name, done_at) VALUES ('territory_codes', '2026-12-04T00:00:00Z') ON CONFLICT DO NOTHING")
        .execute(&mut *conn)
        .await?;
    sqlx::query("PRAGMA optimize").execute(&mut *conn).await?;
    Ok(())
}

/// One batch of generated items, numbered ?1 to ?2 (`places` holds ?3 communes). Each
/// copies the demo item `n % 11` (its kind, title, territory label and vocabulary codes).
/// A statement with parameters is given all three (sqlx wants as many arguments as the
/// statement names), hence the `?1 >= 0 AND ?2 >= 0` where one is not otherwise needed.
const GENERATE: [&str; 9] = [
    "CREATE TEMP TABLE IF NOT EXISTS templates AS
     SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM items WHERE origin IS NULL",
    "CREATE TEMP TABLE IF NOT EXISTS batch (n INTEGER PRIMARY KEY, template INTEGER, id INTEGER)",
    "DELETE FROM batch",
    "WITH RECURSIVE k(n) AS (SELECT ?1 UNION ALL SELECT n + 1 FROM k WHERE n < ?2)
     INSERT INTO batch (n, template) SELECT n, (SELECT id FROM templates WHERE i = n % 11) FROM k WHERE ?3 > 0",
    // Replicas of six origins (every 7th item is this node's own), first published over
    // three years, newest last; a third overdue for review.
    "INSERT INTO items (uri, slug, origin, origin_url, kind, lifecycle, title, summary, territory, language, revision,
                        created_at, updated_at, published_at, review_due)
     SELECT 'https://t' || (b.n % 6) || '.example/items/g' || b.n, t.slug || '-g' || b.n,
            CASE WHEN b.n % 7 = 0 THEN NULL ELSE 'https://t' || (b.n % 6) || '.example/actor' END, NULL,
            t.kind, 'published', t.title || ' n°' || b.n, t.summary, t.territory, t.language, 1,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ((b.n * 97) % 1095) || ' days'),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ((b.n * 97) % 1095) || ' days'),
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ((b.n * 97) % 1095) || ' days'),
            date('now', CASE WHEN b.n % 3 = 0 THEN '-' ELSE '+' END || ((b.n % 400) + 1) || ' days')
       FROM batch b JOIN items t ON t.id = b.template WHERE ?1 >= 0 AND ?2 >= 0 AND ?3 > 0",
    "UPDATE batch SET id = (SELECT id FROM items WHERE uri = 'https://t' || (batch.n % 6) || '.example/items/g' || batch.n)
      WHERE ?1 >= 0 AND ?2 >= 0 AND ?3 > 0",
    "INSERT INTO item_terms (item_id, vocabulary, code)
     SELECT b.id, t.vocabulary, t.code FROM batch b JOIN item_terms t ON t.item_id = b.template
      WHERE t.vocabulary <> 'place' AND ?1 >= 0 AND ?2 >= 0 AND ?3 > 0
     UNION ALL
     SELECT id, 'place', code FROM (
       SELECT b.id AS id, CASE l.level WHEN 1 THEN p.commune WHEN 2 THEN p.epci WHEN 3 THEN p.departement
                                       WHEN 4 THEN p.region ELSE 'country:FR' END AS code
         FROM batch b JOIN places p ON p.n = (b.n * 7919) % ?3
         JOIN (SELECT 1 AS level UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) l)
      WHERE code IS NOT NULL",
    "INSERT INTO item_funding (item_id, line, funding_type, programme, amount_cents, regions)
     SELECT b.id, f.line, f.funding_type, f.programme, f.amount_cents + (b.n % 1000) * 100, json_array(p.region)
       FROM batch b JOIN item_funding f ON f.item_id = b.template JOIN places p ON p.n = (b.n * 7919) % ?3
      WHERE ?1 >= 0 AND ?2 >= 0",
    "INSERT INTO search_docs (item_id, doc_id, revision, analyzer, facets)
     SELECT b.id, -b.id, 1, (SELECT analyzer FROM search_docs WHERE doc_id > 0 LIMIT 1), '' FROM batch b
      WHERE ?1 >= 0 AND ?2 >= 0 AND ?3 > 0",
];
