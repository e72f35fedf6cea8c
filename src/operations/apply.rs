//! Applying a verified, recorded activity: follows and their answers, replicas of
//! Create/Update, tombstones for Delete, and Announce (re-shares), whose object is always
//! fetched from its own origin. Unknown activities are recorded and ignored.

use super::replicas::{apply_remote_article, apply_remote_delete};
use super::{follow, Node};
use crate::federation::article::parse_article;
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
        "Create" | "Update" => {
            if !follows(node, actor_uri).await? {
                return Ok("ignored: not following the actor".into());
            }
            let object = if object.is_string() { fetch_object(node, id_of(&object).unwrap_or_default()).await? } else { object };
            match parse_article(&object) {
                Ok(article) => format!("{:?}", apply_remote_article(node, actor_uri, article).await?),
                Err(e) => format!("ignored: {e}"),
            }
        }
        "Delete" => {
            let uri = id_of(&object).ok_or_else(|| anyhow!("Delete without object"))?;
            if uri == actor_uri {
                let mut conn = node.pool.acquire().await?;
                storage::federation::delete_follower(&mut conn, actor_uri).await?;
                "actor deleted".into()
            } else {
                format!("{:?}", apply_remote_delete(node, actor_uri, uri).await?)
            }
        }
        "Announce" => {
            if !follows(node, actor_uri).await? {
                return Ok("ignored: not following the announcer".into());
            }
            let uri = id_of(&object).ok_or_else(|| anyhow!("Announce without object"))?;
            apply_announce(node, uri).await?
        }
        other => format!("ignored: {other}"),
    };
    Ok(outcome)
}

/// A re-shared object carries no authority: fetch it from its origin and apply that.
async fn apply_announce(node: &Node, uri: &str) -> anyhow::Result<String> {
    let object = fetch_object(node, uri).await?;
    let article = match parse_article(&object) {
        Ok(article) => article,
        Err(e) => return Ok(format!("ignored: {e}")),
    };
    let Some(author) = article.attributed_to.clone() else {
        return Ok("ignored: announced object without attributedTo".into());
    };
    if origin_of(&author) != origin_of(&article.id) || article.id != uri {
        return Ok("ignored: announced object not served by its own origin".into());
    }
    Ok(format!("{:?}", apply_remote_article(node, &author, article).await?))
}

async fn fetch_object(node: &Node, uri: &str) -> anyhow::Result<Value> {
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
/// for the next pass, up to [`MAX_APPLY_ATTEMPTS`]. Returns how many were applied.
pub async fn apply_pending_activities(node: &Node) -> anyhow::Result<usize> {
    let pending = storage::federation::pending_inbox_activities(&node.pool, 100).await?;
    let mut applied = 0;
    for (activity_id, payload, attempts) in pending {
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
        storage::federation::mark_inbox_processed(&node.pool, &activity_id, &outcome, &timestamp(node.clock.now())).await?;
        applied += 1;
    }
    Ok(applied)
}
