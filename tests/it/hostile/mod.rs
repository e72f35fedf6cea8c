//! The hostile-input catalogue: forged, replayed, malformed, oversized and injected
//! requests to every face of a node (inbox, object reads, JSON API, pages, editors'
//! forms), each refused with its precise status and code while the database stays
//! exactly as it was; plus property-based fuzzing of the parsers that read what
//! strangers send (`properties`), and peers whose redirects lead where the node must not
//! go (`redirects`).
//!
//! Run it alone with `cargo test --test it hostile`.

mod addressing;
mod api;
mod authority;
mod catchup;
mod editor;
mod html_scan;
mod inbox;
mod ingest;
mod injection;
mod media;
mod overload;
mod policy;
mod properties;
mod redirects;
mod support;
