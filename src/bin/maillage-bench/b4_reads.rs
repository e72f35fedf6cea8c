//! B4 reads: the release `maillage serve` binary on a database of 100,000 items, loaded
//! with HTML item pages, filtered API lists and full-text searches (closed loop, fixed
//! connections). Baseline in the same run: an empty GET handler on actix-web in a child
//! process, under the same load generator. While the load runs, the node's resident
//! memory is sampled for B5.

use crate::corpus::{self, COMMON_WORDS, PLACES};
use crate::loadgen::{self, get_request, RawRequest, Schedule, Stop};
use crate::nodes::{free_port, settings, spawn_baseline, spawn_serve, Child, Scratch};
use crate::report::{median, progress, Goal, Percentiles, Row};
use crate::BENCH;
use maillage::content::Vocabularies;
use maillage::operations::publish::create_item;
use maillage::startup::build_node;
use maillage::storage;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Config {
    pub items: usize,
    pub seconds: f64,
    pub connections: usize,
    pub repetitions: usize,
}

/// What B5 needs from this run.
#[derive(Default)]
pub struct Footprint {
    pub idle_rss_mb_with_items: f64,
    pub loaded_rss_mb: f64,
    pub baseline_loaded_rss_mb: f64,
    pub start_with_items_ms: f64,
}

struct Class {
    name: &'static str,
    requests: Arc<Vec<RawRequest>>,
    /// The latency goal is on p95 (search) rather than p99.
    p95_goal: bool,
}

pub async fn run(config: &Config) -> anyhow::Result<(Vec<Row>, Footprint)> {
    let scratch = Scratch::new("b4")?;
    let db = scratch.file("reads.db");
    let port = free_port()?;
    let base_url = format!("http://127.0.0.1:{port}/");
    let vocab = Vocabularies::builtin();

    progress(format!("B4: generating {} items", config.items));
    let pool = storage::connect(&db).await?;
    let generation = corpus::bulk_insert(&pool, &vocab, &base_url, 0, config.items, 2000).await?;
    pool.close().await;
    let bulk_rate = config.items as f64 / generation.as_secs_f64();
    progress(format!("B4: {} items stored in {:.1} s ({bulk_rate:.0}/s)", config.items, generation.as_secs_f64()));
    let create_rate = create_item_rate(&scratch, 500).await?;
    progress(format!("B4: create_item (validation, rendering, outbox, one transaction each): {create_rate:.0}/s"));
    let db_mb = std::fs::metadata(&db).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);

    let mut footprint = Footprint::default();
    let started = Instant::now();
    let node = spawn_serve(&db, port)?;
    let host = format!("127.0.0.1:{port}");
    let ready =
        loadgen::wait_until_serving(node.address, &host, "/.well-known/nodeinfo", Duration::from_secs(30)).await;
    footprint.start_with_items_ms = ready.map(|_| started.elapsed().as_secs_f64() * 1000.0).unwrap_or(f64::INFINITY);
    if ready.is_none() {
        anyhow::bail!("maillage serve did not answer within 30 s");
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    footprint.idle_rss_mb_with_items = node.rss_mb().map(|(rss, _)| rss).unwrap_or(f64::NAN);

    let classes = request_classes(&host, config.items)?;
    let mut rows = vec![Row::new(
        "B4",
        format!("generate {} items (bulk, storage functions)", config.items),
        generation.as_secs_f64(),
        "s",
    )
    .note(format!(
        "{bulk_rate:.0} items/s; database {db_mb:.0} MB; create_item {create_rate:.0}/s would take {:.0} s",
        config.items as f64 / create_rate
    ))];

    // Baseline first, so the node's page cache is warmed by the warm-ups below.
    let baseline_port = free_port()?;
    let baseline = spawn_baseline(baseline_port)?;
    let baseline_host = format!("127.0.0.1:{baseline_port}");
    loadgen::wait_until_serving(baseline.address, &baseline_host, "/", Duration::from_secs(10)).await;
    let baseline_requests = Arc::new(vec![get_request(&baseline_host, "/", "text/html")]);
    let mut baseline_rates = Vec::new();
    let mut baseline_p99 = Vec::new();
    let sampler = RssSampler::start(&baseline);
    for _ in 0..config.repetitions {
        let mut result = loadgen::run(
            baseline.address,
            baseline_requests.clone(),
            Schedule::Saturate,
            Stop::After(Duration::from_secs_f64(config.seconds)),
            config.connections,
        )
        .await;
        baseline_rates.push(result.per_second());
        baseline_p99.push(Percentiles::of(&mut result.latencies).p99);
    }
    footprint.baseline_loaded_rss_mb = sampler.stop();
    baseline.stop().await;
    let baseline_rate = median(&baseline_rates);
    progress(format!("B4: empty GET baseline {baseline_rate:.0} req/s, p99 {:.2} ms", median(&baseline_p99)));

    let sampler = RssSampler::start(&node);
    for class in &classes {
        let _warm = loadgen::run(
            node.address,
            class.requests.clone(),
            Schedule::Saturate,
            Stop::After(Duration::from_secs(1)),
            config.connections,
        )
        .await;
        let mut rates = Vec::new();
        let mut percentiles = Vec::new();
        let mut bad = 0;
        for _ in 0..config.repetitions {
            let mut result = loadgen::run(
                node.address,
                class.requests.clone(),
                Schedule::Saturate,
                Stop::After(Duration::from_secs_f64(config.seconds)),
                config.connections,
            )
            .await;
            bad += result.completed - result.count_class(2) + result.errors;
            rates.push(result.per_second());
            percentiles.push(Percentiles::of(&mut result.latencies));
        }
        let rate = median(&rates);
        let p = Percentiles::median_of(&percentiles);
        progress(format!(
            "B4: {}: {rate:.0} req/s, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, {bad} non-2xx",
            class.name, p.p50, p.p95, p.p99
        ));
        let note = format!(
            "p50 {:.1} / p95 {:.1} / p99 {:.1} ms; {} conn{}",
            p.p50,
            p.p95,
            p.p99,
            config.connections,
            if bad > 0 { format!("; {bad} non-2xx") } else { String::new() }
        );
        rows.push(
            Row::new("B4", format!("{} throughput", class.name), rate, "req/s")
                .baseline("empty GET, actix-web", baseline_rate)
                .goal(Goal::AtLeast(5000.0), "≥ 5,000 req/s")
                .note(note),
        );
        rows.push(if class.p95_goal {
            Row::new("B4", format!("{} p95", class.name), p.p95, "ms").goal(Goal::AtMost(20.0), "p95 < 20 ms")
        } else {
            Row::new("B4", format!("{} p99", class.name), p.p99, "ms").goal(Goal::AtMost(20.0), "p99 < 20 ms")
        });
    }
    footprint.loaded_rss_mb = sampler.stop();
    node.stop().await;
    Ok((rows, footprint))
}

/// HTML item pages, filtered lists, and searches for selective and for common words.
fn request_classes(host: &str, items: usize) -> anyhow::Result<Vec<Class>> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let templates = corpus::templates(&Vocabularies::builtin())?;
    let html: Vec<RawRequest> = (0..2000)
        .map(|_| {
            let n = rng.gen_range(0..items);
            let slug = corpus::variant(&templates[n % templates.len()], n).slug.unwrap_or_default();
            get_request(host, &format!("/items/{slug}"), "text/html,application/xhtml+xml")
        })
        .collect();
    let kinds = ["project_sheet", "good_practice", "experience"];
    let pillars: Vec<String> = templates.iter().flat_map(|t| t.document.pillars.clone()).collect();
    let domains: Vec<String> = templates.iter().flat_map(|t| t.document.activity_domains.clone()).collect();
    let lists: Vec<RawRequest> = (0..1000)
        .map(|_| {
            let mut query = format!("per_page=20&page={}", rng.gen_range(1..=5));
            match rng.gen_range(0..4) {
                0 => query.push_str(&format!("&kind={}", kinds.choose(&mut rng).unwrap_or(&kinds[0]))),
                1 => query.push_str(&format!("&pillar={}", pillars.choose(&mut rng).map_or("", String::as_str))),
                2 => query.push_str(&format!(
                    "&kind={}&domain={}",
                    kinds.choose(&mut rng).unwrap_or(&kinds[0]),
                    domains.choose(&mut rng).map_or("", String::as_str)
                )),
                _ => query.push_str(&format!("&territory={}", encode(PLACES.choose(&mut rng).unwrap_or(&PLACES[0])))),
            }
            get_request(host, &format!("/api/v1/items?{query}"), "application/json")
        })
        .collect();
    let selective: Vec<RawRequest> = (0..1000)
        .map(|_| {
            let q = if rng.gen_bool(0.5) {
                corpus::batch_word(rng.gen_range(0..items))
            } else {
                format!(
                    "{} {}",
                    PLACES.choose(&mut rng).unwrap_or(&PLACES[0]),
                    corpus::batch_word(rng.gen_range(0..items))
                )
            };
            get_request(host, &format!("/api/v1/items?q={}", encode(&q)), "application/json")
        })
        .collect();
    let common: Vec<RawRequest> = COMMON_WORDS
        .iter()
        .map(|q| get_request(host, &format!("/api/v1/items?q={}", encode(q)), "application/json"))
        .collect();
    Ok(vec![
        Class { name: "HTML item page", requests: Arc::new(html), p95_goal: false },
        Class { name: "API list with filters", requests: Arc::new(lists), p95_goal: false },
        Class { name: "search, selective words (≤ 50 hits)", requests: Arc::new(selective), p95_goal: true },
        Class { name: "search, common words (10k–100k hits)", requests: Arc::new(common), p95_goal: true },
    ])
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Operation-level generation rate: `create_item` on a node of its own.
async fn create_item_rate(scratch: &Scratch, count: usize) -> anyhow::Result<f64> {
    let port = free_port()?;
    let node = build_node(settings(&scratch.file("create.db"), port, "creation")?, port).await?;
    let templates = corpus::templates(&node.vocab)?;
    let start = Instant::now();
    for i in 0..count {
        create_item(&node, corpus::variant(&templates[i % templates.len()], i), &BENCH)
            .await
            .map_err(|e| anyhow::anyhow!("create_item failed: {e}"))?;
    }
    let rate = count as f64 / start.elapsed().as_secs_f64();
    node.pool.close().await;
    Ok(rate)
}

/// Samples a child's resident set every 50 ms and keeps the largest value.
struct RssSampler {
    running: Arc<AtomicBool>,
    peak: Arc<Mutex<f64>>,
}

impl RssSampler {
    fn start(child: &Child) -> RssSampler {
        let running = Arc::new(AtomicBool::new(true));
        let peak = Arc::new(Mutex::new(0.0f64));
        let pid = child.pid();
        let (r, p) = (running.clone(), peak.clone());
        tokio::spawn(async move {
            while r.load(Ordering::Relaxed) {
                if let Some((rss, _)) = pid.and_then(crate::nodes::rss_mb_of) {
                    if let Ok(mut peak) = p.lock() {
                        *peak = peak.max(rss);
                    }
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        RssSampler { running, peak }
    }

    fn stop(self) -> f64 {
        self.running.store(false, Ordering::Relaxed);
        self.peak.lock().map(|p| *p).unwrap_or(f64::NAN)
    }
}
