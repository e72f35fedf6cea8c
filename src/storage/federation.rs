//! Federation rows: remote actors (key cache), followers, follows, the activity log,
//! the delivery queue, peer health, the inbox log and tombstones.

use super::packed::PackedText;
use sqlx::{SqliteConnection, SqliteExecutor, SqlitePool};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RemoteActorRow {
    pub uri: String,
    pub inbox: String,
    pub shared_inbox: Option<String>,
    pub key_id: String,
    pub public_key_pem: String,
    pub username: Option<String>,
    pub name: Option<String>,
    pub url: Option<String>,
    pub fetched_at: String,
}

pub async fn find_remote_actor(pool: &SqlitePool, uri: &str) -> sqlx::Result<Option<RemoteActorRow>> {
    sqlx::query_as("SELECT * FROM remote_actors WHERE uri = ?").bind(uri).fetch_optional(pool).await
}

pub async fn upsert_remote_actor(pool: &SqlitePool, a: &RemoteActorRow) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO remote_actors (uri, inbox, shared_inbox, key_id, public_key_pem, username, name, url, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (uri) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
           key_id = excluded.key_id, public_key_pem = excluded.public_key_pem, username = excluded.username,
           name = excluded.name, url = excluded.url, fetched_at = excluded.fetched_at",
    )
    .bind(&a.uri)
    .bind(&a.inbox)
    .bind(&a.shared_inbox)
    .bind(&a.key_id)
    .bind(&a.public_key_pem)
    .bind(&a.username)
    .bind(&a.name)
    .bind(&a.url)
    .bind(&a.fetched_at)
    .execute(pool)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowRow {
    pub actor_uri: String,
    pub inbox: String,
    pub state: String,
    pub follow_activity_id: String,
    pub created_at: String,
}

pub async fn upsert_follower(
    conn: &mut SqliteConnection,
    actor: &str,
    inbox: &str,
    state: &str,
    follow_id: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO followers (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (actor_uri) DO UPDATE SET inbox = excluded.inbox, follow_activity_id = excluded.follow_activity_id,
           state = CASE WHEN followers.state = 'accepted' THEN 'accepted' ELSE excluded.state END",
    )
    .bind(actor)
    .bind(inbox)
    .bind(state)
    .bind(follow_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn find_follower(pool: &SqlitePool, actor: &str) -> sqlx::Result<Option<FollowRow>> {
    sqlx::query_as("SELECT actor_uri, inbox, state, follow_activity_id, created_at FROM followers WHERE actor_uri = ?")
        .bind(actor)
        .fetch_optional(pool)
        .await
}

pub async fn set_follower_state(conn: &mut SqliteConnection, actor: &str, state: &str) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE followers SET state = ? WHERE actor_uri = ?").bind(state).bind(actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_follower(conn: &mut SqliteConnection, actor: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM followers WHERE actor_uri = ?").bind(actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// A 410 from an inbox: everyone delivered there is gone.
pub async fn delete_followers_by_inbox(conn: &mut SqliteConnection, inbox: &str) -> sqlx::Result<u64> {
    Ok(sqlx::query("DELETE FROM followers WHERE inbox = ?").bind(inbox).execute(conn).await?.rows_affected())
}

pub async fn list_followers(pool: &SqlitePool) -> sqlx::Result<Vec<FollowRow>> {
    sqlx::query_as("SELECT actor_uri, inbox, state, follow_activity_id, created_at FROM followers ORDER BY created_at")
        .fetch_all(pool)
        .await
}

/// Distinct inboxes of accepted followers (shared inboxes deduplicate recipients).
pub async fn follower_inboxes(conn: &mut SqliteConnection) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("SELECT DISTINCT inbox FROM followers WHERE state = 'accepted' ORDER BY inbox")
        .fetch_all(conn)
        .await
}

pub async fn upsert_following(
    conn: &mut SqliteConnection,
    actor: &str,
    inbox: &str,
    follow_id: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO following (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, 'pending', ?, ?)
         ON CONFLICT (actor_uri) DO UPDATE SET inbox = excluded.inbox, state = 'pending',
           follow_activity_id = excluded.follow_activity_id, accepted_at = NULL",
    )
    .bind(actor)
    .bind(inbox)
    .bind(follow_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowingRow {
    pub actor_uri: String,
    pub inbox: String,
    pub state: String,
    pub follow_activity_id: String,
    pub created_at: String,
    pub accepted_at: Option<String>,
    /// Relay mode: what arrives from this peer is re-shared to our followers.
    pub relay: bool,
}

pub async fn find_following(db: impl SqliteExecutor<'_>, actor: &str) -> sqlx::Result<Option<FollowingRow>> {
    sqlx::query_as("SELECT * FROM following WHERE actor_uri = ?").bind(actor).fetch_optional(db).await
}

pub async fn list_following(pool: &SqlitePool) -> sqlx::Result<Vec<FollowingRow>> {
    sqlx::query_as("SELECT * FROM following ORDER BY created_at").fetch_all(pool).await
}

/// Marks our follow of `actor` accepted or rejected, if `follow_id` is the one we sent.
pub async fn answer_following(
    pool: &SqlitePool,
    actor: &str,
    follow_id: Option<&str>,
    state: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE following SET state = ?, accepted_at = CASE WHEN ? = 'accepted' THEN ? ELSE accepted_at END
         WHERE actor_uri = ? AND (? IS NULL OR follow_activity_id = ?)",
    )
    .bind(state)
    .bind(state)
    .bind(now)
    .bind(actor)
    .bind(follow_id)
    .bind(follow_id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_following(conn: &mut SqliteConnection, actor: &str) -> sqlx::Result<Option<FollowingRow>> {
    sqlx::query_as("DELETE FROM following WHERE actor_uri = ? RETURNING *").bind(actor).fetch_optional(conn).await
}

pub async fn is_followed_accepted(pool: &SqlitePool, actor: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM following WHERE actor_uri = ? AND state = 'accepted'")
        .bind(actor)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

pub async fn insert_activity(
    conn: &mut SqliteConnection,
    activity_id: &str,
    kind: &str,
    object_uri: Option<&str>,
    public: bool,
    payload: &str,
    now: &str,
) -> sqlx::Result<i64> {
    let done = sqlx::query(
        "INSERT INTO activities (activity_id, kind, object_uri, public, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(activity_id)
    .bind(kind)
    .bind(object_uri)
    .bind(public)
    .bind(payload)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.last_insert_rowid())
}

/// Queues `activity` for every (inbox, peer) of `recipients`, in their order, with one
/// statement (a fan-out to 10,000 inboxes is one INSERT, not 10,000).
pub async fn insert_deliveries(
    conn: &mut SqliteConnection,
    activity: i64,
    recipients: &[(&str, &str)],
    object_uri: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    let list = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
    sqlx::query(
        "INSERT OR IGNORE INTO deliveries (activity, inbox, peer, object_uri, next_attempt_at, created_at)
         SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?2, ?3, ?3
         FROM json_each(?4) ORDER BY CAST(key AS INTEGER)",
    )
    .bind(activity)
    .bind(object_uri)
    .bind(now)
    .bind(list)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn count_public_activities(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM activities WHERE public = 1").fetch_one(pool).await
}

/// Public activities, newest first, with ids below `before` (keyset paging: stable links).
pub async fn list_public_activities(
    pool: &SqlitePool,
    before: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<(i64, String)>> {
    sqlx::query_as("SELECT id, payload FROM activities WHERE public = 1 AND id < ? ORDER BY id DESC LIMIT ?")
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(pool)
        .await
}

pub async fn find_activity_payload(pool: &SqlitePool, activity_id: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT payload FROM activities WHERE activity_id = ?")
        .bind(activity_id)
        .fetch_optional(pool)
        .await
}

/// A delivery claimed by the worker.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedDelivery {
    pub id: i64,
    pub inbox: String,
    pub peer: String,
    pub attempts: i64,
    /// The activity to send (its payload is read once per activity: [`payloads_of`]).
    pub activity: i64,
}

/// Claims up to `limit` due deliveries with one UPDATE … RETURNING (SQLite has no SKIP
/// LOCKED). A delivery waits while an earlier one for the same object and inbox is
/// pending (per-object order) and while its peer's circuit is open.
pub async fn claim_due_deliveries(
    pool: &SqlitePool,
    now: &str,
    lease_until: &str,
    limit: i64,
) -> sqlx::Result<Vec<ClaimedDelivery>> {
    sqlx::query_as(
        "UPDATE deliveries SET claimed_until = ?1, attempts = attempts + 1
         WHERE id IN (
           SELECT d.id FROM deliveries d
           WHERE d.state = 'pending' AND d.next_attempt_at <= ?2 AND (d.claimed_until IS NULL OR d.claimed_until < ?2)
             AND NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.state = 'pending' AND e.inbox = d.inbox
                             AND e.object_uri IS d.object_uri AND e.id < d.id)
             AND NOT EXISTS (SELECT 1 FROM peers p WHERE p.peer = d.peer AND p.circuit_open_until > ?2)
           ORDER BY d.id LIMIT ?3)
         RETURNING id, inbox, peer, attempts, activity",
    )
    .bind(lease_until)
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Releases leases left by a process that stopped (one process per database).
pub async fn release_delivery_claims(pool: &SqlitePool) -> sqlx::Result<()> {
    sqlx::query("UPDATE deliveries SET claimed_until = NULL WHERE state = 'pending'").execute(pool).await?;
    Ok(())
}

/// Gives back a claimed delivery that was not tried (its worker is stopping), as if it had
/// never been claimed.
pub async fn release_delivery_claim(pool: &SqlitePool, id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE deliveries SET claimed_until = NULL, attempts = attempts - 1 WHERE id = ? AND state = 'pending'",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// The payloads of `activities`, by id.
pub async fn payloads_of(pool: &SqlitePool, activities: &[i64]) -> sqlx::Result<Vec<(i64, String)>> {
    let list = serde_json::to_string(activities).unwrap_or_else(|_| "[]".into());
    sqlx::query_as("SELECT id, payload FROM activities WHERE id IN (SELECT value FROM json_each(?))")
        .bind(list)
        .fetch_all(pool)
        .await
}

pub async fn finish_delivery(
    conn: &mut SqliteConnection,
    id: i64,
    state: &str,
    status: Option<i64>,
    error: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE deliveries SET state = ?, last_status = ?, last_error = ?, delivered_at = ?, claimed_until = NULL WHERE id = ?")
        .bind(state)
        .bind(status)
        .bind(error)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn retry_delivery(
    conn: &mut SqliteConnection,
    id: i64,
    next_attempt_at: &str,
    status: Option<i64>,
    error: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE deliveries SET next_attempt_at = ?, last_status = ?, last_error = ?, claimed_until = NULL WHERE id = ?",
    )
    .bind(next_attempt_at)
    .bind(status)
    .bind(error)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn earliest_pending_delivery(pool: &SqlitePool) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM deliveries WHERE state = 'pending'").fetch_one(pool).await
}

pub async fn record_peer_success(conn: &mut SqliteConnection, peer: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO peers (peer, consecutive_failures, last_success_at) VALUES (?, 0, ?)
         ON CONFLICT (peer) DO UPDATE SET consecutive_failures = 0, last_success_at = excluded.last_success_at, circuit_open_until = NULL",
    )
    .bind(peer)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Counts a failure; returns the consecutive failure count.
pub async fn record_peer_failure(conn: &mut SqliteConnection, peer: &str, error: &str, now: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO peers (peer, consecutive_failures, last_failure_at, last_error) VALUES (?, 1, ?, ?)
         ON CONFLICT (peer) DO UPDATE SET consecutive_failures = peers.consecutive_failures + 1,
           last_failure_at = excluded.last_failure_at, last_error = excluded.last_error
         RETURNING consecutive_failures",
    )
    .bind(peer)
    .bind(now)
    .bind(error)
    .fetch_one(conn)
    .await
}

pub async fn open_peer_circuit(conn: &mut SqliteConnection, peer: &str, until: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE peers SET circuit_open_until = ? WHERE peer = ?").bind(until).bind(peer).execute(conn).await?;
    Ok(())
}

/// A peer that talks to us is alive: close its circuit and make its deliveries due now.
pub async fn revive_peer(pool: &SqlitePool, peer: &str, now: &str) -> sqlx::Result<bool> {
    // Every inbox request calls this: read first, so that a healthy peer (the usual case)
    // costs no write lock.
    let unhealthy: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM peers WHERE peer = ? AND (circuit_open_until IS NOT NULL OR consecutive_failures > 0)",
    )
    .bind(peer)
    .fetch_optional(pool)
    .await?;
    if unhealthy.is_none() {
        return Ok(false);
    }
    let done = sqlx::query("UPDATE peers SET circuit_open_until = NULL, consecutive_failures = 0 WHERE peer = ? AND (circuit_open_until IS NOT NULL OR consecutive_failures > 0)")
        .bind(peer)
        .execute(pool)
        .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE deliveries SET next_attempt_at = ? WHERE peer = ? AND state = 'pending'")
            .bind(now)
            .bind(peer)
            .execute(pool)
            .await?;
        return Ok(true);
    }
    Ok(false)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PeerQueueRow {
    pub peer: String,
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
    pub next_attempt_at: Option<String>,
    pub oldest_pending_at: Option<String>,
    pub consecutive_failures: i64,
    pub last_success_at: Option<String>,
    pub last_failure_at: Option<String>,
    pub last_error: Option<String>,
    pub circuit_open_until: Option<String>,
}

pub async fn peer_queue_states(pool: &SqlitePool) -> sqlx::Result<Vec<PeerQueueRow>> {
    sqlx::query_as(
        "WITH names AS (SELECT peer FROM peers UNION SELECT DISTINCT peer FROM deliveries)
         SELECT n.peer,
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending') AS pending,
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'delivered') AS delivered,
           (SELECT COUNT(*) FROM deliveries d WHERE d.peer = n.peer AND d.state IN ('failed', 'gone')) AS failed,
           (SELECT MIN(next_attempt_at) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending') AS next_attempt_at,
           (SELECT MIN(created_at) FROM deliveries d WHERE d.peer = n.peer AND d.state = 'pending') AS oldest_pending_at,
           COALESCE(p.consecutive_failures, 0) AS consecutive_failures, p.last_success_at, p.last_failure_at, p.last_error,
           p.circuit_open_until
         FROM names n LEFT JOIN peers p ON p.peer = n.peer ORDER BY n.peer",
    )
    .fetch_all(pool)
    .await
}

/// Records an incoming activity; false when its id was seen before (dedupe).
pub async fn record_inbox_activity(
    db: impl SqliteExecutor<'_>,
    activity_id: &str,
    actor: &str,
    kind: &str,
    payload: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT OR IGNORE INTO inbox_log (activity_id, actor, kind, payload, received_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(activity_id)
    .bind(actor)
    .bind(kind)
    .bind(payload)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Activities recorded but not applied yet, oldest first, each with its failed attempts.
pub async fn pending_inbox_activities(pool: &SqlitePool, limit: i64) -> sqlx::Result<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "SELECT activity_id, payload, attempts FROM inbox_log WHERE processed_at IS NULL ORDER BY received_at LIMIT ?",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// How many recorded activities are not applied yet.
pub async fn count_pending_inbox_activities(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM inbox_log WHERE processed_at IS NULL").fetch_one(pool).await
}

/// Counts a failed attempt to apply an activity; it stays pending.
pub async fn count_inbox_attempt(pool: &SqlitePool, activity_id: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE inbox_log SET attempts = attempts + 1 WHERE activity_id = ?")
        .bind(activity_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Marks an activity applied with `outcome`; its payload is dropped (the log keeps who
/// sent what and when, for dedupe and audit; what it carried is stored where it applied).
pub async fn mark_inbox_processed(
    db: impl SqliteExecutor<'_>,
    activity_id: &str,
    outcome: &str,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE inbox_log SET processed_at = ?, outcome = ?, payload = '' WHERE activity_id = ?")
        .bind(now)
        .bind(outcome)
        .bind(activity_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn insert_tombstone(conn: &mut SqliteConnection, uri: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT OR IGNORE INTO tombstones (uri, deleted_at) VALUES (?, ?)")
        .bind(uri)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn is_tombstoned(conn: &mut SqliteConnection, uri: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tombstones WHERE uri = ?").bind(uri).fetch_one(conn).await?;
    Ok(n > 0)
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct PeerSyncRow {
    pub actor_uri: String,
    pub outbox: Option<String>,
    pub cursor: Option<String>,
    pub etag: Option<String>,
    pub state: String,
    pub requested: bool,
    pub activities_seen: i64,
    pub total_items: Option<i64>,
    pub last_sync_at: Option<String>,
    pub last_error: Option<String>,
}

/// Asks for a sync with `actor` (creating its row on first use).
pub async fn request_peer_sync(pool: &SqlitePool, actor: &str) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO peer_sync (actor_uri, requested) VALUES (?, 1) ON CONFLICT (actor_uri) DO UPDATE SET requested = 1")
        .bind(actor)
        .execute(pool)
        .await?;
    Ok(())
}

/// Asks for a sync with every accepted follow (at start, and periodically).
pub async fn request_sync_of_all_following(pool: &SqlitePool) -> sqlx::Result<u64> {
    let done = sqlx::query(
        "INSERT INTO peer_sync (actor_uri, requested) SELECT actor_uri, 1 FROM following WHERE state = 'accepted'
         ON CONFLICT (actor_uri) DO UPDATE SET requested = 1",
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// Followed peers with a requested sync.
pub async fn requested_peer_syncs(pool: &SqlitePool) -> sqlx::Result<Vec<PeerSyncRow>> {
    sqlx::query_as(
        "SELECT s.* FROM peer_sync s JOIN following f ON f.actor_uri = s.actor_uri AND f.state = 'accepted'
         WHERE s.requested = 1 ORDER BY s.last_sync_at IS NOT NULL, s.last_sync_at",
    )
    .fetch_all(pool)
    .await
}

pub async fn find_peer_sync(pool: &SqlitePool, actor: &str) -> sqlx::Result<Option<PeerSyncRow>> {
    sqlx::query_as("SELECT * FROM peer_sync WHERE actor_uri = ?").bind(actor).fetch_optional(pool).await
}

pub async fn list_peer_syncs(pool: &SqlitePool) -> sqlx::Result<Vec<PeerSyncRow>> {
    sqlx::query_as("SELECT * FROM peer_sync ORDER BY actor_uri").fetch_all(pool).await
}

pub async fn start_peer_sync(pool: &SqlitePool, actor: &str, outbox: &str, total: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE peer_sync SET state = 'running', requested = 0, outbox = ?, total_items = ?, activities_seen = 0, last_error = NULL WHERE actor_uri = ?")
        .bind(outbox)
        .bind(total)
        .bind(actor)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn progress_peer_sync(pool: &SqlitePool, actor: &str, seen: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE peer_sync SET activities_seen = ? WHERE actor_uri = ?")
        .bind(seen)
        .bind(actor)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn finish_peer_sync(
    pool: &SqlitePool,
    actor: &str,
    cursor: Option<&str>,
    etag: Option<&str>,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE peer_sync SET state = 'done', requested = 0, cursor = COALESCE(?, cursor), etag = ?, last_sync_at = ?, last_error = NULL
         WHERE actor_uri = ?",
    )
    .bind(cursor)
    .bind(etag)
    .bind(now)
    .bind(actor)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn fail_peer_sync(pool: &SqlitePool, actor: &str, error: &str, now: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE peer_sync SET state = 'failed', requested = 0, last_error = ?, last_sync_at = ? WHERE actor_uri = ?",
    )
    .bind(error)
    .bind(now)
    .bind(actor)
    .execute(pool)
    .await?;
    Ok(())
}

/// Followed actors on a peer host (`host[:port]`), to catch up with them when it comes back.
pub async fn following_on_peer(pool: &SqlitePool, peer: &str) -> sqlx::Result<Vec<String>> {
    let rows: Vec<String> =
        sqlx::query_scalar("SELECT actor_uri FROM following WHERE state = 'accepted'").fetch_all(pool).await?;
    Ok(rows.into_iter().filter(|uri| crate::federation::vocab::authority_of(uri).as_deref() == Some(peer)).collect())
}

pub async fn set_following_relay(conn: &mut SqliteConnection, actor: &str, relay: bool) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE following SET relay = ? WHERE actor_uri = ?").bind(relay).bind(actor).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn is_relayed(pool: &SqlitePool, actor: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM following WHERE actor_uri = ? AND relay = 1")
        .bind(actor)
        .fetch_one(pool)
        .await?;
    Ok(n > 0)
}

/// Records that `object` was re-shared at `version`; false if that version already was.
pub async fn record_announce(
    conn: &mut SqliteConnection,
    object: &str,
    version: &str,
    now: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO announces (object_uri, version, announced_at) VALUES (?, ?, ?)
         ON CONFLICT (object_uri) DO UPDATE SET version = excluded.version, announced_at = excluded.announced_at
         WHERE announces.version < excluded.version",
    )
    .bind(object)
    .bind(version)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The newest public activity row id and the count, for the outbox ETag.
pub async fn outbox_version(pool: &SqlitePool) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM activities WHERE public = 1").fetch_one(pool).await
}

/// (uri, updated_at, document) of the public items from `origin` (None: local items),
/// sorted by uri: the input of a replica-set digest.
pub async fn public_item_versions(
    pool: &SqlitePool,
    origin: Option<&str>,
) -> sqlx::Result<Vec<(String, String, String)>> {
    let rows: Vec<(String, String, PackedText)> = sqlx::query_as(
        "SELECT uri, updated_at, r.document FROM items
           JOIN item_revisions r ON r.item_id = items.id AND r.revision = items.revision
         WHERE items.lifecycle IN ('published', 'archived') AND origin IS ? ORDER BY uri",
    )
    .bind(origin)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(uri, updated_at, document)| (uri, updated_at, document.into())).collect())
}
