//! Catch-up with followed peers: at start, on request (new follow accepted, peer back
//! after failures), and every `federation.reconcile_interval`.

use super::shutdown::Stopping;
use crate::operations::inbound::sync::{request_sync_of_all_following, sync_requested_peers};
use crate::operations::Node;

pub async fn run(node: Node, mut stopping: Stopping) {
    let interval = node.settings.federation.reconcile_interval;
    let mut next_round = tokio::time::Instant::now();
    while !stopping.is_raised() {
        if tokio::time::Instant::now() >= next_round {
            if let Err(e) = request_sync_of_all_following(&node).await {
                tracing::error!(error = %e, "failed to schedule reconciliation");
            }
            next_round = tokio::time::Instant::now() + interval;
        }
        let stopping_now = stopping.clone();
        match sync_requested_peers(&node, &move || stopping_now.is_raised()).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = format!("{e:#}"), "sync worker step failed"),
        }
        tokio::select! {
            _ = tokio::time::timeout_at(next_round, node.sync_signal.notified()) => {}
            _ = stopping.raised() => {}
        }
    }
    tracing::debug!("sync worker stopped");
}
