//! Group commit of the inbox. Every verified activity is recorded in the inbox log, and a
//! replica it carries (a Create or Update with its object embedded, from an actor we
//! follow) is written in the same transaction, before the inbox answers 202: a 202 means
//! durably stored, and applying keeps up with accepting.
//!
//! Concurrent requests share one transaction: each puts its entry in a queue and waits
//! for the writer lock; whoever holds it takes every queued entry (up to [`MAX_BATCH`]) and
//! commits them together, so one commit carries the entries that arrived while the
//! previous one was running. The CPU work (parsing, validation, rendering, analysis) is
//! done by each request before it queues, in parallel. What cannot be applied from the
//! payload alone (an object given by id, a re-share, follows, deletions) is recorded
//! pending, and the inbox worker applies it afterwards ([`super::apply`]).

use super::replicas::{after_replica_commit, write_replica, PreparedReplica, ReplicaOutcome, WrittenReplica};
use crate::operations::Node;
use crate::storage::{self, timestamp};
use anyhow::Context;
use sqlx::{SqliteConnection, SqliteExecutor};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// Entries committed together at most (the rest wait for the next commit).
pub const MAX_BATCH: usize = 256;

/// A verified activity to record.
pub(crate) struct Entry {
    pub activity_id: String,
    pub actor: String,
    pub kind: String,
    pub payload: String,
    /// The replica it carries, ready to write, when it can be applied from the payload.
    pub replica: Option<PreparedReplica>,
}

/// What recording an activity did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// Recorded and applied in the same commit.
    Applied,
    /// Recorded; the inbox worker applies it.
    Pending,
    /// Seen before: nothing to do.
    Duplicate,
}

struct Job {
    entry: Entry,
    answer: oneshot::Sender<Result<Recorded, Arc<anyhow::Error>>>,
}

/// The queue of entries waiting for a commit, and the inbox's backlog.
pub struct IngestQueue {
    waiting: Mutex<Vec<Job>>,
    writer: Arc<tokio::sync::Mutex<()>>,
    /// Activities recorded and not applied yet, as last counted (see [`set_backlog`]).
    backlog: AtomicUsize,
    /// Where commits run: a thread of their own (see [`CommitThread`]).
    runtime: tokio::runtime::Handle,
    /// Ends that thread when the queue goes (with its node).
    _thread: CommitThread,
}

impl IngestQueue {
    /// A queue with its commit thread, or the current runtime if no thread can be started.
    pub fn start() -> IngestQueue {
        let (runtime, thread) = CommitThread::start().unwrap_or_else(|e| {
            tracing::warn!(error = %e, "no thread of its own for the inbox's commits; they share the main runtime");
            (tokio::runtime::Handle::current(), CommitThread { _stop: None })
        });
        IngestQueue {
            waiting: Mutex::default(),
            writer: Arc::default(),
            backlog: AtomicUsize::new(0),
            runtime,
            _thread: thread,
        }
    }

    /// Recorded activities waiting for the inbox worker.
    pub fn backlog(&self) -> usize {
        self.backlog.load(Ordering::Relaxed)
    }

    fn take_batch(&self) -> Vec<Job> {
        let mut waiting = self.waiting.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let rest = waiting.len().saturating_sub(MAX_BATCH);
        let mut batch = std::mem::take(&mut *waiting);
        *waiting = batch.split_off(batch.len() - rest);
        batch
    }
}

/// The thread that drives group commits: a single-threaded runtime with nothing else to
/// run. A commit is a chain of statements, each a round trip to the database's own
/// thread; the task that sends the next one must wake at once when the previous one
/// answers. On the HTTP workers it waited behind requests being prepared, on the main
/// runtime behind the workers' tasks: at saturation those waits, not SQLite, set the pace.
struct CommitThread {
    _stop: Option<oneshot::Sender<()>>,
}

impl CommitThread {
    fn start() -> std::io::Result<(tokio::runtime::Handle, CommitThread)> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let handle = runtime.handle().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        std::thread::Builder::new().name("inbox-commits".into()).spawn(move || {
            // Runs until the queue is dropped (its sender with it).
            let _ = runtime.block_on(stopped);
        })?;
        Ok((handle, CommitThread { _stop: Some(stop) }))
    }
}

/// The inbox worker counted what is still pending.
pub async fn set_backlog(node: &Node) -> sqlx::Result<usize> {
    let pending = storage::inbox_log::count_pending_inbox_activities(&node.pool).await?;
    let pending = usize::try_from(pending).unwrap_or(usize::MAX);
    node.ingest.backlog.store(pending, Ordering::Relaxed);
    Ok(pending)
}

/// A group commit's failure, shared by every request of its batch (`anyhow::Error` cannot
/// be cloned): it reads as the error did and keeps its cause chain.
#[derive(Debug)]
struct CommitFailed(Arc<anyhow::Error>);

impl std::fmt::Display for CommitFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl std::error::Error for CommitFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let error: &(dyn std::error::Error + Send + Sync + 'static) = self.0.as_ref().as_ref();
        error.source()
    }
}

/// Records `entry` (and writes its replica) in the next group commit; returns once that
/// commit is durable.
pub(crate) async fn record(node: &Node, entry: Entry) -> anyhow::Result<Recorded> {
    let (answer, answered) = oneshot::channel();
    node.ingest.waiting.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(Job { entry, answer });
    let writer = node.ingest.writer.clone().lock_owned().await;
    let batch = node.ingest.take_batch();
    if batch.is_empty() {
        // An earlier holder of the lock committed our entry.
        drop(writer);
    } else {
        // The commit runs in a task of its own, holding the lock: a request that goes
        // away (its client hung up) cannot cut a commit that carries others' entries.
        let node = node.clone();
        node.ingest.runtime.clone().spawn(async move {
            let written = commit_batch(&node, batch).await;
            drop(writer);
            for written in written {
                after_replica_commit(&node, written).await;
            }
        });
    }
    match answered.await {
        Ok(result) => result.map_err(|e| anyhow::Error::new(CommitFailed(e))),
        Err(_) => anyhow::bail!("the group commit stopped before answering"),
    }
}

/// Commits `batch` in one transaction and answers each entry; on failure every entry of
/// the batch gets the error and nothing of it is kept. Returns the replicas written, whose
/// after-commit work runs once the writer lock is released.
async fn commit_batch(node: &Node, batch: Vec<Job>) -> Vec<WrittenReplica> {
    let size = batch.len();
    let (jobs, entries): (Vec<_>, Vec<_>) = batch.into_iter().map(|job| (job.answer, job.entry)).unzip();
    match write_batch(node, &entries).await {
        Ok(results) => {
            // The backlog grows before anyone hears 202, so the next request sees it.
            let pending = results.iter().filter(|(recorded, _)| *recorded == Recorded::Pending).count();
            node.ingest.backlog.fetch_add(pending, Ordering::Relaxed);
            node.metrics.inbox_batch(size);
            let mut written_replicas = Vec::new();
            for (answer, (recorded, written)) in jobs.into_iter().zip(results) {
                written_replicas.extend(written);
                let _ = answer.send(Ok(recorded));
            }
            if pending > 0 {
                node.inbox_signal.notify_one();
            }
            written_replicas
        }
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), size, "an inbox group commit failed");
            let shared = Arc::new(e);
            for answer in jobs {
                let _ = answer.send(Err(shared.clone()));
            }
            Vec::new()
        }
    }
}

type Written = (Recorded, Option<WrittenReplica>);

/// Writes a batch in one transaction. If one of its replicas fails to write, the batch
/// is rolled back and written again one entry per transaction, so that the failure stays
/// with its own activity: recorded pending, payload included, for the worker to retry.
/// (No savepoint per entry: each would make the full-text index flush its pending terms.)
async fn write_batch(node: &Node, entries: &[Entry]) -> anyhow::Result<Vec<Written>> {
    if let Ok(results) = try_write(node, entries).await? {
        return Ok(results);
    }
    let mut results = Vec::with_capacity(entries.len());
    for entry in entries {
        match try_write(node, std::slice::from_ref(entry)).await? {
            Ok(written) => results.extend(written),
            Err(e) => {
                tracing::warn!(activity_id = %entry.activity_id, error = format!("{e:#}"), "failed to apply an activity at once; the worker retries");
                results.push(record_pending(node, entry).await?);
            }
        }
    }
    Ok(results)
}

/// The transaction of `entries`: each one's inbox-log row, and its replica when it has
/// one and its actor is followed (not in relay mode, whose re-shares the worker sends).
/// An applied activity's row keeps no payload (the replica holds the document). The
/// outer error is the database's; the inner one, a replica that failed to write (the
/// transaction is then rolled back).
async fn try_write(node: &Node, entries: &[Entry]) -> anyhow::Result<Result<Vec<Written>, anyhow::Error>> {
    let now = timestamp(node.clock.now());
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start the inbox transaction")?;
    let mut results = Vec::with_capacity(entries.len());
    let direct_actors = actors_applied_directly(&mut tx, entries).await?;
    for entry in entries {
        let direct = entry.replica.is_some() && direct_actors.contains(entry.actor.as_str());
        // An activity applied here is recorded as applied with the usual outcome (a new
        // replica), corrected below if it had another: one statement, not two.
        let fresh = if direct {
            storage::inbox_log::record_applied_inbox_activity(
                &mut *tx,
                &entry.activity_id,
                &entry.actor,
                &entry.kind,
                ReplicaOutcome::Stored.code(),
                &now,
            )
            .await
        } else {
            insert_pending(&mut *tx, entry, &now).await
        }
        .context("Failed to record an incoming activity")?;
        let result = match (&entry.replica, fresh) {
            (_, false) => (Recorded::Duplicate, None),
            (Some(replica), true) if direct => match apply(&mut tx, node, entry, replica, &now).await {
                Ok(written) => (Recorded::Applied, Some(written)),
                Err(e) => return Ok(Err(e)),
            },
            _ => (Recorded::Pending, None),
        };
        results.push(result);
    }
    tx.commit().await.context("Failed to commit the inbox transaction")?;
    Ok(Ok(results))
}

async fn apply(
    conn: &mut SqliteConnection,
    node: &Node,
    entry: &Entry,
    replica: &PreparedReplica,
    now: &str,
) -> anyhow::Result<WrittenReplica> {
    let written = write_replica(conn, node, replica).await?;
    if written.outcome != ReplicaOutcome::Stored {
        storage::inbox_log::mark_inbox_processed(conn, &entry.activity_id, written.outcome.code(), now).await?;
    }
    Ok(written)
}

/// Records an activity pending, in a transaction of its own.
async fn record_pending(node: &Node, entry: &Entry) -> anyhow::Result<Written> {
    let now = timestamp(node.clock.now());
    let fresh = insert_pending(&node.pool, entry, &now).await.context("Failed to record an incoming activity")?;
    Ok((if fresh { Recorded::Pending } else { Recorded::Duplicate }, None))
}

/// The inbox-log row of an activity left to the inbox worker, payload included; false if
/// the activity was recorded before.
async fn insert_pending(db: impl SqliteExecutor<'_>, entry: &Entry, now: &str) -> sqlx::Result<bool> {
    storage::inbox_log::record_inbox_activity(db, &entry.activity_id, &entry.actor, &entry.kind, &entry.payload, now)
        .await
}

/// The actors of `entries` whose changes are applied from the payload: those we follow
/// (not rejected, not in relay mode). Lineage from an actor we do not follow, or a relayed
/// peer, takes the worker's full path. One statement for the batch.
async fn actors_applied_directly(conn: &mut SqliteConnection, entries: &[Entry]) -> anyhow::Result<HashSet<String>> {
    let mut actors: Vec<&str> = entries.iter().filter(|e| e.replica.is_some()).map(|e| e.actor.as_str()).collect();
    if actors.is_empty() {
        return Ok(HashSet::new());
    }
    actors.sort_unstable();
    actors.dedup();
    let follows = storage::following::find_followings(&mut *conn, &actors).await?;
    Ok(follows
        .into_iter()
        .filter(|f| f.state != crate::storage::states::FollowState::Rejected && !f.relay)
        .map(|f| f.actor_uri)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_request_of_a_failed_batch_gets_the_whole_cause_chain() {
        let failure = Arc::new(anyhow::anyhow!("database is locked").context("Failed to commit a batch"));
        let first = anyhow::Error::new(CommitFailed(failure.clone()));
        let second = anyhow::Error::new(CommitFailed(failure));
        for answer in [first, second] {
            assert_eq!(format!("{answer:#}"), "Failed to commit a batch: database is locked");
            assert_eq!(answer.chain().count(), 2);
        }
    }
}
