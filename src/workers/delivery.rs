//! The delivery worker: a loop that claims due deliveries (`operations::deliveries`),
//! POSTs them signed, concurrently, and has their outcomes recorded in batches; it sleeps
//! until the next one is due or a new one is committed.

use super::shutdown::Stopping;
use crate::operations::outbound::deliveries::{self, ClaimedDelivery, DeliveryOutcome};
use crate::operations::Node;
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;

/// Deliveries claimed at once, per unit of `federation.delivery_concurrency`.
const CLAIMED_PER_SENDER: usize = 16;
/// Outcomes recorded in one transaction.
const OUTCOMES_PER_TRANSACTION: usize = 64;

pub async fn run(node: Node, mut stopping: Stopping) {
    if let Err(e) = deliveries::release_claims(&node).await {
        tracing::error!(error = %e, "failed to release delivery claims");
    }
    while !stopping.is_raised() {
        let stopping_now = stopping.clone();
        match deliver_due(&node, &move || stopping_now.is_raised()).await {
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
    match deliveries::next_due(node).await {
        Some(at) => (at - node.clock.now()).to_std().unwrap_or(Duration::ZERO).min(poll).max(Duration::from_millis(20)),
        None => poll,
    }
}

/// One step: claims a batch of due deliveries and sends them, `delivery_concurrency` at
/// a time, each POST in its own task so that signing spreads over the runtime's threads;
/// outcomes are recorded as they come, a transaction per [`OUTCOMES_PER_TRANSACTION`].
/// Once `stop()` says so, those of the batch not started yet are given back untried.
/// Returns how many were claimed.
pub async fn deliver_due(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let concurrency = node.settings.federation.delivery_concurrency;
    let batch = deliveries::claim_due(node, (concurrency * CLAIMED_PER_SENDER) as i64).await?;
    let count = batch.len();
    let payloads = deliveries::payloads(node, &batch).await?;
    let senders = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let mut sending: JoinSet<(ClaimedDelivery, DeliveryOutcome)> = JoinSet::new();
    let mut done = Vec::with_capacity(OUTCOMES_PER_TRANSACTION);
    for delivery in batch {
        // The turn first: the stop may come while this delivery waits for one.
        let turn = senders.clone().acquire_owned().await?;
        if stop() {
            if let Err(e) = deliveries::release_claim(node, delivery.id).await {
                tracing::error!(error = %e, id = delivery.id, "failed to release a delivery claim");
            }
            continue;
        }
        let client = node.client.clone();
        let payload = payloads.get(&delivery.activity).cloned();
        sending.spawn(async move {
            let outcome = match payload {
                Some(p) => client.deliver_prepared(&delivery.inbox, p.body, &p.digest).await,
                None => DeliveryOutcome::Rejected { status: None, error: "the activity is gone".into() },
            };
            drop(turn);
            (delivery, outcome)
        });
        while let Some(finished) = sending.try_join_next() {
            done.push(finished?);
        }
        if done.len() >= OUTCOMES_PER_TRANSACTION {
            record(node, &mut done).await;
        }
    }
    while let Some(finished) = sending.join_next().await {
        done.push(finished?);
        if done.len() >= OUTCOMES_PER_TRANSACTION {
            record(node, &mut done).await;
        }
    }
    record(node, &mut done).await;
    Ok(count)
}

/// Records and clears `done`. A failure leaves those deliveries claimed: the lease
/// expires and they are sent again (at least once, never lost).
async fn record(node: &Node, done: &mut Vec<(ClaimedDelivery, DeliveryOutcome)>) {
    let outcomes = std::mem::take(done);
    let count = outcomes.len();
    if let Err(e) = deliveries::record_outcomes(node, outcomes).await {
        tracing::error!(error = format!("{e:#}"), count, "failed to record delivery outcomes");
    }
}
