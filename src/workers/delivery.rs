//! The delivery worker: a loop that claims due deliveries (`operations::deliveries`),
//! POSTs them signed, concurrently, and has each outcome recorded; it sleeps until the
//! next one is due or a new one is committed.

use super::shutdown::Stopping;
use crate::operations::{deliveries, Node};
use futures_util::stream::{self, StreamExt};
use std::time::Duration;

pub async fn run(node: Node, mut stopping: Stopping) {
    if let Err(e) = deliveries::release_claims(&node).await {
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
    match deliveries::next_due(node).await {
        Some(at) => (at - node.clock.now()).to_std().unwrap_or(Duration::ZERO).min(poll).max(Duration::from_millis(20)),
        None => poll,
    }
}

/// One step: claims a batch of due deliveries and sends them concurrently. Once the stop
/// is raised, those of the batch not started yet are given back to the queue untried.
/// Returns how many were claimed.
pub async fn deliver_due(node: &Node, stopping: &Stopping) -> anyhow::Result<usize> {
    let concurrency = node.settings.federation.delivery_concurrency;
    let batch = deliveries::claim_due(node, (concurrency * 4) as i64).await?;
    let count = batch.len();
    stream::iter(batch)
        .for_each_concurrent(concurrency, |delivery| async move {
            if stopping.is_raised() {
                if let Err(e) = deliveries::release_claim(node, delivery.id).await {
                    tracing::error!(error = %e, id = delivery.id, "failed to release a delivery claim");
                }
                return;
            }
            let outcome = node.client.deliver(&delivery.inbox, delivery.payload.as_bytes()).await;
            if let Err(e) = deliveries::record_outcome(node, &delivery, outcome).await {
                tracing::error!(error = format!("{e:#}"), id = delivery.id, "failed to record a delivery outcome");
            }
        })
        .await;
    Ok(count)
}
