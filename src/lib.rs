//! maillage: a federated knowledge network for French territories.
//!
//! Each territory runs a node that publishes experiences, good practices and project
//! sheets, and follows other nodes over ActivityPub. Dependencies point one way:
//! `web`, `cli` and `workers` call `operations`, which call `federation`, `storage` and
//! `content`; `content` depends on nothing in the crate.
//!
//! - [`content`]: the three kinds of item, vocabularies, validation, Markdown (pure).
//! - [`storage`]: every SQL statement (SQLite via sqlx, migrations in `migrations/`), how
//!   large texts are stored (packed), and the in-memory facet sets derived from the tables.
//! - [`federation`]: keys and HTTP Signatures, ActivityPub wire types.
//! - [`operations`]: what people and peers can cause, shared by every entry point.
//! - [`web`]: ActivityPub for peers, the JSON API, the HTML pages (French and English),
//!   and the operations endpoints (`/healthz`, `/readyz`, `/metrics`).
//! - [`workers`]: the loops beside the server, each calling `operations`: delivering the
//!   queue, applying the activities the inbox recorded, catching up with peers.
//! - [`cli`]: the `maillage` subcommands.
//! - [`settings`] and [`startup`]: layered configuration and the server.

pub mod cli;
pub mod clock;
pub mod content;
pub mod federation;
pub mod operations;
pub mod settings;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod web;
pub mod workers;
