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
use anyhow::Context;
use futures_util::TryStreamExt;
use maillage::content::Vocabularies;
use maillage::operations::outbound::publish::create_item;
use maillage::startup::build_node;
use maillage::storage;
use maillage::storage::packed::PackedText;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Config {
    pub items: usize,
    pub seconds: f64,
    pub connections: usize,
    /// Requests per second offered (open loop) for the latency figures.
    pub offered_rate: f64,
    pub repetitions: usize,
    /// Reuse this corpus (made by B4 or B6 with the same `--items`), or create and keep it.
    pub db: Option<std::path::PathBuf>,
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
    latency: LatencyGoal,
}

/// The latency goal of a class of reads, at the offered rate.
#[derive(Clone, Copy)]
enum LatencyGoal {
    /// p99 under this many milliseconds (P4: 20 ms, 50 ms for pages with facets).
    P99(f64),
    /// p95 under this many milliseconds (full-text search).
    P95(f64),
}

pub async fn run(config: &Config) -> anyhow::Result<(Vec<Row>, Footprint)> {
    let scratch = Scratch::new("b4")?;
    let db = config.db.clone().unwrap_or_else(|| scratch.file("reads.db"));
    let port = free_port()?;
    let base_url = format!("http://127.0.0.1:{port}/");
    let vocab = Vocabularies::builtin();

    let generation = if db.exists() {
        progress(format!("B4: reusing the corpus in {}", db.display()));
        corpus::pack_reused(&db, progress).await?;
        Duration::ZERO
    } else {
        progress(format!("B4: generating {} items", config.items));
        let pool = storage::connect(&db).await?;
        let took = corpus::bulk_insert(&pool, &vocab, &base_url, 0, config.items, 2000).await?;
        pool.close().await;
        took
    };
    let bulk_rate = config.items as f64 / generation.as_secs_f64();
    progress(format!("B4: {} items stored in {:.1} s ({bulk_rate:.0}/s)", config.items, generation.as_secs_f64()));
    let create_rate = create_item_rate(&scratch, 500).await?;
    progress(format!("B4: create_item (validation, rendering, outbox, one transaction each): {create_rate:.0}/s"));
    let db_mb = std::fs::metadata(&db).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
    let (used_mb, documents_mb) = database_use(&db).await?;

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
    // Filtered counts come from the facet sets once they are loaded (in the background).
    let loaded = loadgen::wait_until_answer_holds(
        node.address,
        &host,
        "/metrics",
        "maillage_facet_sets_ready 1",
        Duration::from_secs(600),
    )
    .await
    .context("the facet sets did not load within 10 minutes")?;
    progress(format!("B4: facet sets loaded {:.1} s after serving", loaded.as_secs_f64()));

    let classes = request_classes(&host, config.items)?;
    let mut rows = Vec::new();
    if !generation.is_zero() {
        rows.push(
            Row::new(
                "B4",
                format!("generate {} items (bulk, storage functions)", config.items),
                generation.as_secs_f64(),
                "s",
            )
            .note(format!(
                "{bulk_rate:.0} items/s; database {db_mb:.0} MB; create_item {create_rate:.0}/s would take {:.0} s",
                config.items as f64 / create_rate
            )),
        );
    }

    rows.push(
        Row::new("B4", format!("database size, {} items (pages in use)", config.items), used_mb, "MB")
            .baseline("the items' JSON documents", documents_mb)
            .goal(Goal::RatioAtMost(2.5), "≤ 2.5× the documents")
            .note(format!("file {db_mb:.0} MB")),
    );

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
        let (rate, saturated, bad_saturated) = measure(node.address, class, config, Schedule::Saturate).await;
        let (_, p, bad_offered) = measure(node.address, class, config, Schedule::Rate(config.offered_rate)).await;
        let bad = bad_saturated + bad_offered;
        progress(format!(
            "B4: {}: {rate:.0} req/s saturated (p99 {:.1} ms); at {:.0}/s offered p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, {bad} non-2xx",
            class.name, saturated.p99, config.offered_rate, p.p50, p.p95, p.p99
        ));
        let note = format!(
            "at {:.0}/s offered: p50 {:.1} / p95 {:.1} / p99 {:.1} ms; saturated ({} conn): p99 {:.1} ms{}",
            config.offered_rate,
            p.p50,
            p.p95,
            p.p99,
            config.connections,
            saturated.p99,
            if bad > 0 { format!("; {bad} non-2xx") } else { String::new() }
        );
        let throughput = Row::new("B4", format!("{} throughput", class.name), rate, "req/s")
            .baseline("empty GET, actix-web", baseline_rate)
            .note(note);
        rows.push(if class.name.starts_with("HTML item page") {
            throughput.goal(Goal::AtLeast(5000.0), "≥ 5,000 req/s")
        } else {
            throughput
        });
        let at = format!("at {:.0}/s", config.offered_rate);
        rows.push(match class.latency {
            LatencyGoal::P95(bound) => Row::new("B4", format!("{} p95 {at}", class.name), p.p95, "ms")
                .goal(Goal::AtMost(bound), format!("p95 < {bound:.0} ms")),
            LatencyGoal::P99(bound) => Row::new("B4", format!("{} p99 {at}", class.name), p.p99, "ms")
                .goal(Goal::AtMost(bound), format!("p99 < {bound:.0} ms")),
        });
    }
    footprint.loaded_rss_mb = sampler.stop();
    node.stop().await;
    Ok((rows, footprint))
}

/// Megabytes of the database's pages in use (free pages left out) and of the items'
/// current JSON documents.
async fn database_use(db: &std::path::Path) -> anyhow::Result<(f64, f64)> {
    let pool = storage::connect(db).await?;
    let pages: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT page_count FROM pragma_page_count()), (SELECT freelist_count FROM pragma_freelist_count()),
                (SELECT page_size FROM pragma_page_size())",
    )
    .fetch_one(&pool)
    .await?;
    // Documents are stored packed: their JSON size is measured unpacked.
    let mut rows = sqlx::query_scalar::<_, PackedText>(
        "SELECT r.document FROM items i JOIN item_revisions r ON r.item_id = i.id AND r.revision = i.revision",
    )
    .fetch(&pool);
    let mut documents = 0;
    while let Some(document) = rows.try_next().await? {
        documents += String::from(document).len();
    }
    drop(rows);
    pool.close().await;
    Ok(((pages.0 - pages.1) as f64 * pages.2 as f64 / 1e6, documents as f64 / 1e6))
}

/// Median rate, median percentiles and non-2xx answers of `repetitions` runs of a class.
async fn measure(
    address: std::net::SocketAddr,
    class: &Class,
    config: &Config,
    schedule: Schedule,
) -> (f64, Percentiles, usize) {
    let mut rates = Vec::new();
    let mut percentiles = Vec::new();
    let mut bad = 0;
    for _ in 0..config.repetitions {
        let mut result = loadgen::run(
            address,
            class.requests.clone(),
            schedule,
            Stop::After(Duration::from_secs_f64(config.seconds)),
            config.connections,
        )
        .await;
        bad += result.completed - result.count_class(2) + result.errors;
        rates.push(result.per_second());
        percentiles.push(Percentiles::of(&mut result.latencies));
    }
    (median(&rates), Percentiles::median_of(&percentiles), bad)
}

/// HTML item pages, filtered lists, the catalogue, home and coordination pages, and
/// searches for selective and for common words.
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
    let catalogue: Vec<RawRequest> = (0..500)
        .map(|_| {
            let filter = match rng.gen_range(0..4) {
                0 => String::new(),
                1 => format!("?kind={}", kinds.choose(&mut rng).unwrap_or(&kinds[0])),
                2 => format!("?pillar={}", pillars.choose(&mut rng).map_or("", String::as_str)),
                _ => format!("?territory={}", encode(PLACES.choose(&mut rng).unwrap_or(&PLACES[0]))),
            };
            get_request(host, &format!("/catalogue{filter}"), "text/html")
        })
        .collect();
    let page = |path: &str| Arc::new(vec![get_request(host, path, "text/html")]);
    Ok(vec![
        Class { name: "HTML item page", requests: Arc::new(html), latency: LatencyGoal::P99(20.0) },
        Class { name: "API list with filters and total", requests: Arc::new(lists), latency: LatencyGoal::P99(20.0) },
        Class { name: "catalogue with facets", requests: Arc::new(catalogue), latency: LatencyGoal::P99(50.0) },
        Class { name: "home page", requests: page("/"), latency: LatencyGoal::P99(20.0) },
        Class { name: "coordination view (/reseau)", requests: page("/reseau"), latency: LatencyGoal::P99(50.0) },
        Class {
            name: "API network figures",
            requests: Arc::new(vec![get_request(host, "/api/v1/network", "application/json")]),
            latency: LatencyGoal::P99(20.0),
        },
        Class {
            name: "search, selective words (≤ 50 hits)",
            requests: Arc::new(selective),
            latency: LatencyGoal::P95(20.0),
        },
        Class { name: "search, common words", requests: Arc::new(common), latency: LatencyGoal::P95(20.0) },
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
