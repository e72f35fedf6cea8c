//! Applies recorded incoming activities: right after the inbox answers 202 (it wakes this
//! worker), and at start for anything recorded before a stop.

use super::shutdown::Stopping;
use crate::operations::apply::apply_pending_activities;
use crate::operations::Node;
use std::time::Duration;

pub async fn run(node: Node, mut stopping: Stopping) {
    while !stopping.is_raised() {
        let stopping_now = stopping.clone();
        match apply_pending_activities(&node, &move || stopping_now.is_raised()).await {
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
