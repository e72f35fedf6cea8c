//! The transactional outbox: a local change and the activities it causes are written in
//! the same transaction, with one delivery row per follower inbox (shared inboxes
//! deduplicate). The delivery worker sends them later, so a crash loses nothing.

use crate::content::ItemDocument;
use crate::federation::article::{wire_time, LocalArticle};
use crate::federation::vocab::{authority_of, id_of, origin_of, public_activity, tombstone};
use crate::operations::items::model::Audience;
use crate::operations::{Item, Node};
use crate::storage::{self, timestamp};
use anyhow::Context;
use serde_json::Value;
use sqlx::SqliteConnection;

/// What happened to a local item, from the followers' point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicChange {
    Created,
    Updated,
    Deleted,
}

impl PublicChange {
    /// The change seen by followers when an item goes from `was_public` to `is_public`.
    pub fn between(was_public: bool, is_public: bool) -> Option<PublicChange> {
        match (was_public, is_public) {
            (false, true) => Some(PublicChange::Created),
            (true, true) => Some(PublicChange::Updated),
            (true, false) => Some(PublicChange::Deleted),
            (false, false) => None,
        }
    }

    fn activity_type(self) -> &'static str {
        match self {
            PublicChange::Created => "Create",
            PublicChange::Updated => "Update",
            PublicChange::Deleted => "Delete",
        }
    }
}

/// The Article of a local item as served and sent: built from the document's public
/// view, so withheld contact details never leave the node.
pub fn article_json(node: &Node, item: &Item) -> Value {
    let document = item.document_for(Audience::Public);
    LocalArticle {
        uri: &item.uri,
        actor: &node.actor_uri(),
        followers: &node.url("followers"),
        base_url: node.base_url.as_str(),
        document: &document,
        body_html: &item.body_html,
        published: item.published_at,
        updated: item.updated_at,
    }
    .to_json(&node.vocab)
}

/// Inboxes of the nodes that hold the items `document` is inspired by, so that an origin
/// learns of its adaptations through federation. Resolved before the write transaction
/// (it may fetch); a peer that cannot be reached is skipped and logged.
pub async fn lineage_inboxes(node: &Node, document: &ItemDocument) -> Vec<String> {
    let mut inboxes = Vec::new();
    for uri in document.inspired_by.iter().filter(|u| !u.starts_with(node.base_url.as_str())) {
        let origin = match crate::operations::items::queries::item_by_uri(node, uri).await {
            Ok(item) => item.origin,
            Err(_) => crate::operations::remote::objects::fetch_object(node, uri)
                .await
                .ok()
                .and_then(|object| object.get("attributedTo").and_then(id_of).map(str::to_owned))
                .filter(|author| origin_of(author) == origin_of(uri)),
        };
        match origin {
            Some(actor) => match crate::operations::remote::actors::actor(node, &actor).await {
                Ok(remote) if !inboxes.contains(&remote.delivery_inbox) => inboxes.push(remote.delivery_inbox),
                Ok(_) => {}
                Err(e) => tracing::warn!(%uri, error = format!("{e:#}"), "cannot reach the origin of an inspiration"),
            },
            // Expected: an inspiration from outside the network, or not published yet.
            None => tracing::debug!(%uri, "no known origin for an inspiration"),
        }
    }
    inboxes
}

/// Records the activity for a change of `item` (already written in `conn`'s transaction)
/// and queues it for every follower inbox, plus `also_to` (lineage).
pub async fn record_public_change(
    conn: &mut SqliteConnection,
    node: &Node,
    item: &Item,
    change: PublicChange,
    also_to: &[String],
) -> anyhow::Result<()> {
    let now = node.clock.now();
    let activity_id = node.new_activity_id();
    let object = match change {
        PublicChange::Deleted => tombstone(&item.uri, &wire_time(now)),
        _ => {
            let mut article = article_json(node, item);
            if let Some(map) = article.as_object_mut() {
                map.remove("@context");
            }
            article
        }
    };
    let activity = public_activity(
        &activity_id,
        change.activity_type(),
        &node.actor_uri(),
        &node.url("followers"),
        object,
        &wire_time(now),
    );
    let mut inboxes = storage::followers::follower_inboxes(conn).await.context("Failed to read follower inboxes")?;
    for inbox in also_to {
        if !inboxes.contains(inbox) {
            inboxes.push(inbox.clone());
        }
    }
    enqueue(conn, node, &activity_id, change.activity_type(), Some(&item.uri), true, &activity, &inboxes).await
}

/// Stores an activity and a delivery per accepted follower inbox.
pub async fn enqueue_to_followers(
    conn: &mut SqliteConnection,
    node: &Node,
    activity_id: &str,
    kind: &str,
    object_uri: Option<&str>,
    public: bool,
    activity: &Value,
) -> anyhow::Result<()> {
    let inboxes = storage::followers::follower_inboxes(conn).await.context("Failed to read follower inboxes")?;
    enqueue(conn, node, activity_id, kind, object_uri, public, activity, &inboxes).await
}

/// Stores an activity and one delivery per inbox.
#[allow(clippy::too_many_arguments)]
pub async fn enqueue(
    conn: &mut SqliteConnection,
    node: &Node,
    activity_id: &str,
    kind: &str,
    object_uri: Option<&str>,
    public: bool,
    activity: &Value,
    inboxes: &[String],
) -> anyhow::Result<()> {
    let now = timestamp(node.clock.now());
    let payload = serde_json::to_string(activity).context("Failed to serialize an activity")?;
    let row = storage::activities::insert_activity(conn, activity_id, kind, object_uri, public, &payload, &now)
        .await
        .context("Failed to record an activity")?;
    let peers: Vec<String> = inboxes.iter().map(|inbox| authority_of(inbox).unwrap_or_else(|| inbox.clone())).collect();
    let recipients: Vec<(&str, &str)> =
        inboxes.iter().map(String::as_str).zip(peers.iter().map(String::as_str)).collect();
    storage::deliveries::insert_deliveries(conn, row, &recipients, object_uri, &now)
        .await
        .context("Failed to queue the deliveries")?;
    Ok(())
}
