//! Multi-node federation over real loopback HTTP: following, replication of publish /
//! edit / retract, deliveries that survive a node being stopped mid fan-out, and forged
//! activities that change nothing; backfill, relays and convergence after outages; and
//! the same over real TLS on https host names, with a CA the test makes.

mod convergence;
mod forged;
mod media;
mod privacy;
mod replication;
mod restart;
pub mod seed_items;
mod test_ca;
pub mod tiny_server;
mod tls;
