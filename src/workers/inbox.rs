//! Applies recorded incoming activities the inbox could not apply from their payload (it
//! wakes this worker), and at start anything recorded before a stop; counts the backlog
//! the inbox bounds.

use super::shutdown::Stopping;
use crate::operations::inbound::apply::apply_pending_activities;
use crate::operations::inbound::ingest::set_backlog;
use crate::operations::Node;
use std::time::Duration;

pub async fn run(node: Node, mut stopping: Stopping) {
    while !stopping.is_raised() {
        let stopping_now = stopping.clone();
        match apply_pending(&node, &move || stopping_now.is_raised()).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = format!("{e:#}"), "inbox worker step failed"),
        }
        // Failed activities are retried on the next pass: at the latest after a short pause.
        tokio::select! {
            _ = tokio::time::timeout(Duration::from_secs(2), node.inbox_signal.notified()) => {}
            _ = stopping.raised() => {}
        }
    }
    tracing::debug!("inbox worker stopped");
}

/// One step: applies a batch of the pending activities, then counts the backlog again.
/// Returns how many were applied.
pub async fn apply_pending(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let step = apply_pending_activities(node, stop).await;
    if let Err(e) = set_backlog(node).await {
        tracing::error!(error = %e, "failed to count the inbox backlog");
    }
    step
}
