//! B3 replication. Latency: C follows B, B follows A and relays it (re-shares what A
//! publishes), and each of N items published on A is timed until C holds it. Without
//! relay support in the node (no `following.relay` column), C follows A directly and the
//! row says so. Convergence: C follows A, C stops, A publishes 1,000 items, C starts
//! again; timed from C's start until it holds all of them (through reconciliation when
//! the node has it, else through A's retried deliveries).
//!
//! Baseline in the same run: the local `create_item` time on A (the write that
//! replication repeats on every node).

use crate::nodes::{free_port, RunningNode, Scratch};
use crate::report::{median, progress, Goal, Percentiles, Row};
use crate::BENCH;
use maillage::content::Vocabularies;
use maillage::operations::{items::queries, outbound::follow, outbound::publish::create_item, OperationError};
use std::time::{Duration, Instant};

pub struct Config {
    pub items: usize,
    pub missed: usize,
    pub repetitions: usize,
}

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    let templates = crate::corpus::templates(&Vocabularies::builtin())?;
    let mut latencies = Vec::new();
    let mut locals = Vec::new();
    let mut relayed = true;
    for rep in 0..config.repetitions {
        let scratch = Scratch::new("b3")?;
        let a = RunningNode::start(scratch.file("a.db"), 0, "a").await?;
        let b = RunningNode::start(scratch.file("b.db"), 0, "b").await?;
        let c = RunningNode::start(scratch.file("c.db"), 0, "c").await?;
        follow_accepted(&b, &a).await?;
        if enable_relay(&b, &a.node.actor_uri()).await {
            follow_accepted(&c, &b).await?;
        } else {
            relayed = false;
            follow_accepted(&c, &a).await?;
        }
        let mut run = Vec::with_capacity(config.items);
        let mut local = Vec::with_capacity(config.items);
        let mut missing = 0;
        for i in 0..config.items {
            let doc = crate::corpus::variant(&templates[i % templates.len()], rep * 100_000 + i);
            let start = Instant::now();
            let item = create_item(&a.node, doc, &BENCH).await.map_err(|e| anyhow::anyhow!("publish failed: {e}"))?;
            local.push(start.elapsed());
            if wait_for_item(&c, &item.uri, Duration::from_secs(10)).await {
                run.push(start.elapsed());
            } else {
                missing += 1;
            }
        }
        let p = Percentiles::of(&mut run);
        progress(format!(
            "B3: {} items A→{}C: p50 {:.1} ms, p95 {:.1} ms, {missing} never arrived",
            config.items,
            if relayed { "B→" } else { "" },
            p.p50,
            p.p95
        ));
        latencies.push(p);
        locals.push(Percentiles::of(&mut local));
        for node in [a, b, c] {
            node.stop().await;
        }
    }

    let mut convergences = Vec::new();
    let mut publish_times = Vec::new();
    let mut via = String::new();
    for _ in 0..config.repetitions {
        let (converged, publish, how) = convergence(config.missed, &templates).await?;
        convergences.push(converged);
        publish_times.push(publish);
        via = how;
    }

    let latency = Percentiles::median_of(&latencies);
    let local = Percentiles::median_of(&locals);
    let path = if relayed { "A→B re-share→C" } else { "A→C direct (no relay in this build)" };
    Ok(vec![
        Row::new("B3", format!("replication latency p50, {path}"), latency.p50, "ms")
            .baseline("local create_item p50 on A", local.p50)
            .goal(Goal::AtMost(100.0), "p50 < 100 ms")
            .note(format!("{} items", config.items)),
        Row::new("B3", format!("replication latency p95, {path}"), latency.p95, "ms")
            .baseline("local create_item p95 on A", local.p95),
        Row::new("B3", format!("convergence after missing {} items", config.missed), median(&convergences), "s")
            .baseline("publishing them on A", median(&publish_times))
            .goal(Goal::AtMost(30.0), "< 30 s")
            .note(via),
    ])
}

/// Sets B's follow of A to relay mode; false when this build has no relay.
async fn enable_relay(b: &RunningNode, a_actor: &str) -> bool {
    sqlx::query("UPDATE following SET relay = 1 WHERE actor_uri = ?")
        .bind(a_actor)
        .execute(&b.node.pool)
        .await
        .is_ok_and(|done| done.rows_affected() == 1)
}

async fn has_reconciliation(node: &RunningNode) -> bool {
    sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'peer_sync'")
        .fetch_one(&node.node.pool)
        .await
        .is_ok_and(|n| n == 1)
}

/// `follower` follows `followed`, and both agree it is accepted.
pub(crate) async fn follow_accepted(follower: &RunningNode, followed: &RunningNode) -> anyhow::Result<()> {
    follow::follow(&follower.node, &followed.handle_name(), &BENCH)
        .await
        .map_err(|e| anyhow::anyhow!("follow failed: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(20);
    let actor = followed.node.actor_uri();
    while Instant::now() < deadline {
        let accepted: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM following WHERE actor_uri = ? AND state = 'accepted'")
                .bind(&actor)
                .fetch_one(&follower.node.pool)
                .await?;
        if accepted == 1 {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    anyhow::bail!("the follow of {actor} was not accepted within 20 s")
}

async fn wait_for_item(node: &RunningNode, uri: &str, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        match queries::item_by_uri(&node.node, uri).await {
            Ok(_) => return true,
            Err(OperationError::NotFound) => {}
            Err(_) => {}
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    false
}

async fn replicas_from(node: &RunningNode, origin: &str) -> anyhow::Result<usize> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM items WHERE origin = ?")
        .bind(origin)
        .fetch_one(&node.node.pool)
        .await?;
    Ok(n as usize)
}

/// Returns (seconds from C's restart until it holds all items, seconds A took to publish
/// them, how C caught up).
async fn convergence(missed: usize, templates: &[crate::corpus::Template]) -> anyhow::Result<(f64, f64, String)> {
    let scratch = Scratch::new("b3c")?;
    let a = RunningNode::start(scratch.file("a.db"), 0, "a").await?;
    let c_port = free_port()?;
    let c = RunningNode::start(scratch.file("c.db"), c_port, "c").await?;
    follow_accepted(&c, &a).await?;
    let reconciles = has_reconciliation(&c).await;
    let c_db = c.db.clone();
    c.stop().await;

    let start = Instant::now();
    for i in 0..missed {
        let doc = crate::corpus::variant(&templates[i % templates.len()], 500_000 + i);
        create_item(&a.node, doc, &BENCH).await.map_err(|e| anyhow::anyhow!("publish failed: {e}"))?;
    }
    let publish = start.elapsed().as_secs_f64();
    // Let A's first delivery attempts fail while C is down.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let start = Instant::now();
    let c = RunningNode::start(c_db, c_port, "c").await?;
    let origin = a.node.actor_uri();
    let mut last = (0, Instant::now());
    let converged = loop {
        let count = replicas_from(&c, &origin).await?;
        if count >= missed {
            break start.elapsed().as_secs_f64();
        }
        if count != last.0 {
            last = (count, Instant::now());
        } else if last.1.elapsed() > Duration::from_secs(60) || start.elapsed() > Duration::from_secs(300) {
            progress(format!("B3: C holds only {count} of {missed} items; giving up"));
            break f64::INFINITY;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let how = if reconciles {
        "C restarts and reconciles from A's outbox".to_owned()
    } else {
        "no reconciliation in this build: A's retried deliveries".to_owned()
    };
    progress(format!(
        "B3: convergence after missing {missed} items: {converged:.2} s ({how}); publishing took {publish:.2} s"
    ));
    a.stop().await;
    c.stop().await;
    Ok((converged, publish, how))
}
