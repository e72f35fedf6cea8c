//! Background work of a node: the delivery queue, the application of received
//! activities, catch-up with followed peers, and downloading the files of replicas. Each worker exposes a step function
//! that tests can call directly. On shutdown ([`Workers::stop`]) they take no new job,
//! finish the one in hand within a bound, and return.

pub mod delivery;
pub mod inbox;
pub mod media;
pub mod shutdown;
pub mod sync;

use crate::operations::Node;
use shutdown::{stop_signal, StopSignal};
use std::time::Duration;
use tokio::task::JoinSet;

/// The running workers of a node. Dropping this aborts them wherever they are.
pub struct Workers {
    tasks: JoinSet<()>,
    stop: StopSignal,
}

/// Starts every worker for `node`.
pub fn spawn_all(node: &Node) -> Workers {
    let (stop, stopping) = stop_signal();
    let mut tasks = JoinSet::new();
    tasks.spawn(delivery::run(node.clone(), stopping.clone()));
    tasks.spawn(inbox::run(node.clone(), stopping.clone()));
    tasks.spawn(sync::run(node.clone(), stopping.clone()));
    tasks.spawn(media::run(node.clone(), stopping));
    Workers { tasks, stop }
}

impl Workers {
    /// Tells the workers to stop and waits for each to finish its job in hand, at most
    /// `grace`. Those still busy then are aborted: an interrupted delivery keeps its claim
    /// until the next start releases it, so it is sent again, never lost.
    pub async fn stop(mut self, grace: Duration) {
        self.stop.raise();
        let deadline = tokio::time::Instant::now() + grace;
        while let Ok(Some(_)) = tokio::time::timeout_at(deadline, self.tasks.join_next()).await {}
        if !self.tasks.is_empty() {
            tracing::warn!(
                busy = self.tasks.len(),
                ?grace,
                "workers still busy at the end of the grace period: aborted"
            );
            self.tasks.abort_all();
        }
    }
}
