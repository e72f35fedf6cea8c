//! Applies recorded incoming activities: right after the inbox answers 202 (it wakes this
//! worker), and at start for anything recorded before a stop.

use crate::operations::apply::apply_pending_activities;
use crate::operations::Node;
use std::time::Duration;

pub async fn run(node: Node) {
    loop {
        match apply_pending_activities(&node).await {
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::error!(error = format!("{e:#}"), "inbox worker step failed"),
        }
        // Failed activities are retried on the next pass: at the latest after a short pause.
        let _ = tokio::time::timeout(Duration::from_secs(2), node.inbox_signal.notified()).await;
    }
}
