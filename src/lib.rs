//! maillage: a federated knowledge network for French territories.
//!
//! Each territory runs a node that publishes experiences, good practices and project
//! sheets, and follows other nodes over ActivityPub. Dependencies point one way:
//! `web`, `cli` and `workers` call `operations`, which call `federation`, `storage` and
//! `content`; `content` names only the `i18n` leaf.
//!
//! - [`content`]: the three kinds of item, vocabularies, validation, Markdown (pure).
//! - [`clock`]: the node's clock and how times are written (a leaf, like `content`).
//! - [`i18n`]: the words a person reads, French and English (Fluent catalogues; a leaf).
//! - [`storage`]: every SQL statement, one file per table or aggregate, checked at compile
//!   time (`.sqlx/`); how large texts are stored (packed); the in-memory facet sets.
//! - [`federation`]: keys and HTTP Signatures, ActivityPub wire types, the signing client.
//! - [`operations`]: what people and peers can cause and what entry points read, grouped:
//!   people, items, remote peers, what goes out, what comes in, the node's upkeep.
//! - [`web`]: ActivityPub for peers, the JSON API, the HTML pages (French and English),
//!   the operations endpoints (`/healthz`, `/readyz`, `/metrics`), and what they share.
//! - [`workers`]: the loops beside the server, each calling `operations`: delivering the
//!   queue, applying the activities the inbox left pending, catching up with peers,
//!   downloading the files of replicas.
//! - [`cli`]: the `maillage` subcommands.
//! - [`settings`] and [`startup`]: layered configuration and the server.

pub mod cli;
pub mod clock;
pub mod content;
pub mod federation;
pub mod i18n;
pub mod operations;
pub mod settings;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod web;
pub mod workers;
