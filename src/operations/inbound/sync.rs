//! Catching up with a followed peer from its outbox: the whole history on a new follow
//! (backfill), then, periodically and when the peer comes back, only what is newer than
//! the per-peer cursor (anti-entropy). Pages are read one at a time, newest first, so a
//! peer with thousands of items never sits in memory; an unchanged outbox costs one
//! conditional request. Every entry goes through the inbox's rules
//! ([`crate::federation::inbound`]), the outbox's owner vouching for it.

use super::apply::{apply_vouched, ApplyOutcome};
use super::inbox::id_rules;
use crate::federation::client::Conditional;
use crate::federation::inbound::{parse_activity, Voucher};
use crate::federation::vocab::{id_of, origin_of};
use crate::operations::remote::actors::remember_actor;
use crate::operations::Node;
use crate::storage::{self, timestamp};
use anyhow::{anyhow, Context};
use serde_json::Value;

/// What a sync did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub pages: usize,
    pub activities: usize,
    /// Entries refused by the authority or addressing rules (skipped).
    pub refused: usize,
    pub unchanged: bool,
}

/// Most pages read in one run (a safety net against a peer serving an endless chain).
const MAX_PAGES: usize = 10_000;

/// Syncs with `actor`; `progress(seen, total)` is called after every page.
pub async fn sync_peer(
    node: &Node,
    actor: &str,
    progress: &(dyn Fn(usize, Option<i64>) + Sync),
) -> anyhow::Result<SyncReport> {
    let state = storage::peer_sync::find_peer_sync(&node.pool, actor).await?;
    let (cursor, etag) = state.map(|s| (s.cursor, s.etag)).unwrap_or_default();
    let now = || timestamp(node.clock.now());
    match run(node, actor, cursor.as_deref(), etag.as_deref(), progress).await {
        Ok((report, new_cursor, new_etag)) => {
            storage::peer_sync::finish_peer_sync(&node.pool, actor, new_cursor.as_deref(), new_etag.as_deref(), &now())
                .await?;
            Ok(report)
        }
        Err(e) => {
            storage::peer_sync::fail_peer_sync(&node.pool, actor, &format!("{e:#}"), &now()).await?;
            Err(e)
        }
    }
}

async fn run(
    node: &Node,
    actor: &str,
    cursor: Option<&str>,
    etag: Option<&str>,
    progress: &(dyn Fn(usize, Option<i64>) + Sync),
) -> anyhow::Result<(SyncReport, Option<String>, Option<String>)> {
    let document =
        node.client.fetch_json(actor).await.with_context(|| crate::msg!("op-actor_unreadable", actor = actor))?;
    let outbox = document.get("outbox").and_then(id_of).ok_or_else(|| anyhow!("{actor} has no outbox"))?.to_owned();
    if origin_of(&outbox) != origin_of(actor) {
        return Err(anyhow!(crate::msg!("op-outbox_elsewhere", actor = actor)));
    }
    // Keep the key cache fresh while we are at it (rotation).
    if let Err(e) = remember_actor(node, actor, &document).await {
        tracing::warn!(%actor, error = format!("{e:#}"), "the actor document is unusable");
    }

    let (collection, new_etag) = match node.client.fetch_json_if_changed(&outbox, etag).await? {
        Conditional::NotModified => {
            return Ok((SyncReport { unchanged: true, ..Default::default() }, None, etag.map(str::to_owned)));
        }
        Conditional::Changed { document, etag } => (document, etag),
    };
    let total = collection.get("totalItems").and_then(Value::as_i64);
    storage::peer_sync::start_peer_sync(&node.pool, actor, &outbox, total).await?;

    let mut report = SyncReport::default();
    let mut newest: Option<String> = None;
    let mut next = match collection.get("first") {
        Some(Value::Object(_)) => Some(PageRef::Embedded(collection["first"].clone())),
        Some(first) => id_of(first).map(|u| PageRef::Url(u.to_owned())),
        None if collection.get("orderedItems").is_some() => Some(PageRef::Embedded(collection.clone())),
        None => None,
    };
    'pages: while let Some(page_ref) = next.take() {
        let page = match page_ref {
            PageRef::Embedded(page) => page,
            PageRef::Url(url) => {
                if origin_of(&url) != origin_of(actor) {
                    return Err(anyhow!(crate::msg!("op-outbox_page_elsewhere", url = &url)));
                }
                node.client.fetch_json(&url).await.with_context(|| format!("Failed to fetch {url}"))?
            }
        };
        report.pages += 1;
        let items = page
            .get("orderedItems")
            .or_else(|| page.get("items"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for activity in items {
            let Some(activity_id) = activity.get("id").and_then(Value::as_str) else { continue };
            if Some(activity_id) == cursor {
                break 'pages;
            }
            if newest.is_none() {
                newest = Some(activity_id.to_owned());
            }
            if let ApplyOutcome::Refused(_) = apply_outbox_activity(node, actor, &activity).await? {
                report.refused += 1;
            }
            report.activities += 1;
        }
        storage::peer_sync::progress_peer_sync(&node.pool, actor, report.activities as i64).await?;
        progress(report.activities, total);
        if report.pages >= MAX_PAGES {
            break;
        }
        next = page.get("next").and_then(id_of).map(|u| PageRef::Url(u.to_owned()));
    }
    Ok((report, newest, new_etag))
}

enum PageRef {
    Embedded(Value),
    Url(String),
}

/// An outbox entry goes through the same rules as the inbox, with the outbox's owner as
/// the one who vouches: only the owner's own changes, to objects on its server, addressed
/// to Public; a re-shared object is fetched from its own origin. Anything else is skipped
/// (and counted), never stored as given.
async fn apply_outbox_activity(node: &Node, owner: &str, activity: &Value) -> anyhow::Result<ApplyOutcome> {
    let vouched = parse_activity(activity, id_rules(node))
        .and_then(|activity| activity.vouched_by(Voucher::Outbox { owner: owner.to_owned() }));
    match vouched {
        Ok(vouched) => apply_vouched(node, vouched).await,
        Err(refusal) => {
            let id = activity.get("id").and_then(Value::as_str).unwrap_or_default();
            tracing::info!(%owner, activity = id, code = refusal.code(), reason = %refusal, "outbox entry refused");
            Ok(ApplyOutcome::Refused(refusal))
        }
    }
}

/// Asks for a catch-up with every followed peer (the sync worker's periodic round).
pub async fn request_sync_of_all_following(node: &Node) -> sqlx::Result<()> {
    storage::peer_sync::request_sync_of_all_following(&node.pool).await.map(|_| ())
}

/// One pass of the sync worker: every peer with a requested sync, until `stop` says so
/// (the others stay requested). Returns how many peers were synced.
pub async fn sync_requested_peers(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let peers = storage::peer_sync::requested_peer_syncs(&node.pool).await?;
    let mut synced = 0;
    for peer in &peers {
        if stop() {
            break;
        }
        synced += 1;
        match sync_peer(node, &peer.actor_uri, &|_, _| {}).await {
            Ok(report) => {
                tracing::info!(peer = %peer.actor_uri, activities = report.activities, unchanged = report.unchanged, "synced with a peer")
            }
            Err(e) => tracing::warn!(peer = %peer.actor_uri, error = format!("{e:#}"), "sync with a peer failed"),
        }
    }
    Ok(synced)
}
