//! Replicas of remote items: stored beside local ones (same search and facets), kept at
//! the newest `updated`, and turned into tombstones when their origin deletes them.

use super::media::{digests_of, release};
use super::media_fetch::queue_missing;
use super::write::{derive, write_derived_rows};
use super::Node;
use crate::content::slug::slugify;
use crate::content::{validate_replica, Lifecycle};
use crate::federation::article::RemoteArticle;
use crate::storage::{self, items::ItemWrite, timestamp};
use anyhow::Context;

/// What applying a remote change did.
#[derive(Debug, PartialEq, Eq)]
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

/// Stores or updates the replica of `article`, whose authority is `origin_actor`.
pub async fn apply_remote_article(
    node: &Node,
    origin_actor: &str,
    article: RemoteArticle,
) -> anyhow::Result<ReplicaOutcome> {
    let Some(document) = article.document else {
        return Ok(ReplicaOutcome::NotAnItem);
    };
    let item = match validate_replica(document, &node.vocab) {
        Ok(item) => item,
        Err(errors) => return Ok(ReplicaOutcome::Invalid(errors.to_string())),
    };
    let now = node.clock.now();
    let updated = article.updated.or(article.published).unwrap_or(now);
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    if storage::federation::is_tombstoned(&mut tx, &article.id).await? {
        return Ok(ReplicaOutcome::Tombstoned);
    }
    let existing = storage::items::find_item_by_uri(&mut tx, &article.id).await?;
    if let Some(row) = &existing {
        if row.origin.is_none() {
            return Ok(ReplicaOutcome::LocalItem);
        }
        if storage::parse_timestamp(&row.updated_at).is_some_and(|stored| updated <= stored) {
            // Nothing newer, but files this node still lacks (a download given up, a
            // replica stored before files travelled) are queued again: catch-up heals them.
            if row.lifecycle == Lifecycle::Published.code() && row.document.contains("\"media\"") {
                let stored: crate::content::ItemDocument =
                    serde_json::from_str(&row.document).context("Failed to read a replica")?;
                if queue_missing(&mut tx, node, &stored, &article.media_urls).await? > 0 {
                    tx.commit().await.context("Failed to queue a replica's files")?;
                    node.media_signal.notify_one();
                }
            }
            return Ok(ReplicaOutcome::Stale);
        }
    }
    let doc = item.document();
    let slug = doc.slug.clone().unwrap_or_else(|| slugify(&doc.title));
    let derived = derive(node, doc)?;
    let updated_at = timestamp(updated);
    let refreshed_at = timestamp(now);
    let published_at = article.published.or(doc.published).map(timestamp);
    let review_due = doc.review_due.map(|d| d.to_string());
    let write = ItemWrite {
        uri: &article.id,
        slug: &slug,
        origin: Some(origin_actor),
        origin_url: Some(article.url.as_deref().unwrap_or(&article.id)),
        kind: item.kind().code(),
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
    let editor = format!("peer:{origin_actor}");
    let previous_files = existing.as_ref().map(|row| files_of_stored(&row.document)).unwrap_or_default();
    let (id, outcome) = match existing {
        Some(row) => {
            let revision =
                storage::items::update_item(&mut tx, row.id, &write).await.context("Failed to update a replica")?;
            write_derived_rows(&mut tx, row.id, revision, &write, &derived, doc, &editor).await?;
            (row.id, ReplicaOutcome::Updated)
        }
        None => {
            let id = storage::items::insert_item(&mut tx, &write, &refreshed_at)
                .await
                .context("Failed to store a replica")?;
            write_derived_rows(&mut tx, id, 1, &write, &derived, doc, &editor).await?;
            (id, ReplicaOutcome::Stored)
        }
    };
    let queued = if doc.lifecycle.is_public() {
        queue_missing(&mut tx, node, doc, &article.media_urls).await.context("Failed to queue the replica's files")?
    } else {
        0
    };
    tx.commit().await.context("Failed to commit a replica")?;
    node.item_committed(id).await;
    if queued > 0 {
        node.media_signal.notify_one();
    }
    let kept = digests_of(doc);
    release(node, previous_files.into_iter().filter(|d| !kept.contains(d)).collect()).await;
    Ok(outcome)
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
            uri,
            slug: &row.slug,
            origin: row.origin.as_deref(),
            origin_url: row.origin_url.as_deref(),
            kind: &row.kind,
            lifecycle: Lifecycle::Withdrawn.code(),
            title: &row.title,
            summary: &row.summary,
            territory: &row.territory,
            language: &row.language,
            body_html: &derived.body_html,
            updated_at: &updated_at,
            published_at: row.published_at.as_deref(),
            review_due: row.review_due.as_deref(),
            refreshed_at: Some(&updated_at),
        };
        let revision =
            storage::items::update_item(&mut tx, row.id, &write).await.context("Failed to withdraw a replica")?;
        write_derived_rows(&mut tx, row.id, revision, &write, &derived, &document, &format!("peer:{origin_actor}"))
            .await?;
    }
    if finality == Finality::Final {
        storage::federation::insert_tombstone(&mut tx, uri, &timestamp(now))
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
