//! The workers' steps, run by the test for nodes started `.stepped()` (served without
//! background workers): each call is one pass of a worker's loop, and what it did is in
//! the database when it returns. A federation of stepped nodes is driven with
//! [`run_until_idle`] instead of polling for an outcome.

use super::TestNode;
use maillage::workers;

/// Never asks a step to stop early.
fn never() -> bool {
    false
}

impl TestNode {
    /// Sends the due deliveries; returns how many were claimed.
    pub async fn deliver(&self) -> usize {
        workers::delivery::deliver_due(&self.node, &never).await.expect("the delivery step")
    }

    /// Applies the received activities the inbox left pending; returns how many.
    pub async fn apply_received(&self) -> usize {
        workers::inbox::apply_pending(&self.node, &never).await.expect("the inbox step")
    }

    /// Catches up with the peers whose catch-up was requested; returns how many.
    pub async fn catch_up(&self) -> usize {
        maillage::operations::inbound::sync::sync_requested_peers(&self.node, &never).await.expect("the catch-up step")
    }

    /// Downloads the due files of replicas; returns how many.
    pub async fn fetch_files(&self) -> usize {
        maillage::operations::inbound::media_fetch::fetch_due(&self.node, &never).await.expect("the files step")
    }

    /// One pass of every worker; returns how many jobs they did.
    pub async fn step(&self) -> usize {
        assert!(self.stepped, "{} runs its own workers: start it `.stepped()`", self.base);
        self.deliver().await + self.apply_received().await + self.catch_up().await + self.fetch_files().await
    }
}

/// Runs the steps of every node, round after round, until a round finds nothing to do on
/// any of them: every delivery sent, every activity applied, every catch-up and file
/// download done (or postponed after a failure).
pub async fn run_until_idle(nodes: &[&TestNode]) {
    for _ in 0..100 {
        let mut done = 0;
        for node in nodes {
            done += node.step().await;
        }
        if done == 0 {
            return;
        }
    }
    panic!("the nodes still had work after 100 rounds of steps");
}
