//! The node itself and its upkeep: its keys, metrics, backups, the packing and search-index
//! upkeep, territory upgrades, and the figures of the network it sees (home counts, the
//! network and coordination views).

pub mod backup;
pub mod coordination;
pub mod keys;
pub mod metrics;
pub mod network;
pub mod packing;
pub mod search_index;
pub mod stats;
pub mod territories;
