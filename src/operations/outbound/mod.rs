//! What goes out: publishing, updating, retracting and importing items, attaching files,
//! the outbox and its delivery queue, following peers, re-sharing, and the collections
//! peers read.

pub mod announce;
pub mod attachments;
pub mod collections;
pub mod deliveries;
pub mod follow;
pub mod import;
pub mod outbox;
pub mod publish;
pub mod retract;
pub mod update;
