//! What a person or a peer can cause: publish, update, retract, import, query… One file
//! per operation, shared by the JSON API, the web forms, the CLI and (for remote changes)
//! the inbox. Operations own transactions: a change, its revision, its index rows and the
//! deliveries it causes commit together.
//!
//! Grouped by what they serve, each group naming only the groups before it (checked by
//! `tests/it/architecture.rs`): [`people`], [`items`], [`remote`] peers, what goes out
//! ([`outbound`]), what comes in ([`inbound`]), and the [`node`]'s own upkeep.

pub mod errors;
pub mod inbound;
pub mod items;
pub mod node;
pub mod outbound;
pub mod people;
pub mod remote;

pub use crate::clock::{Clock, SystemClock};
pub use errors::OperationError;
pub use items::model::Item;

use crate::content::Vocabularies;
use crate::federation::client::FederationClient;
use crate::federation::keys::NodeKeys;
use crate::settings::Settings;
use sqlx::SqlitePool;
use std::sync::Arc;
use url::Url;

/// Everything an operation needs about the running node. Cheap to clone; one per node,
/// so several nodes can live in one process (tests).
#[derive(Clone)]
pub struct Node {
    pub pool: SqlitePool,
    pub vocab: Vocabularies,
    pub settings: Arc<Settings>,
    /// Public origin of the node, e.g. `http://127.0.0.1:8080/`.
    pub base_url: Url,
    pub keys: NodeKeys,
    pub clock: Arc<dyn Clock>,
    /// Signing HTTP client for everything the node fetches or delivers.
    pub client: FederationClient,
    /// Wakes the delivery worker when new deliveries are committed.
    pub delivery_signal: Arc<tokio::sync::Notify>,
    /// Wakes the inbox worker when an activity was recorded.
    pub inbox_signal: Arc<tokio::sync::Notify>,
    /// Failed logins per client address and per (address, account) (brute force).
    pub login_throttle: Arc<people::login_throttle::LoginThrottle>,
    /// In-memory counters for `/metrics`.
    pub metrics: Arc<node::metrics::Metrics>,
    /// Bounds the inbox requests handled at once (beyond: 503).
    pub inbox_permits: Arc<tokio::sync::Semaphore>,
    /// The inbox's group commit and its backlog.
    pub ingest: Arc<inbound::ingest::IngestQueue>,
    /// Wakes the sync worker when a catch-up with a peer was requested.
    pub sync_signal: Arc<tokio::sync::Notify>,
    /// Public items per facet value, in memory (exact filtered totals and facet counts).
    pub facets: Arc<crate::storage::facet_sets::FacetIndex>,
    /// Where the files of items are stored.
    pub media_folder: crate::storage::media_files::MediaFolder,
    /// Wakes the media worker when files of replicas were queued for download.
    pub media_signal: Arc<tokio::sync::Notify>,
    /// The territory's logo and banner, once read.
    pub actor_pictures: Arc<remote::actor_pictures::ActorPicturesCache>,
}

impl Node {
    /// After a write of item `id` commits: brings the in-memory facet sets up to date.
    /// A failure leaves them unusable (reads count in SQL), never wrong.
    pub async fn item_committed(&self, id: i64) {
        if let Err(e) = self.facets.refresh(&self.pool, id).await {
            tracing::error!(error = %e, id, "failed to refresh the facet sets; counting in SQL from now on");
        }
    }

    /// Where this node serves the stored file `sha256`.
    pub fn media_url(&self, sha256: &str) -> String {
        crate::federation::article::media_url(self.base_url.as_str(), sha256)
    }

    /// `base_url` joined with a path (paths are ours, so joining cannot fail in practice).
    pub fn url(&self, path: &str) -> String {
        self.base_url
            .join(path)
            .map(String::from)
            .unwrap_or_else(|_| format!("{}{}", self.base_url, path.trim_start_matches('/')))
    }

    pub fn item_uri(&self, slug: &str) -> String {
        self.url(&format!("items/{slug}"))
    }

    pub fn actor_uri(&self) -> String {
        self.url("actor")
    }

    /// A new id for an activity this node sends (`…/activities/<uuid>`).
    pub fn new_activity_id(&self) -> String {
        self.url(&format!("activities/{}", uuid::Uuid::new_v4()))
    }

    pub fn key_id(&self) -> String {
        format!("{}#main-key", self.actor_uri())
    }

    /// Tells the delivery worker to look for due deliveries now (call after a commit).
    pub fn wake_delivery(&self) {
        self.delivery_signal.notify_one();
    }

    /// `host[:port]`, as in handles (`acct:user@host:port`).
    pub fn authority(&self) -> String {
        match (self.base_url.host_str(), self.base_url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_owned(),
            _ => String::new(),
        }
    }
}
