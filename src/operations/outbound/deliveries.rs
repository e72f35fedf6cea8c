//! The delivery queue's bookkeeping, for the delivery worker (`workers::delivery`): claims
//! of due deliveries with a lease, and the outcome of each POST. Retries back off
//! exponentially with jitter (capped at a day), `Retry-After` is honoured, 410 removes the
//! followers behind an inbox, and a peer that keeps failing has its circuit opened so it
//! is tried rarely.

pub use crate::federation::client::DeliveryOutcome;
use crate::operations::Node;
pub use crate::storage::deliveries::ClaimedDelivery;
use crate::storage::states::DeliveryState;
use crate::storage::{self, timestamp};
use chrono::{DateTime, Duration as ChronoDuration, Utc};
use rand::Rng;
use std::time::Duration;

/// Failures in a row after which a peer's circuit opens.
pub const CIRCUIT_THRESHOLD: i64 = 5;
/// How long a claim holds before another worker may take the delivery.
const LEASE: ChronoDuration = ChronoDuration::seconds(120);
const MAX_BACKOFF_SECONDS: i64 = 24 * 3600;

/// Gives back every claim (at start: a worker that died held them).
pub async fn release_claims(node: &Node) -> sqlx::Result<()> {
    storage::deliveries::release_delivery_claims(&node.pool).await
}

/// Gives back one claim, untried.
pub async fn release_claim(node: &Node, id: i64) -> sqlx::Result<()> {
    storage::deliveries::release_delivery_claim(&node.pool, id).await
}

/// When the earliest pending delivery is due, if any.
pub async fn next_due(node: &Node) -> Option<DateTime<Utc>> {
    let earliest = storage::deliveries::earliest_pending_delivery(&node.pool).await.ok().flatten();
    earliest.as_deref().and_then(storage::parse_timestamp)
}

/// Claims up to `limit` due deliveries for the lease.
pub async fn claim_due(node: &Node, limit: i64) -> sqlx::Result<Vec<ClaimedDelivery>> {
    let now = node.clock.now();
    storage::deliveries::claim_due_deliveries(&node.pool, &timestamp(now), &timestamp(now + LEASE), limit).await
}

/// A payload to send to several inboxes: the bytes once, and their `Digest` header.
#[derive(Clone)]
pub struct Payload {
    pub body: bytes::Bytes,
    pub digest: std::sync::Arc<str>,
}

/// The payloads of the activities of `claimed`, each read and digested once.
pub async fn payloads(
    node: &Node,
    claimed: &[ClaimedDelivery],
) -> sqlx::Result<std::collections::HashMap<i64, Payload>> {
    let mut ids: Vec<i64> = claimed.iter().map(|d| d.activity).collect();
    ids.sort_unstable();
    ids.dedup();
    let rows = storage::activities::payloads_of(&node.pool, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let digest = crate::federation::signatures::digest_header(row.payload.as_bytes());
            (row.id, Payload { body: bytes::Bytes::from(row.payload.into_bytes()), digest: digest.into() })
        })
        .collect())
}

/// Records what became of a batch of POSTs, in one transaction: a delivery is finished
/// or rescheduled, an inbox that is gone loses its followers, and each peer's health is
/// updated (failures counted in order, then a success in the batch resets the count).
pub async fn record_outcomes(node: &Node, outcomes: Vec<(ClaimedDelivery, DeliveryOutcome)>) -> anyhow::Result<()> {
    if outcomes.is_empty() {
        return Ok(());
    }
    let now = node.clock.now();
    let now_text = timestamp(now);
    let mut tx = storage::begin_write(&node.pool).await?;
    let mut alive = std::collections::BTreeSet::new();
    for (delivery, outcome) in outcomes {
        if matches!(outcome, DeliveryOutcome::Delivered) {
            alive.insert(delivery.peer.clone());
        }
        record_outcome(&mut tx, now, &now_text, &delivery, outcome).await?;
    }
    for peer in alive {
        storage::peers::record_peer_success(&mut tx, &peer, &now_text).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn record_outcome(
    conn: &mut sqlx::SqliteConnection,
    now: DateTime<Utc>,
    now_text: &str,
    delivery: &ClaimedDelivery,
    outcome: DeliveryOutcome,
) -> anyhow::Result<()> {
    match outcome {
        DeliveryOutcome::Delivered => {
            storage::deliveries::finish_delivery(
                conn,
                delivery.id,
                DeliveryState::Delivered,
                Some(200),
                None,
                now_text,
            )
            .await?;
        }
        DeliveryOutcome::Gone => {
            storage::deliveries::finish_delivery(
                conn,
                delivery.id,
                DeliveryState::Gone,
                Some(410),
                Some("HTTP 410"),
                now_text,
            )
            .await?;
            let removed = storage::followers::delete_followers_by_inbox(conn, &delivery.inbox).await?;
            tracing::info!(inbox = %delivery.inbox, removed, "inbox gone: followers removed");
        }
        DeliveryOutcome::Rejected { status, error } => {
            tracing::warn!(inbox = %delivery.inbox, %error, "delivery rejected permanently");
            storage::deliveries::finish_delivery(
                conn,
                delivery.id,
                DeliveryState::Failed,
                status.map(i64::from),
                Some(&error),
                now_text,
            )
            .await?;
        }
        DeliveryOutcome::Retry { status, error, retry_after } => {
            let failures = storage::peers::record_peer_failure(conn, &delivery.peer, &error, now_text).await?;
            let next = next_attempt(now, delivery.attempts, retry_after, &mut rand::thread_rng());
            if failures >= CIRCUIT_THRESHOLD {
                storage::peers::open_peer_circuit(conn, &delivery.peer, &timestamp(next)).await?;
            }
            tracing::debug!(inbox = %delivery.inbox, %error, attempts = delivery.attempts, next = %next, "delivery will be retried");
            storage::deliveries::retry_delivery(conn, delivery.id, &timestamp(next), status.map(i64::from), &error)
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
