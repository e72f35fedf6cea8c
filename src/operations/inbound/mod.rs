//! What comes in: the inbox (verification, the group commit), applying activities, replicas
//! and their files, and catching up with followed peers.

pub mod apply;
pub mod inbox;
pub mod ingest;
pub mod media_fetch;
pub mod replicas;
pub mod sync;
