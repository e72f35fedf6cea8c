//! Applying a verified, recorded activity: follows and their answers, replicas of
//! Create/Update, tombstones for Delete, and Announce (re-shares), whose object is always
//! fetched from its own origin. Unknown activities are recorded and ignored. In relay
//! mode, changes from chosen peers are re-shared to our own followers.

use super::replicas::{apply_remote_article, apply_remote_delete, ReplicaOutcome};
use super::{follow, queries, Node, OperationError};
use crate::federation::article::parse_article;
use crate::federation::client::FetchError;
use crate::federation::vocab::{id_of, origin_of, type_of};
use crate::storage::{self, timestamp};
use anyhow::{anyhow, Context};
use serde_json::Value;

/// Applies one activity and returns a short outcome for the inbox log.
pub async fn apply_activity(node: &Node, activity: &Value) -> anyhow::Result<String> {
    let kind = type_of(activity).unwrap_or("");
    let actor_uri = activity.get("actor").and_then(id_of).ok_or_else(|| anyhow!("no actor"))?;
    let object = activity.get("object").cloned().unwrap_or(Value::Null);
    let outcome = match kind {
        "Follow" => {
            if id_of(&object) != Some(node.actor_uri().as_str()) {
                return Ok("ignored: follow of another actor".into());
            }
            follow::receive_follow(node, actor_uri, activity).await?;
            "follower recorded".into()
        }
        "Accept" | "Reject" => {
            let state = if kind == "Accept" { "accepted" } else { "rejected" };
            let follow_id = id_of(&object).filter(|_| type_of(&object) != Some("Undo"));
            let now = timestamp(node.clock.now());
            if storage::federation::answer_following(&node.pool, actor_uri, follow_id, state, &now).await? {
                if kind == "Accept" {
                    // Backfill: the sync worker pulls the peer's whole outbox.
                    storage::federation::request_peer_sync(&node.pool, actor_uri).await?;
                    node.sync_signal.notify_one();
                }
                format!("follow {state}")
            } else {
                "ignored: no matching follow".into()
            }
        }
        "Undo" => {
            if type_of(&object) == Some("Follow") || object.is_string() {
                let mut conn = node.pool.acquire().await?;
                storage::federation::delete_follower(&mut conn, actor_uri).await?;
                "follower removed".into()
            } else {
                "ignored: undo of something else".into()
            }
        }
        "Create" | "Update" | "Delete" => {
            if !accepts_changes_from(node, actor_uri, &object).await? {
                return Ok("ignored: not following the actor".into());
            }
            apply_change(node, actor_uri, kind, object).await?
        }
        "Announce" => {
            if !follows(node, actor_uri).await? {
                return Ok("ignored: not following the announcer".into());
            }
            let uri = id_of(&object).ok_or_else(|| anyhow!("Announce without object"))?;
            let outcome = apply_announce(node, uri).await?;
            relay_if_chosen(node, actor_uri, uri, &outcome).await?;
            format!("{outcome:?}")
        }
        other => format!("ignored: {other}"),
    };
    Ok(outcome)
}

/// Applies a Create, Update or Delete whose authority was checked (the object is on the
/// actor's server), from the inbox or from the actor's outbox; re-shares it when the
/// actor is relayed.
pub(crate) async fn apply_change(node: &Node, actor_uri: &str, kind: &str, object: Value) -> anyhow::Result<String> {
    let uri = id_of(&object).ok_or_else(|| anyhow!("{kind} without object"))?.to_owned();
    let outcome = if kind == "Delete" {
        if uri == actor_uri {
            let mut conn = node.pool.acquire().await?;
            storage::federation::delete_follower(&mut conn, actor_uri).await?;
            return Ok("actor deleted".into());
        }
        apply_remote_delete(node, actor_uri, &uri).await?
    } else {
        let object = if object.is_string() { fetch_object(node, &uri).await? } else { object };
        match parse_article(&object) {
            Ok(article) => apply_remote_article(node, actor_uri, article).await?,
            Err(e) => return Ok(format!("ignored: {e}")),
        }
    };
    relay_if_chosen(node, actor_uri, &uri, &outcome).await?;
    Ok(format!("{outcome:?}"))
}

/// A re-shared object carries no authority: fetch it from its origin and apply that. A
/// 410 from the origin is its deletion.
pub(crate) async fn apply_announce(node: &Node, uri: &str) -> anyhow::Result<ReplicaOutcome> {
    let object = match node.client.fetch_json(uri).await {
        Ok(object) => object,
        Err(FetchError::Status(_, 404 | 410)) => return withdraw_if_held(node, uri).await,
        Err(e) => return Err(anyhow::Error::new(e).context(format!("Failed to fetch {uri}"))),
    };
    if object.get("id").and_then(Value::as_str) != Some(uri) {
        return Err(anyhow!("{uri} served an object with another id"));
    }
    let article = match parse_article(&object) {
        Ok(article) => article,
        Err(e) => return Ok(ReplicaOutcome::Invalid(e.to_string())),
    };
    let Some(author) = article.attributed_to.clone() else {
        return Ok(ReplicaOutcome::Invalid("announced object without attributedTo".into()));
    };
    if origin_of(&author) != origin_of(uri) {
        return Ok(ReplicaOutcome::Invalid("announced object attributed to another server".into()));
    }
    apply_remote_article(node, &author, article).await
}

/// The origin says an announced object is gone: withdraw our replica of it, if any.
async fn withdraw_if_held(node: &Node, uri: &str) -> anyhow::Result<ReplicaOutcome> {
    match queries::item_by_uri(node, uri).await {
        Ok(item) => match item.origin {
            Some(origin) if origin_of(&origin) == origin_of(uri) => apply_remote_delete(node, &origin, uri).await,
            _ => Ok(ReplicaOutcome::LocalItem),
        },
        Err(OperationError::NotFound) => Ok(ReplicaOutcome::NotAnItem),
        Err(e) => Err(anyhow!("{e}")),
    }
}

/// In relay mode, what arrives from a chosen peer is re-shared to our followers.
async fn relay_if_chosen(node: &Node, from: &str, uri: &str, outcome: &ReplicaOutcome) -> anyhow::Result<()> {
    if !matches!(outcome, ReplicaOutcome::Stored | ReplicaOutcome::Updated | ReplicaOutcome::Tombstoned) {
        return Ok(());
    }
    if storage::federation::is_relayed(&node.pool, from).await? {
        super::announce::announce(node, uri).await?;
    }
    Ok(())
}

/// Changes are accepted from followed actors, from actors whose items we already hold,
/// and from any actor whose new item declares it was inspired by one of ours (lineage).
async fn accepts_changes_from(node: &Node, actor_uri: &str, object: &Value) -> anyhow::Result<bool> {
    if follows(node, actor_uri).await? {
        return Ok(true);
    }
    if let Some(uri) = id_of(object) {
        if let Ok(item) = queries::item_by_uri(node, uri).await {
            return Ok(item.origin.as_deref() == Some(actor_uri));
        }
    }
    let ours = node.base_url.as_str();
    let inspired_by_ours = object
        .get("maillage")
        .and_then(|d| d.get("inspired_by"))
        .and_then(Value::as_array)
        .is_some_and(|uris| uris.iter().filter_map(Value::as_str).any(|u| u.starts_with(ours)));
    Ok(inspired_by_ours)
}

pub(crate) async fn fetch_object(node: &Node, uri: &str) -> anyhow::Result<Value> {
    let object = node.client.fetch_json(uri).await.with_context(|| format!("Failed to fetch {uri}"))?;
    if object.get("id").and_then(Value::as_str) != Some(uri) {
        return Err(anyhow!("{uri} served an object with another id"));
    }
    Ok(object)
}

async fn follows(node: &Node, actor_uri: &str) -> anyhow::Result<bool> {
    Ok(storage::federation::find_following(&node.pool, actor_uri).await?.is_some_and(|f| f.state != "rejected"))
}

/// Attempts before an activity that keeps failing (e.g. its object cannot be fetched) is
/// given up and marked failed.
pub const MAX_APPLY_ATTEMPTS: i64 = 5;

/// Applies every recorded activity not applied yet (after a restart, or right after
/// recording). A failure (database busy, origin unreachable) leaves the activity pending
/// for the next pass, up to [`MAX_APPLY_ATTEMPTS`]. Stops before the next activity once
/// `stop` says so (the rest stay pending). Returns how many were applied.
pub async fn apply_pending_activities(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let pending = storage::federation::pending_inbox_activities(&node.pool, 100).await?;
    let mut applied = 0;
    for (activity_id, payload, attempts) in pending {
        if stop() {
            break;
        }
        let result = serde_json::from_str::<Value>(&payload).map_err(anyhow::Error::from);
        let result = match result {
            Ok(activity) => apply_activity(node, &activity).await,
            Err(e) => Err(e),
        };
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(e) if attempts + 1 < MAX_APPLY_ATTEMPTS => {
                tracing::warn!(%activity_id, attempts, error = format!("{e:#}"), "failed to apply an activity; will retry");
                storage::federation::count_inbox_attempt(&node.pool, &activity_id).await?;
                continue;
            }
            Err(e) => {
                tracing::warn!(%activity_id, error = format!("{e:#}"), "giving up on an activity");
                format!("failed: {e:#}")
            }
        };
        tracing::debug!(%activity_id, %outcome, "activity applied");
        storage::federation::mark_inbox_processed(&node.pool, &activity_id, &outcome, &timestamp(node.clock.now()))
            .await?;
        applied += 1;
    }
    Ok(applied)
}
