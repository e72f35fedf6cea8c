//! The delivery worker: claims due deliveries from the SQLite queue, POSTs them signed,
//! and records the outcome. Retries back off exponentially with jitter (capped at a
//! day), `Retry-After` is honoured, 410 removes the followers behind an inbox, and a peer
//! that keeps failing has its circuit opened so it is tried rarely.

use super::shutdown::Stopping;
use crate::federation::client::DeliveryOutcome;
use crate::operations::Node;
use crate::storage::{self, federation::ClaimedDelivery, timestamp};
use chrono::{DateTime, Duration as ChronoDuration, Utc};
use futures_util::stream::{self, StreamExt};
use rand::Rng;
use std::time::Duration;

/// Failures in a row after which a peer's circuit opens.
pub const CIRCUIT_THRESHOLD: i64 = 5;
const LEASE: ChronoDuration = ChronoDuration::seconds(120);
const MAX_BACKOFF_SECONDS: i64 = 24 * 3600;

pub async fn run(node: Node, mut stopping: Stopping) {
    if let Err(e) = storage::federation::release_delivery_claims(&node.pool).await {
        tracing::error!(error = %e, "failed to release delivery claims");
    }
    while !stopping.is_raised() {
        match deliver_due(&node, &stopping).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = format!("{e:#}"), "delivery worker step failed"),
        }
        let wait = next_wait(&node).await;
        tokio::select! {
            _ = tokio::time::timeout(wait, node.delivery_signal.notified()) => {}
            _ = stopping.raised() => {}
        }
    }
    tracing::debug!("delivery worker stopped");
}

/// How long to sleep: until the earliest pending delivery, at most the poll interval.
async fn next_wait(node: &Node) -> Duration {
    let poll = node.settings.federation.delivery_poll_interval;
    let earliest = storage::federation::earliest_pending_delivery(&node.pool).await.ok().flatten();
    match earliest.as_deref().and_then(storage::parse_timestamp) {
        Some(at) => (at - node.clock.now()).to_std().unwrap_or(Duration::ZERO).min(poll).max(Duration::from_millis(20)),
        None => poll,
    }
}

/// One step: claims a batch of due deliveries and sends them concurrently. Once the stop
/// is raised, those of the batch not started yet are given back to the queue untried.
/// Returns how many were claimed.
pub async fn deliver_due(node: &Node, stopping: &Stopping) -> anyhow::Result<usize> {
    let now = node.clock.now();
    let concurrency = node.settings.federation.delivery_concurrency;
    let batch = storage::federation::claim_due_deliveries(
        &node.pool,
        &timestamp(now),
        &timestamp(now + LEASE),
        (concurrency * 4) as i64,
    )
    .await?;
    let count = batch.len();
    stream::iter(batch)
        .for_each_concurrent(concurrency, |delivery| async move {
            if stopping.is_raised() {
                if let Err(e) = storage::federation::release_delivery_claim(&node.pool, delivery.id).await {
                    tracing::error!(error = %e, id = delivery.id, "failed to release a delivery claim");
                }
                return;
            }
            let outcome = node.client.deliver(&delivery.inbox, delivery.payload.as_bytes()).await;
            if let Err(e) = record_outcome(node, &delivery, outcome).await {
                tracing::error!(error = format!("{e:#}"), id = delivery.id, "failed to record a delivery outcome");
            }
        })
        .await;
    Ok(count)
}

async fn record_outcome(node: &Node, delivery: &ClaimedDelivery, outcome: DeliveryOutcome) -> anyhow::Result<()> {
    let now = node.clock.now();
    let now_text = timestamp(now);
    let pool = &node.pool;
    match outcome {
        DeliveryOutcome::Delivered => {
            storage::federation::finish_delivery(pool, delivery.id, "delivered", Some(200), None, &now_text).await?;
            storage::federation::record_peer_success(pool, &delivery.peer, &now_text).await?;
        }
        DeliveryOutcome::Gone => {
            storage::federation::finish_delivery(pool, delivery.id, "gone", Some(410), Some("HTTP 410"), &now_text)
                .await?;
            let removed = storage::federation::delete_followers_by_inbox(pool, &delivery.inbox).await?;
            tracing::info!(inbox = %delivery.inbox, removed, "inbox gone: followers removed");
        }
        DeliveryOutcome::Rejected { status, error } => {
            tracing::warn!(inbox = %delivery.inbox, %error, "delivery rejected permanently");
            storage::federation::finish_delivery(
                pool,
                delivery.id,
                "failed",
                status.map(i64::from),
                Some(&error),
                &now_text,
            )
            .await?;
        }
        DeliveryOutcome::Retry { status, error, retry_after } => {
            let failures = storage::federation::record_peer_failure(pool, &delivery.peer, &error, &now_text).await?;
            let next = next_attempt(now, delivery.attempts, retry_after, &mut rand::thread_rng());
            if failures >= CIRCUIT_THRESHOLD {
                storage::federation::open_peer_circuit(pool, &delivery.peer, &timestamp(next)).await?;
            }
            tracing::debug!(inbox = %delivery.inbox, %error, attempts = delivery.attempts, next = %next, "delivery will be retried");
            storage::federation::retry_delivery(pool, delivery.id, &timestamp(next), status.map(i64::from), &error)
                .await?;
        }
    }
    Ok(())
}

/// Exponential back-off from 10 s, doubled per attempt, ±25 % jitter, capped at a day;
/// a `Retry-After` from the peer wins when it is later.
pub fn next_attempt(
    now: DateTime<Utc>,
    attempts: i64,
    retry_after: Option<Duration>,
    rng: &mut impl Rng,
) -> DateTime<Utc> {
    let exponent = attempts.clamp(1, 20) - 1;
    let base = (10i64 << exponent).min(MAX_BACKOFF_SECONDS);
    let jitter = rng.gen_range(0.75..1.25);
    let mut seconds = ((base as f64) * jitter).min(MAX_BACKOFF_SECONDS as f64) as i64;
    if let Some(after) = retry_after {
        seconds = seconds.max(after.as_secs().min(MAX_BACKOFF_SECONDS as u64) as i64);
    }
    now + ChronoDuration::seconds(seconds.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn back_off_doubles_and_is_capped_at_a_day() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let now = Utc::now();
        let first = (next_attempt(now, 1, None, &mut rng) - now).num_seconds();
        let third = (next_attempt(now, 3, None, &mut rng) - now).num_seconds();
        let late = (next_attempt(now, 40, None, &mut rng) - now).num_seconds();
        assert!((7..=13).contains(&first), "{first}");
        assert!((30..=50).contains(&third), "{third}");
        assert!(late <= MAX_BACKOFF_SECONDS, "{late}");
    }

    #[test]
    fn retry_after_is_honoured_when_later() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let now = Utc::now();
        let at = next_attempt(now, 1, Some(Duration::from_secs(600)), &mut rng);
        assert_eq!((at - now).num_seconds(), 600);
    }
}
