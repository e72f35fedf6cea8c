//! Background work of a node: the delivery queue, the application of received
//! activities, and catch-up with followed peers. Each worker exposes a step function that tests can call directly.

pub mod delivery;
pub mod inbox;
pub mod sync;

use crate::operations::Node;
use tokio::task::JoinHandle;

/// Starts every worker for `node`; they stop when the runtime stops.
pub fn spawn_all(node: &Node) -> Vec<JoinHandle<()>> {
    vec![
        tokio::spawn(delivery::run(node.clone())),
        tokio::spawn(inbox::run(node.clone())),
        tokio::spawn(sync::run(node.clone())),
    ]
}
