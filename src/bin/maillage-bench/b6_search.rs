//! B6 search at scale: the release `maillage serve` on a corpus of `--items` items (100,000
//! by default; `--db FILE` keeps the corpus for the next run). Reports the generation
//! time, the index size against the items' text, the time of a full reindex (what
//! `maillage reindex` runs), and the latency of searches — the catalogue page (with its
//! facets and snippets) and the JSON API, for selective words and for words present in
//! most items — with the HTML item page measured in the same run as the baseline.
//!
//! Latency is measured at a fixed offered rate (open loop, 50 searches/s by default: far
//! above what people send a national node), so that it is the cost of a search and not the
//! queue of a saturated two-core machine; the saturated throughput is reported beside it.

use crate::corpus::{self, COMMON_WORDS, PLACES};
use crate::loadgen::{self, get_request, RawRequest, Schedule, Stop};
use crate::nodes::{free_port, settings, spawn_serve, Scratch};
use crate::report::{median, progress, Goal, Percentiles, Row};
use anyhow::Context;
use maillage::content::search::searchable_fields;
use maillage::content::Vocabularies;
use maillage::operations::node::search_index;
use maillage::startup::build_node;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Config {
    pub items: usize,
    pub seconds: f64,
    pub connections: usize,
    /// Searches per second offered (open loop) for the latency figures; throughput is
    /// measured apart, saturated by `connections` closed-loop clients.
    pub offered_rate: f64,
    pub repetitions: usize,
    /// Reuse (or create and keep) this corpus instead of a temporary one.
    pub db: Option<PathBuf>,
    /// Time a full reindex (else the index is used as it is).
    pub reindex: bool,
}

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    let scratch = Scratch::new("b6")?;
    let db = config.db.clone().unwrap_or_else(|| scratch.file("search.db"));
    let port = free_port()?;
    let vocab = Vocabularies::builtin();
    let mut rows = Vec::new();

    let reused = db.exists();
    if reused {
        corpus::pack_reused(&db, progress).await?;
    } else {
        progress(format!("B6: generating {} items in {}", config.items, db.display()));
        let pool = maillage::storage::connect(&db).await?;
        let took =
            corpus::bulk_insert(&pool, &vocab, &format!("http://127.0.0.1:{port}/"), 0, config.items, 2000).await?;
        pool.close().await;
        rows.push(
            Row::new(
                "B6",
                format!("generate {} items (bulk, indexed as they are written)", config.items),
                took.as_secs_f64(),
                "s",
            )
            .note(format!("{:.0} items/s", config.items as f64 / took.as_secs_f64())),
        );
    }
    let node = build_node(settings(&db, port, "recherche")?, port).await?;
    let items = search_index::item_count(&node).await?;
    let text_bytes = text_bytes(items)?;

    if config.reindex {
        progress(format!("B6: reindexing {items} items"));
        let started = Instant::now();
        let mut last = Instant::now();
        search_index::rebuild(&node, |done| {
            if last.elapsed() > Duration::from_secs(10) {
                progress(format!("B6: reindexed {done}/{items}"));
                last = Instant::now();
            }
        })
        .await?;
        let reindex = started.elapsed().as_secs_f64();
        rows.push(
            Row::new("B6", format!("reindex of {items} items (`maillage reindex`)"), reindex, "s")
                .note(format!("{:.0} items/s", items as f64 / reindex)),
        );
    }
    // Measuring the index reads every page of it: at 1,000,000 items on a cold cache that
    // takes longer than the searches. An index kept as it is was measured when built.
    if config.reindex || !reused {
        let index_bytes = search_index::index_bytes(&node).await? as f64;
        rows.push(
            Row::new("B6", format!("index size, {items} items"), index_bytes / 1e6, "MB")
                .baseline("the items' text", text_bytes / 1e6)
                .goal(Goal::RatioAtMost(1.5), "≤ 1.5× the text"),
        );
    }
    node.pool.close().await;

    let serve = spawn_serve(&db, port)?;
    let host = format!("127.0.0.1:{port}");
    loadgen::wait_until_serving(serve.address, &host, "/.well-known/nodeinfo", Duration::from_secs(60))
        .await
        .context("maillage serve did not answer within a minute")?;
    let mut baseline = (f64::NAN, f64::NAN);
    for (name, requests) in request_classes(&host, items)? {
        let saturated = measure(serve.address, requests.clone(), config, Schedule::Saturate).await;
        let offered = measure(serve.address, requests, config, Schedule::Rate(config.offered_rate)).await;
        progress(format!(
            "B6: {name}: {:.0} req/s saturated (p95 {:.1} ms); at {:.0}/s offered p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
            saturated.1, saturated.0.p95, config.offered_rate, offered.0.p50, offered.0.p95, offered.0.p99
        ));
        let note = format!(
            "p50 {:.1} / p99 {:.1} ms at {:.0}/s offered; saturated ({} conn): {:.0} req/s, p95 {:.1} ms",
            offered.0.p50, offered.0.p99, config.offered_rate, config.connections, saturated.1, saturated.0.p95
        );
        let row =
            Row::new("B6", format!("{name} p95 at {:.0}/s, {items} items", config.offered_rate), offered.0.p95, "ms")
                .note(note);
        if name.starts_with("HTML item page") {
            baseline = (offered.0.p95, saturated.1);
            rows.push(row);
        } else {
            rows.push(row.baseline("HTML item page p95", baseline.0).goal(Goal::AtMost(20.0), "p95 < 20 ms"));
            rows.push(
                Row::new("B6", format!("{name}, saturated throughput, {items} items"), saturated.1, "req/s")
                    .baseline("HTML item page", baseline.1)
                    .note(format!("{} connections, closed loop; p95 {:.1} ms", config.connections, saturated.0.p95)),
            );
        }
    }
    serve.stop().await;
    Ok(rows)
}

/// Median percentiles and rate of `repetitions` runs on `schedule`, after a warm-up.
async fn measure(
    address: std::net::SocketAddr,
    requests: Arc<Vec<RawRequest>>,
    config: &Config,
    schedule: Schedule,
) -> (Percentiles, f64) {
    let stop = |seconds: f64| Stop::After(Duration::from_secs_f64(seconds));
    let _warm = loadgen::run(address, requests.clone(), Schedule::Saturate, stop(1.0), config.connections).await;
    let mut runs = Vec::new();
    let mut rates = Vec::new();
    for _ in 0..config.repetitions {
        let mut result =
            loadgen::run(address, requests.clone(), schedule, stop(config.seconds), config.connections).await;
        rates.push(result.per_second());
        runs.push(Percentiles::of(&mut result.latencies));
    }
    (Percentiles::median_of(&runs), median(&rates))
}

/// Bytes of human-readable text of the corpus (every searchable field and the body),
/// from a sample of each template's copies.
fn text_bytes(items: usize) -> anyhow::Result<f64> {
    let vocab = Vocabularies::builtin();
    let templates = corpus::templates(&vocab)?;
    let sample = 1100.min(items.max(1));
    let sampled: usize = (0..sample)
        .map(|n| {
            let template = &templates[n % templates.len()];
            let fields = searchable_fields(&corpus::variant(template, n), &vocab);
            fields.iter().map(|f| f.text.len()).sum::<usize>() + template.body_text.len()
        })
        .sum();
    Ok(sampled as f64 / sample as f64 * items as f64)
}

/// A named set of requests, sent in a loop.
type Class = (&'static str, Arc<Vec<RawRequest>>);

fn request_classes(host: &str, items: usize) -> anyhow::Result<Vec<Class>> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(6);
    let templates = corpus::templates(&Vocabularies::builtin())?;
    let html = |path: String| get_request(host, &path, "text/html,application/xhtml+xml");
    let api = |q: &str| get_request(host, &format!("/api/v1/items?q={}", encode(q)), "application/json");
    let catalogue = |q: &str| html(format!("/catalogue?q={}", encode(q)));
    let item_pages: Vec<RawRequest> = (0..2000)
        .map(|_| {
            let n = rng.gen_range(0..items);
            html(format!("/items/{}", corpus::variant(&templates[n % templates.len()], n).slug.unwrap_or_default()))
        })
        .collect();
    let selective: Vec<String> = (0..1000)
        .map(|_| {
            let batch = corpus::batch_word(rng.gen_range(0..items));
            if rng.gen_bool(0.5) {
                batch
            } else {
                format!("{} {batch}", PLACES.choose(&mut rng).unwrap_or(&PLACES[0]))
            }
        })
        .collect();
    Ok(vec![
        ("HTML item page (baseline)", Arc::new(item_pages)),
        ("catalogue search, selective words (≤ 50 hits)", Arc::new(selective.iter().map(|q| catalogue(q)).collect())),
        ("catalogue search, words in most items", Arc::new(COMMON_WORDS.iter().map(|q| catalogue(q)).collect())),
        ("API search, selective words", Arc::new(selective.iter().map(|q| api(q)).collect())),
        ("API search, words in most items", Arc::new(COMMON_WORDS.iter().map(|q| api(q)).collect())),
    ])
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
