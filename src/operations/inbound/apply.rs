//! Applying an inbound activity that passed the authority rules
//! ([`crate::federation::inbound`]), whether the inbox received it or catch-up read it
//! from an outbox: follows and their answers, replicas of Create/Update, tombstones for
//! Delete, and Announce (re-shares), whose object is always fetched from its own origin.
//! Each application ends in an [`ApplyOutcome`], stored in the inbox log by its code. In
//! relay mode, changes from chosen peers are re-shared to our own followers.

use super::inbox::id_rules;
use super::replicas::{apply_remote_article, apply_remote_delete, withdraw_replica, Finality, ReplicaOutcome};
use crate::federation::article::{parse_article, ArticleError};
use crate::federation::client::FetchError;
use crate::federation::inbound::{check_fetched_object, parse_activity, InboundKind, Refusal, Vouched, Voucher};
use crate::federation::vocab::{id_of, origin_of};
use crate::operations::{items::queries, outbound::follow, Node, OperationError};
use crate::storage::inbox_log::PendingActivity;
use crate::storage::{self, timestamp};
use anyhow::Context;
use serde_json::Value;

/// What applying an activity did.
#[derive(Debug, PartialEq, Eq)]
pub enum ApplyOutcome {
    FollowerRecorded,
    FollowAccepted,
    FollowRejected,
    /// An Accept or Reject of a follow we did not send.
    NoMatchingFollow,
    /// A Follow of someone else than our actor.
    FollowOfAnotherActor,
    FollowerRemoved,
    /// An Undo of something else than a follow.
    UndoOfSomethingElse,
    /// The actor deleted itself: it no longer follows us.
    ActorDeleted,
    /// A change from an actor we do not follow (and whose items we do not hold).
    NotFollowing,
    Replica(ReplicaOutcome),
    /// Refused by the authority or addressing rules.
    Refused(Refusal),
    /// An activity this node does not act on (or not from where it came).
    Unsupported,
}

impl ApplyOutcome {
    /// The stable code kept in the inbox log.
    pub fn code(&self) -> &'static str {
        match self {
            ApplyOutcome::FollowerRecorded => "follower_recorded",
            ApplyOutcome::FollowAccepted => "follow_accepted",
            ApplyOutcome::FollowRejected => "follow_rejected",
            ApplyOutcome::NoMatchingFollow => "no_matching_follow",
            ApplyOutcome::FollowOfAnotherActor => "follow_of_another_actor",
            ApplyOutcome::FollowerRemoved => "follower_removed",
            ApplyOutcome::UndoOfSomethingElse => "undo_of_something_else",
            ApplyOutcome::ActorDeleted => "actor_deleted",
            ApplyOutcome::NotFollowing => "not_following",
            ApplyOutcome::Replica(outcome) => outcome.code(),
            ApplyOutcome::Refused(refusal) => refusal.code(),
            ApplyOutcome::Unsupported => "unsupported",
        }
    }
}

/// Applies one activity recorded by the inbox (signed by its actor when it arrived).
async fn apply_recorded(node: &Node, value: &Value) -> anyhow::Result<ApplyOutcome> {
    let activity = match parse_activity(value, id_rules(node)) {
        Ok(activity) => activity,
        Err(refusal) => return Ok(ApplyOutcome::Refused(refusal)),
    };
    let signer = activity.actor.clone();
    match activity.vouched_by(Voucher::Signature { signer }) {
        Ok(vouched) => apply_vouched(node, vouched).await,
        Err(refusal) => Ok(ApplyOutcome::Refused(refusal)),
    }
}

/// Applies an activity whose authority was checked. What an outbox vouches for is only
/// a change to the owner's items or a re-share; follows come to the inbox.
pub async fn apply_vouched(node: &Node, vouched: Vouched) -> anyhow::Result<ApplyOutcome> {
    let from_outbox = matches!(vouched.voucher, Voucher::Outbox { .. });
    let activity = vouched.activity;
    let actor = activity.actor.as_str();
    let outcome = match activity.kind {
        InboundKind::Follow { .. }
        | InboundKind::Accept { .. }
        | InboundKind::Reject { .. }
        | InboundKind::Undo { .. }
            if from_outbox =>
        {
            ApplyOutcome::Unsupported
        }
        InboundKind::Follow { object } => {
            if object.as_deref() != Some(node.actor_uri().as_str()) {
                return Ok(ApplyOutcome::FollowOfAnotherActor);
            }
            follow::receive_follow(node, actor, &activity.raw).await?;
            ApplyOutcome::FollowerRecorded
        }
        InboundKind::Accept { follow } => answer_follow(node, actor, follow.as_deref(), true).await?,
        InboundKind::Reject { follow } => answer_follow(node, actor, follow.as_deref(), false).await?,
        InboundKind::Undo { follow: true } => {
            let mut conn = node.pool.acquire().await?;
            storage::followers::delete_follower(&mut conn, actor).await?;
            ApplyOutcome::FollowerRemoved
        }
        InboundKind::Undo { follow: false } => ApplyOutcome::UndoOfSomethingElse,
        InboundKind::Create(change) | InboundKind::Update(change) if !change.public => {
            withdraw_if_no_longer_public(node, actor, &change.object_id).await?
        }
        InboundKind::Create(change) | InboundKind::Update(change) => {
            let object = change.embedded.clone().unwrap_or(Value::String(change.object_id.clone()));
            if !accepts_changes_from(node, actor, &object).await? {
                return Ok(ApplyOutcome::NotFollowing);
            }
            let object = match change.embedded {
                Some(object) => object,
                // Given by id on the actor's own server: its origin's word is fetched.
                None => match fetch_from_origin(node, &change.object_id, change.public).await? {
                    (object, Ok(_)) => object,
                    (_, Err(Refusal::NotPublic)) => {
                        return withdraw_if_no_longer_public(node, actor, &change.object_id).await
                    }
                    (_, Err(refusal)) => return Ok(ApplyOutcome::Refused(refusal)),
                },
            };
            let outcome = apply_article(node, actor, &object).await?;
            relay_if_chosen(node, actor, &change.object_id, ApplyOutcome::Replica(outcome)).await?
        }
        InboundKind::Delete { object } if object == actor => {
            let mut conn = node.pool.acquire().await?;
            storage::followers::delete_follower(&mut conn, actor).await?;
            ApplyOutcome::ActorDeleted
        }
        InboundKind::Delete { object } => {
            if !accepts_changes_from(node, actor, &Value::String(object.clone())).await? {
                return Ok(ApplyOutcome::NotFollowing);
            }
            let outcome = apply_remote_delete(node, actor, &object).await?;
            relay_if_chosen(node, actor, &object, ApplyOutcome::Replica(outcome)).await?
        }
        InboundKind::Announce { object, public } => {
            if !follows(node, actor).await? {
                return Ok(ApplyOutcome::NotFollowing);
            }
            let outcome = apply_announce(node, &object, public).await?;
            relay_if_chosen(node, actor, &object, outcome).await?
        }
        InboundKind::Other => ApplyOutcome::Unsupported,
    };
    Ok(outcome)
}

async fn answer_follow(node: &Node, actor: &str, follow: Option<&str>, accepted: bool) -> anyhow::Result<ApplyOutcome> {
    let state = if accepted {
        crate::storage::states::FollowState::Accepted
    } else {
        crate::storage::states::FollowState::Rejected
    };
    let now = timestamp(node.clock.now());
    if !storage::following::answer_following(&node.pool, actor, follow, state, &now).await? {
        return Ok(ApplyOutcome::NoMatchingFollow);
    }
    if !accepted {
        return Ok(ApplyOutcome::FollowRejected);
    }
    // Backfill: the sync worker pulls the peer's whole outbox.
    storage::peer_sync::request_peer_sync(&node.pool, actor).await?;
    node.sync_signal.notify_one();
    Ok(ApplyOutcome::FollowAccepted)
}

/// A re-shared object carries no authority: fetch it from its origin and apply that
/// (its author is whoever its origin says, on that server). A 404 or 410 from the origin
/// is its deletion. `announce_public`: the Announce was addressed to Public.
async fn apply_announce(node: &Node, uri: &str, announce_public: bool) -> anyhow::Result<ApplyOutcome> {
    let (object, vouched_author) = match fetch_from_origin(node, uri, announce_public).await {
        Ok(fetched) => fetched,
        Err(e) if is_gone(&e) => return Ok(ApplyOutcome::Replica(withdraw_if_held(node, uri).await?)),
        Err(e) => return Err(e),
    };
    let author = match vouched_author {
        Ok(author) => author,
        Err(Refusal::NotPublic) => {
            let author = object.get("attributedTo").and_then(id_of).unwrap_or_default();
            return withdraw_if_no_longer_public(node, author, uri).await;
        }
        Err(refusal) => return Ok(ApplyOutcome::Refused(refusal)),
    };
    Ok(ApplyOutcome::Replica(apply_article(node, &author, &object).await?))
}

/// Stores or updates the replica of `object`, an Article by `author` (other objects, such
/// as Notes from microblogging servers, are not items).
async fn apply_article(node: &Node, author: &str, object: &Value) -> anyhow::Result<ReplicaOutcome> {
    match parse_article(object) {
        Ok(article) => apply_remote_article(node, author, article).await,
        Err(ArticleError::NotAnArticle(_)) => Ok(ReplicaOutcome::NotAnItem),
        Err(e) => Ok(ReplicaOutcome::Invalid(e.to_string())),
    }
}

/// Fetches `uri` from its own origin (signed GET, redirects checked); returns the object
/// and, if its origin vouches for it ([`check_fetched_object`]), its author, or else why
/// it is refused.
async fn fetch_from_origin(
    node: &Node,
    uri: &str,
    activity_public: bool,
) -> anyhow::Result<(Value, Result<String, Refusal>)> {
    let object = node.client.fetch_json(uri).await.with_context(|| format!("Failed to fetch {uri}"))?;
    let author = check_fetched_object(uri, &object, activity_public, id_rules(node));
    Ok((object, author))
}

/// The origin narrowed the audience of `uri`: a replica we hold of it from `origin_actor`
/// leaves public view (reversibly); anything else is refused as not public.
async fn withdraw_if_no_longer_public(node: &Node, origin_actor: &str, uri: &str) -> anyhow::Result<ApplyOutcome> {
    match withdraw_replica(node, origin_actor, uri, Finality::Reversible).await? {
        ReplicaOutcome::Withdrawn => Ok(ApplyOutcome::Replica(ReplicaOutcome::Withdrawn)),
        _ => Ok(ApplyOutcome::Refused(Refusal::NotPublic)),
    }
}

fn is_gone(error: &anyhow::Error) -> bool {
    matches!(error.downcast_ref::<FetchError>(), Some(FetchError::Status(_, 404 | 410)))
}

/// The origin says an announced object is gone: withdraw our replica of it, if any.
async fn withdraw_if_held(node: &Node, uri: &str) -> anyhow::Result<ReplicaOutcome> {
    match queries::item_by_uri(node, uri).await {
        Ok(item) => match item.origin {
            Some(origin) if origin_of(&origin) == origin_of(uri) => apply_remote_delete(node, &origin, uri).await,
            _ => Ok(ReplicaOutcome::LocalItem),
        },
        Err(OperationError::NotFound) => Ok(ReplicaOutcome::NotAnItem),
        Err(e) => Err(anyhow::Error::new(e).context(format!("Failed to look up {uri}"))),
    }
}

/// In relay mode, what arrives from a chosen peer is re-shared to our followers.
async fn relay_if_chosen(node: &Node, from: &str, uri: &str, outcome: ApplyOutcome) -> anyhow::Result<ApplyOutcome> {
    let changed = matches!(
        outcome,
        ApplyOutcome::Replica(ReplicaOutcome::Stored | ReplicaOutcome::Updated | ReplicaOutcome::Tombstoned)
    );
    if changed && storage::following::is_relayed(&node.pool, from).await? {
        crate::operations::outbound::announce::announce(node, uri).await?;
    }
    Ok(outcome)
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

async fn follows(node: &Node, actor_uri: &str) -> anyhow::Result<bool> {
    Ok(storage::following::find_following(&node.pool, actor_uri)
        .await?
        .is_some_and(|f| f.state != crate::storage::states::FollowState::Rejected))
}

/// Attempts before an activity that keeps failing (e.g. its object cannot be fetched) is
/// given up and marked failed.
pub const MAX_APPLY_ATTEMPTS: i64 = 5;

/// Applies every recorded activity not applied yet (after a restart, or right after
/// recording). A failure (database busy, origin unreachable) leaves the activity pending
/// for the next pass, up to [`MAX_APPLY_ATTEMPTS`]. Stops before the next activity once
/// `stop` says so (the rest stay pending). Returns how many were applied.
pub async fn apply_pending_activities(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let pending = storage::inbox_log::pending_inbox_activities(&node.pool, 100).await?;
    let mut applied = 0;
    for PendingActivity { activity_id, payload, attempts } in pending {
        if stop() {
            break;
        }
        let result = match serde_json::from_str::<Value>(&payload) {
            Ok(activity) => apply_recorded(node, &activity).await,
            Err(e) => Err(anyhow::Error::new(e).context("Failed to read a recorded activity")),
        };
        let code = match result {
            Ok(outcome) => {
                if let ApplyOutcome::Replica(ReplicaOutcome::Invalid(why)) = &outcome {
                    tracing::info!(%activity_id, %why, "an activity carried an invalid item");
                }
                outcome.code()
            }
            Err(e) if attempts + 1 < MAX_APPLY_ATTEMPTS => {
                tracing::warn!(%activity_id, attempts, error = format!("{e:#}"), "failed to apply an activity; will retry");
                storage::inbox_log::count_inbox_attempt(&node.pool, &activity_id).await?;
                continue;
            }
            Err(e) => {
                tracing::warn!(%activity_id, error = format!("{e:#}"), "giving up on an activity");
                "failed"
            }
        };
        tracing::debug!(%activity_id, outcome = code, "activity applied");
        storage::inbox_log::mark_inbox_processed(&node.pool, &activity_id, code, &timestamp(node.clock.now())).await?;
        applied += 1;
    }
    Ok(applied)
}
