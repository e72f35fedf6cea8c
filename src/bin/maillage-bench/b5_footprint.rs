//! B5 footprint of the release binary: size, start-to-serving time (first start on a new
//! database, which migrates and generates the RSA key, and restart on an existing one),
//! idle resident memory, and resident memory under the B4 load (from [`Footprint`]).
//! Baseline in the same run: this bench binary serving empty handlers on actix-web in a
//! child process (its start time and memory).

use crate::b4_reads::Footprint;
use crate::loadgen;
use crate::nodes::{free_port, maillage_binary, spawn_baseline, spawn_serve, Child, Scratch};
use crate::report::{median, progress, Goal, Row};
use std::time::{Duration, Instant};

pub struct Config {
    pub starts: usize,
}

pub async fn run(config: &Config, loaded: Option<&Footprint>) -> anyhow::Result<Vec<Row>> {
    let binary = maillage_binary()?;
    let size_mb = std::fs::metadata(&binary)?.len() as f64 / 1e6;
    let scratch = Scratch::new("b5")?;

    let mut first_starts = Vec::new();
    let mut restarts = Vec::new();
    let mut idle = Vec::new();
    for run in 0..config.starts {
        let db = scratch.file(&format!("fresh-{run}.db"));
        let port = free_port()?;
        let (first, child) = start_and_wait(|| spawn_serve(&db, port), "/.well-known/nodeinfo").await?;
        first_starts.push(first);
        tokio::time::sleep(Duration::from_secs(1)).await;
        idle.push(child.rss_mb().map(|(rss, _)| rss).unwrap_or(f64::NAN));
        child.stop().await;
        let (again, child) = start_and_wait(|| spawn_serve(&db, port), "/.well-known/nodeinfo").await?;
        restarts.push(again);
        child.stop().await;
    }
    let mut baseline_starts = Vec::new();
    let mut baseline_idle = Vec::new();
    for _ in 0..config.starts {
        let port = free_port()?;
        let (started, child) = start_and_wait(|| spawn_baseline(port), "/").await?;
        baseline_starts.push(started);
        tokio::time::sleep(Duration::from_secs(1)).await;
        baseline_idle.push(child.rss_mb().map(|(rss, _)| rss).unwrap_or(f64::NAN));
        child.stop().await;
    }
    let (first, again, base_start) = (median(&first_starts), median(&restarts), median(&baseline_starts));
    let (idle, base_idle) = (median(&idle), median(&baseline_idle));
    progress(format!("B5: first start {first:.0} ms, restart {again:.0} ms, idle {idle:.1} MB (baseline: start {base_start:.0} ms, idle {base_idle:.1} MB)"));

    let mut rows = vec![
        Row::new("B5", "idle RSS, new node", idle, "MB")
            .baseline("empty actix-web server", base_idle)
            .goal(Goal::AtMost(20.0), "≤ 20 MB"),
        Row::new("B5", "start-to-serving, first start (migrate + RSA keygen)", first, "ms")
            .baseline("empty actix-web server", base_start)
            .goal(Goal::AtMost(300.0), "≤ 300 ms"),
        Row::new("B5", "start-to-serving, restart", again, "ms")
            .baseline("empty actix-web server", base_start)
            .goal(Goal::AtMost(300.0), "≤ 300 ms"),
    ];
    if let Some(loaded) = loaded {
        rows.push(
            Row::new("B5", "idle RSS, 100,000 items", loaded.idle_rss_mb_with_items, "MB")
                .baseline("empty actix-web server", base_idle)
                .goal(Goal::AtMost(20.0), "≤ 20 MB"),
        );
        rows.push(
            Row::new("B5", "peak RSS under B4 load, 100,000 items", loaded.loaded_rss_mb, "MB")
                .baseline("empty server under load", loaded.baseline_loaded_rss_mb)
                .goal(Goal::AtMost(100.0), "≤ 100 MB"),
        );
        rows.push(
            Row::new("B5", "start-to-serving, 100,000 items", loaded.start_with_items_ms, "ms")
                .goal(Goal::AtMost(300.0), "≤ 300 ms"),
        );
    }
    rows.push(
        Row::new("B5", "release binary size", size_mb, "MB").note("target/release/maillage, thin LTO, not stripped"),
    );
    Ok(rows)
}

/// Spawns a server and polls `path` until it answers 200; returns the milliseconds taken.
async fn start_and_wait(spawn: impl FnOnce() -> anyhow::Result<Child>, path: &str) -> anyhow::Result<(f64, Child)> {
    let start = Instant::now();
    let child = spawn()?;
    let host = format!("127.0.0.1:{}", child.address.port());
    match loadgen::wait_until_serving(child.address, &host, path, Duration::from_secs(30)).await {
        Some(_) => Ok((start.elapsed().as_secs_f64() * 1000.0, child)),
        None => {
            child.stop().await;
            anyhow::bail!("the server did not answer {path} within 30 s")
        }
    }
}
