//! Downloads the files of replicated items (see [`crate::operations::inbound::media_fetch`]):
//! woken when a replica queues files, and when a postponed download comes due.

use super::shutdown::Stopping;
use crate::operations::inbound::media_fetch::{fetch_due, next_due};
use crate::operations::Node;
use std::time::Duration;

/// The longest sleep between two looks at the queue.
const IDLE: Duration = Duration::from_secs(60);

pub async fn run(node: Node, mut stopping: Stopping) {
    while !stopping.is_raised() {
        let stopping_now = stopping.clone();
        match fetch_due(&node, &move || stopping_now.is_raised()).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = format!("{e:#}"), "media worker step failed"),
        }
        let wait = match next_due(&node).await {
            Ok(Some(due)) => (due - node.clock.now()).to_std().unwrap_or(Duration::ZERO).min(IDLE),
            _ => IDLE,
        };
        tokio::select! {
            _ = tokio::time::timeout(wait.max(Duration::from_millis(50)), node.media_signal.notified()) => {}
            _ = stopping.raised() => {}
        }
    }
    tracing::debug!("media worker stopped");
}
