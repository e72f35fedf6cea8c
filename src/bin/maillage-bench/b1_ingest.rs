//! B1 inbox ingest: signed `Create(Article)` activities from many remote actors, POSTed to
//! a node's shared inbox at fixed offered rates and at saturation. "Stored" means the
//! replica is in `items`, so the stored rate counts until the last replica is written
//! (the inbox's group commit writes it before the 202; the count also covers anything
//! left to the inbox worker).
//!
//! Baselines measured in the same run: RSA-2048 verifications per second (aws-lc-rs, on
//! every core), an empty POST handler on actix-web (same requests, same load generator),
//! and SQLite writing the same rows as one ingested activity (inbox log, item, terms,
//! full-text row, revision, processed mark), one transaction per activity and then in
//! batches (the bound a group commit approaches).

use crate::actors::{sign_creates, ActorFarm};
use crate::b1_baselines::{sqlite_row_rate, sqlx_statement_micros};
use crate::corpus;
use crate::loadgen::{self, Schedule, Stop};
use crate::nodes::{baseline_app_server, RunningNode, Scratch};
use crate::report::{median, progress, Goal, Percentiles, Row};
use anyhow::Context;
use maillage::content::Vocabularies;
use maillage::federation::keys::RemotePublicKey;
use maillage::storage::timestamp;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Config {
    pub actors: usize,
    pub rates: Vec<f64>,
    pub seconds_per_rate: f64,
    pub saturation_count: usize,
    pub connections: usize,
    pub repetitions: usize,
}

struct RateRun {
    rate: f64,
    latency: Percentiles,
    accepted: usize,
    stored_per_second: f64,
}

struct Repetition {
    rates: Vec<RateRun>,
    saturation_accepted_per_second: f64,
    saturation_stored_per_second: f64,
    saturation_latency: Percentiles,
    verify_per_second: f64,
    empty_post_per_second: f64,
    sqlite_per_second: f64,
    sqlite_batched_per_second: f64,
    statement_micros: f64,
}

/// Activities per transaction in the batched-insert baseline (the group commit's largest batch).
const SQLITE_BATCH: usize = maillage::operations::inbound::ingest::MAX_BATCH;

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    progress(format!("B1: generating {} actor keys", config.actors));
    let farm = ActorFarm::start(config.actors).await?;
    let template = corpus::templates(&Vocabularies::builtin())?.swap_remove(0).document;

    // Every request is signed once, before any clock starts. The inbox URL's port is not
    // known yet, so the node of every repetition is started on the same fixed port.
    let port = crate::nodes::free_port()?;
    let inbox_url = format!("http://127.0.0.1:{port}/inbox");
    let mut next = 0;
    let mut batch = |count: usize| {
        let first = next;
        next += count;
        first
    };
    let warmup_first = batch(farm.len());
    let rate_firsts: Vec<(f64, usize, usize)> = config
        .rates
        .iter()
        .map(|&r| (r, (r * config.seconds_per_rate) as usize))
        .map(|(r, n)| (r, batch(n), n))
        .collect();
    let saturation_first = batch(config.saturation_count);
    progress(format!("B1: signing {next} activities"));
    let all = sign_creates(&farm, &template, &inbox_url, 0, next).await?;
    progress(format!("B1: signed {next} activities in {:.1} s (not part of any measurement)", all.signing_seconds));
    let slice = |first: usize, n: usize| Arc::new(all.requests[first..first + n].to_vec());

    let mut repetitions = Vec::new();
    for rep in 0..config.repetitions {
        progress(format!("B1: repetition {}/{}", rep + 1, config.repetitions));
        let scratch = Scratch::new("b1")?;
        let target = RunningNode::start(scratch.file("target.db"), port, "cible").await?;
        follow_all(&target, &farm).await?;
        let mut expected = 0usize;

        // Warm-up: one activity per actor, so every key is fetched and cached.
        let warmup = loadgen::run(
            target.address(),
            slice(warmup_first, farm.len()),
            Schedule::Saturate,
            Stop::Once,
            config.connections.min(16),
        )
        .await;
        expected += warmup.count_class(2);
        wait_stored(&target, expected, Instant::now()).await?;

        let mut rates = Vec::new();
        for &(rate, first, n) in &rate_firsts {
            let start = Instant::now();
            let mut result =
                loadgen::run(target.address(), slice(first, n), Schedule::Rate(rate), Stop::Once, config.connections)
                    .await;
            expected += result.count_class(2);
            let stored = wait_stored(&target, expected, start).await?;
            progress(format!(
                "B1:   {rate}/s offered: {} in {:.2} s, stored after {:.2} s",
                result.status_summary(),
                result.elapsed.as_secs_f64(),
                stored.as_secs_f64()
            ));
            rates.push(RateRun {
                rate,
                latency: Percentiles::of(&mut result.latencies),
                accepted: result.count_class(2),
                stored_per_second: n as f64 / stored.as_secs_f64().max(result.elapsed.as_secs_f64()),
            });
        }

        let start = Instant::now();
        let mut saturation = loadgen::run(
            target.address(),
            slice(saturation_first, config.saturation_count),
            Schedule::Saturate,
            Stop::Once,
            config.connections,
        )
        .await;
        expected += saturation.count_class(2);
        let stored = wait_stored(&target, expected, start).await?;
        progress(format!(
            "B1:   saturation: {} in {:.2} s, stored after {:.2} s",
            saturation.status_summary(),
            saturation.elapsed.as_secs_f64(),
            stored.as_secs_f64()
        ));
        let failed = count_failed_applications(&target).await?;
        if failed > 0 {
            progress(format!("B1:   warning: {failed} activities were not stored as replicas"));
        }
        target.stop().await;

        let verify_per_second = rsa_verifications_per_second(&farm, Duration::from_secs(1)).await?;
        let empty_post_per_second =
            empty_post_rate(slice(saturation_first, config.saturation_count), config.connections).await?;
        let sqlite_per_second = sqlite_row_rate(&scratch, &template, 2000, 1).await?;
        let sqlite_batched_per_second = sqlite_row_rate(&scratch, &template, 10_000, SQLITE_BATCH).await?;
        let statement_micros = sqlx_statement_micros(&scratch, 5_000).await?;
        progress(format!("B1:   baselines: {verify_per_second:.0} verifications/s, empty POST {empty_post_per_second:.0}/s, SQLite {sqlite_per_second:.0} activities/s one by one, {sqlite_batched_per_second:.0}/s batched"));
        repetitions.push(Repetition {
            rates,
            saturation_accepted_per_second: saturation.count_class(2) as f64 / saturation.elapsed.as_secs_f64(),
            saturation_stored_per_second: config.saturation_count as f64 / stored.as_secs_f64(),
            saturation_latency: Percentiles::of(&mut saturation.latencies),
            verify_per_second,
            empty_post_per_second,
            sqlite_per_second,
            sqlite_batched_per_second,
            statement_micros,
        });
    }
    farm.stop().await;
    Ok(rows(config, &repetitions))
}

fn rows(config: &Config, reps: &[Repetition]) -> Vec<Row> {
    let med = |f: fn(&Repetition) -> f64| median(&reps.iter().map(f).collect::<Vec<_>>());
    let verify = med(|r| r.verify_per_second);
    let empty = med(|r| r.empty_post_per_second);
    let sqlite = med(|r| r.sqlite_per_second);
    let batched = med(|r| r.sqlite_batched_per_second);
    let stored = med(|r| r.saturation_stored_per_second);
    let accepted = med(|r| r.saturation_accepted_per_second);
    let sat_latency = Percentiles::median_of(&reps.iter().map(|r| r.saturation_latency).collect::<Vec<_>>());
    let mut rows = vec![
        Row::new("B1", "ingest at saturation, accepted-and-stored", stored, "/s")
            .baseline("absolute goal", 5000.0)
            .goal(Goal::AtLeast(5000.0), "≥ 5,000/s"),
        Row::new("B1", "ingest at saturation vs SQLite's batched-insert bound", stored, "/s")
            .baseline(format!("SQLite, same rows, {SQLITE_BATCH} activities/tx"), batched)
            .goal(Goal::RatioAtLeast(0.5), "≥ 0.5× batched bound"),
        Row::new("B1", "inbox accepted (202) at saturation", accepted, "/s")
            .baseline("empty POST, actix-web", empty)
            .note(format!("{} connections", config.connections)),
        Row::new("B1", "inbox latency at saturation p50 / p99", sat_latency.p50, "ms")
            .note(format!("p99 {:.1} ms", sat_latency.p99)),
        Row::new("B1", "baseline: RSA-2048 verifications (aws-lc-rs, all cores)", verify, "/s"),
        Row::new("B1", "baseline: empty POST handler (actix-web)", empty, "/s"),
        Row::new("B1", "baseline: SQLite, same rows, 1 tx/activity", sqlite, "/s"),
        Row::new("B1", format!("baseline: SQLite, same rows, {SQLITE_BATCH} activities/tx"), batched, "/s"),
        Row::new(
            "B1",
            "baseline: one small one-row INSERT through sqlx, in a transaction",
            med(|r| r.statement_micros),
            "µs",
        )
        .note("the fixed cost of a written row"),
    ];
    for (i, rate) in config.rates.iter().enumerate() {
        let runs: Vec<&RateRun> = reps.iter().filter_map(|r| r.rates.get(i)).collect();
        let latency = Percentiles::median_of(&runs.iter().map(|r| r.latency).collect::<Vec<_>>());
        let stored = median(&runs.iter().map(|r| r.stored_per_second).collect::<Vec<_>>());
        let accepted = median(&runs.iter().map(|r| r.accepted as f64).collect::<Vec<_>>());
        debug_assert!(runs.iter().all(|r| r.rate == *rate));
        let mut row = Row::new("B1", format!("inbox p95 at {rate:.0}/s offered"), latency.p95, "ms").note(format!(
            "p50 {:.1}, p99 {:.1} ms; stored {:.0}/s; {accepted:.0} accepted",
            latency.p50, latency.p99, stored
        ));
        if (*rate - 1000.0).abs() < f64::EPSILON {
            row = row.goal(Goal::AtMost(20.0), "p95 < 20 ms");
        }
        rows.push(row);
    }
    rows
}

/// The node follows every actor of the farm (accepted), so their Creates are stored.
async fn follow_all(target: &RunningNode, farm: &ActorFarm) -> anyhow::Result<()> {
    let now = timestamp(chrono::Utc::now());
    let mut tx = target.node.pool.begin().await?;
    for n in 0..farm.len() {
        let actor = farm.actor_uri(n);
        sqlx::query("INSERT INTO following (actor_uri, inbox, state, follow_activity_id, created_at, accepted_at) VALUES (?, ?, 'accepted', ?, ?, ?)")
            .bind(&actor)
            .bind(format!("{}/inbox", farm.origin))
            .bind(format!("{actor}#bench-follow"))
            .bind(&now)
            .bind(&now)
            .execute(&mut *tx)
            .await
            .context("Failed to insert a following row")?;
    }
    tx.commit().await?;
    Ok(())
}

async fn replica_count(node: &RunningNode) -> anyhow::Result<usize> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE origin IS NOT NULL").fetch_one(&node.node.pool).await?;
    Ok(n as usize)
}

/// Waits until `expected` replicas are stored (or nothing moves for 30 s); returns the
/// time since `start`.
async fn wait_stored(node: &RunningNode, expected: usize, start: Instant) -> anyhow::Result<Duration> {
    let mut last = (0, Instant::now());
    loop {
        let count = replica_count(node).await?;
        if count >= expected {
            return Ok(start.elapsed());
        }
        if count != last.0 {
            last = (count, Instant::now());
        } else if last.1.elapsed() > Duration::from_secs(30) {
            progress(format!("B1:   only {count} of {expected} replicas stored; giving up waiting"));
            return Ok(start.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn count_failed_applications(node: &RunningNode) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM inbox_log WHERE kind = 'Create' AND (outcome IS NULL OR outcome != 'replica_stored')",
    )
    .fetch_one(&node.node.pool)
    .await?)
}

/// RSA-2048 PKCS#1 v1.5 SHA-256 verifications per second on every core, on a signing
/// string of the size the inbox verifies.
pub async fn rsa_verifications_per_second(farm: &ActorFarm, duration: Duration) -> anyhow::Result<f64> {
    let key = farm.keys[0].clone();
    let message = "(request-target): post /inbox\nhost: 127.0.0.1:8080\ndate: Sun, 22 Nov 2026 10:00:00 GMT\ndigest: SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=".to_owned();
    let signature = key.sign_rsa_sha256(message.as_bytes())?;
    let public = RemotePublicKey::from_pem(key.public_key_pem()).map_err(|e| anyhow::anyhow!("{e}"))?;
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    tokio::task::spawn_blocking(move || {
        let start = Instant::now();
        let total: u64 = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let (public, message, signature) = (&public, &message, &signature);
                    scope.spawn(move || {
                        let mut n = 0u64;
                        while start.elapsed() < duration {
                            for _ in 0..50 {
                                assert!(public.verify_rsa_sha256(message.as_bytes(), signature));
                            }
                            n += 50;
                        }
                        n
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        });
        total as f64 / start.elapsed().as_secs_f64()
    })
    .await
    .context("Verification task failed")
}

/// The same prepared requests against an empty POST handler, in this process.
async fn empty_post_rate(requests: Arc<Vec<loadgen::RawRequest>>, connections: usize) -> anyhow::Result<f64> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address: SocketAddr = listener.local_addr()?;
    let server = baseline_app_server(listener)?;
    let handle = server.handle();
    tokio::spawn(server);
    let result = loadgen::run(address, requests, Schedule::Saturate, Stop::Once, connections).await;
    handle.stop(false).await;
    Ok(result.count_class(2) as f64 / result.elapsed.as_secs_f64())
}
