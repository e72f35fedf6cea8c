//! Replicas of remote items: stored beside local ones (same search and facets), kept at
//! the newest `updated`, and turned into tombstones when their origin deletes them.

use super::media_fetch::queue_missing;
use crate::content::slug::slugify;
use crate::content::{validate_replica, Lifecycle, ValidItem};
use crate::federation::article::RemoteArticle;
use crate::operations::items::media::{digests_of, release};
use crate::operations::items::write::{derive, write_derived_rows, Derived};
use crate::operations::Node;
use crate::storage::{self, items::ItemWrite, timestamp};
use anyhow::Context;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;
use std::collections::BTreeMap;

/// What applying a remote change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplicaOutcome {
    Stored,
    Updated,
    /// Older than (or as old as) the replica: ignored.
    Stale,
    /// Deleted at its origin before: a Delete is final.
    Tombstoned,
    /// Taken out of public view by its origin (an Update that is no longer public).
    Withdrawn,
    /// Not a maillage item (e.g. a plain Article from other software).
    NotAnItem,
    /// The id belongs to a local item: a peer cannot overwrite it.
    LocalItem,
    Invalid(String),
}

impl ReplicaOutcome {
    /// The stable code kept in the inbox log.
    pub fn code(&self) -> &'static str {
        match self {
            ReplicaOutcome::Stored => "replica_stored",
            ReplicaOutcome::Updated => "replica_updated",
            ReplicaOutcome::Stale => "stale",
            ReplicaOutcome::Tombstoned => "tombstoned",
            ReplicaOutcome::Withdrawn => "replica_withdrawn",
            ReplicaOutcome::NotAnItem => "not_an_item",
            ReplicaOutcome::LocalItem => "local_item",
            ReplicaOutcome::Invalid(_) => "invalid_item",
        }
    }
}

/// Stores or updates the replica of `article`, whose authority is `origin_actor`, in a
/// transaction of its own.
pub async fn apply_remote_article(
    node: &Node,
    origin_actor: &str,
    article: RemoteArticle,
) -> anyhow::Result<ReplicaOutcome> {
    let prepared = match prepare_replica(node, origin_actor, article) {
        Ok(prepared) => prepared,
        Err(outcome) => return Ok(outcome),
    };
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let written = write_replica(&mut tx, node, &prepared).await?;
    tx.commit().await.context("Failed to commit a replica")?;
    let outcome = written.outcome.clone();
    after_replica_commit(node, written).await;
    Ok(outcome)
}

/// A remote item ready to be written: validated, its body rendered and its index terms
/// analysed. All of it is CPU work done before the write transaction, so that concurrent
/// arrivals prepare in parallel and the writer only writes.
pub(crate) struct PreparedReplica {
    origin_actor: String,
    article_id: String,
    origin_url: String,
    item: ValidItem,
    derived: Derived,
    updated_at: DateTime<Utc>,
    published_at: Option<DateTime<Utc>>,
    refreshed_at: DateTime<Utc>,
    media_urls: BTreeMap<String, String>,
}

/// Validates and renders `article`; `Err` is the outcome when it is not an item to store.
pub(crate) fn prepare_replica(
    node: &Node,
    origin_actor: &str,
    article: RemoteArticle,
) -> Result<PreparedReplica, ReplicaOutcome> {
    let Some(document) = article.document else {
        return Err(ReplicaOutcome::NotAnItem);
    };
    let item = validate_replica(document, &node.vocab).map_err(|errors| ReplicaOutcome::Invalid(errors.to_string()))?;
    let derived = derive(node, item.document()).map_err(|e| ReplicaOutcome::Invalid(format!("{e:#}")))?;
    let now = node.clock.now();
    Ok(PreparedReplica {
        origin_actor: origin_actor.to_owned(),
        origin_url: article.url.unwrap_or_else(|| article.id.clone()),
        article_id: article.id,
        updated_at: article.updated.or(article.published).unwrap_or(now),
        published_at: article.published.or(item.document().published),
        refreshed_at: now,
        item,
        derived,
        media_urls: article.media_urls,
    })
}

/// What writing a replica did, and what is left to do once its transaction commits.
pub(crate) struct WrittenReplica {
    pub outcome: ReplicaOutcome,
    /// The item written, whose facets are refreshed after the commit.
    item_id: Option<i64>,
    /// Files queued for download (the media worker is woken).
    queued_files: usize,
    /// Files the previous version named and this one does not.
    released_files: Vec<String>,
}

/// Writes a prepared replica in the caller's transaction (kept at the newest `updated`;
/// a tombstoned id or a local item is left alone).
pub(crate) async fn write_replica(
    conn: &mut SqliteConnection,
    node: &Node,
    prepared: &PreparedReplica,
) -> anyhow::Result<WrittenReplica> {
    let nothing = |outcome| WrittenReplica { outcome, item_id: None, queued_files: 0, released_files: Vec::new() };
    if storage::tombstones::is_tombstoned(conn, &prepared.article_id).await? {
        return Ok(nothing(ReplicaOutcome::Tombstoned));
    }
    let existing = storage::items::find_item_by_uri(conn, &prepared.article_id).await?;
    if let Some(row) = &existing {
        if row.origin.is_none() {
            return Ok(nothing(ReplicaOutcome::LocalItem));
        }
        if storage::parse_timestamp(&row.updated_at).is_some_and(|stored| prepared.updated_at <= stored) {
            // Nothing newer, but files this node still lacks (a download given up, a
            // replica stored before files travelled) are queued again: catch-up heals them.
            let mut written = nothing(ReplicaOutcome::Stale);
            if row.lifecycle == Lifecycle::Published.code() && row.document.contains("\"media\"") {
                let stored: crate::content::ItemDocument =
                    serde_json::from_str(&row.document).context("Failed to read a replica")?;
                written.queued_files = queue_missing(conn, node, &stored, &prepared.media_urls).await?;
            }
            return Ok(written);
        }
    }
    let (doc, derived) = (prepared.item.document(), &prepared.derived);
    let slug = doc.slug.clone().unwrap_or_else(|| slugify(&doc.title));
    let updated_at = timestamp(prepared.updated_at);
    let refreshed_at = timestamp(prepared.refreshed_at);
    let published_at = prepared.published_at.map(timestamp);
    let review_due = doc.review_due.map(|d| d.to_string());
    let write = ItemWrite {
        uri: &prepared.article_id,
        slug: &slug,
        origin: Some(&prepared.origin_actor),
        origin_url: Some(&prepared.origin_url),
        kind: prepared.item.kind().code(),
        lifecycle: doc.lifecycle.code(),
        title: &doc.title,
        summary: &doc.summary,
        territory: &doc.territory.name,
        language: &doc.language,
        body_html: &derived.body_html,
        updated_at: &updated_at,
        published_at: published_at.as_deref(),
        review_due: review_due.as_deref(),
        refreshed_at: Some(&refreshed_at),
    };
    let editor = format!("peer:{}", prepared.origin_actor);
    let previous_files = existing.as_ref().map(|row| files_of_stored(&row.document)).unwrap_or_default();
    let (id, outcome) = match existing {
        Some(row) => {
            let revision =
                storage::items::update_item(conn, row.id, &write).await.context("Failed to update a replica")?;
            write_derived_rows(conn, row.id, revision, &write, derived, doc, &editor).await?;
            (row.id, ReplicaOutcome::Updated)
        }
        None => {
            let id =
                storage::items::insert_item(conn, &write, &refreshed_at).await.context("Failed to store a replica")?;
            write_derived_rows(conn, id, 1, &write, derived, doc, &editor).await?;
            (id, ReplicaOutcome::Stored)
        }
    };
    let queued_files = if doc.lifecycle.is_public() {
        queue_missing(conn, node, doc, &prepared.media_urls).await.context("Failed to queue the replica's files")?
    } else {
        0
    };
    let kept = digests_of(doc);
    let released_files = previous_files.into_iter().filter(|d| !kept.contains(d)).collect();
    Ok(WrittenReplica { outcome, item_id: Some(id), queued_files, released_files })
}

/// Once the transaction of [`write_replica`] committed: the facet sets, the media worker,
/// and the files no version names any more.
pub(crate) async fn after_replica_commit(node: &Node, written: WrittenReplica) {
    if let Some(id) = written.item_id {
        node.item_committed(id).await;
    }
    if written.queued_files > 0 {
        node.media_signal.notify_one();
    }
    release(node, written.released_files).await;
}

/// The files a stored document names (nothing when it names none or does not parse).
fn files_of_stored(document: &str) -> Vec<String> {
    if !document.contains("\"media\"") {
        return Vec::new();
    }
    serde_json::from_str::<crate::content::ItemDocument>(document).map(|d| digests_of(&d)).unwrap_or_default()
}

/// The origin withdrew `uri`: keep a tombstone, and withdraw the replica if we hold one.
pub async fn apply_remote_delete(node: &Node, origin_actor: &str, uri: &str) -> anyhow::Result<ReplicaOutcome> {
    withdraw_replica(node, origin_actor, uri, Finality::Final).await
}

/// Whether a withdrawal is a deletion (a tombstone: later Creates and Updates of the id
/// are ignored) or the origin narrowing the item's audience (a later public Update may
/// bring it back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finality {
    Final,
    Reversible,
}

/// Withdraws the replica of `uri` if we hold one from `origin_actor`.
pub async fn withdraw_replica(
    node: &Node,
    origin_actor: &str,
    uri: &str,
    finality: Finality,
) -> anyhow::Result<ReplicaOutcome> {
    let now = node.clock.now();
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let held = storage::items::find_item_by_uri(&mut tx, uri).await?;
    if held.is_none() && finality == Finality::Reversible {
        return Ok(ReplicaOutcome::NotAnItem);
    }
    let withdrawn = held.as_ref().map(|row| row.id);
    let previous_files = held.as_ref().map(|row| files_of_stored(&row.document)).unwrap_or_default();
    if let Some(row) = held {
        if row.origin.as_deref() != Some(origin_actor) {
            return Ok(ReplicaOutcome::LocalItem);
        }
        let mut document: crate::content::ItemDocument =
            serde_json::from_str(&row.document).context("Failed to read a replica")?;
        document.lifecycle = Lifecycle::Withdrawn;
        let derived = derive(node, &document)?;
        let updated_at = timestamp(now);
        let write = ItemWrite {
            lifecycle: Lifecycle::Withdrawn.code(),
            body_html: &derived.body_html,
            updated_at: &updated_at,
            refreshed_at: Some(&updated_at),
            ..row.as_write()
        };
        let revision =
            storage::items::update_item(&mut tx, row.id, &write).await.context("Failed to withdraw a replica")?;
        write_derived_rows(&mut tx, row.id, revision, &write, &derived, &document, &format!("peer:{origin_actor}"))
            .await?;
    }
    if finality == Finality::Final {
        storage::tombstones::insert_tombstone(&mut tx, uri, &timestamp(now))
            .await
            .context("Failed to store a tombstone")?;
    }
    tx.commit().await.context("Failed to commit a withdrawal")?;
    if let Some(id) = withdrawn {
        node.item_committed(id).await;
    }
    release(node, previous_files).await;
    Ok(match finality {
        Finality::Reversible => ReplicaOutcome::Withdrawn,
        Finality::Final => ReplicaOutcome::Tombstoned,
    })
}
