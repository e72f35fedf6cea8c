//! The network at a glance, for a coordination node (or any node): every territory it
//! knows with its counts by kind and pillar, what is new this week, lineage between
//! territories, and the health of each peer. The page and the JSON API share this.

use crate::operations::{Node, OperationError};
use crate::storage::{self, peers::PeerQueueRow, timestamp};

pub use crate::storage::states::SyncState;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Default, utoipa::ToSchema)]
#[schema(as = NetworkTerritory)]
pub struct Territory {
    /// The actor URI (our own for local items).
    pub actor: String,
    pub name: String,
    pub territory: String,
    pub local: bool,
    pub total: i64,
    pub by_kind: BTreeMap<String, i64>,
    pub by_pillar: BTreeMap<String, i64>,
    pub new_this_week: i64,
    /// Health of the peer, when we exchange with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<PeerHealth>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PeerHealth {
    pub pending_deliveries: i64,
    pub failures: i64,
    pub last_success_at: Option<String>,
    pub last_sync_at: Option<String>,
    #[schema(value_type = Option<String>)]
    pub sync_state: Option<SyncState>,
    /// Seconds the oldest pending delivery has waited.
    pub queue_lag_seconds: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LineageLink {
    pub from: String,
    pub to: String,
    pub items: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NetworkView {
    pub territories: Vec<Territory>,
    pub lineage: Vec<LineageLink>,
    pub generated_at: String,
}

pub async fn network_view(node: &Node) -> Result<NetworkView, OperationError> {
    let now = node.clock.now();
    let me = node.actor_uri();
    let key = |origin: Option<String>| origin.unwrap_or_else(|| me.clone());
    let mut territories: BTreeMap<String, Territory> = BTreeMap::new();
    let entry = |actor: String| -> Territory { Territory { local: actor == me, actor, ..Default::default() } };
    for count in storage::network::counts_by_origin_and_kind(&node.pool).await? {
        let actor = key(count.origin);
        let t = territories.entry(actor.clone()).or_insert_with(|| entry(actor));
        t.total += count.n;
        t.by_kind.insert(count.value, count.n);
    }
    for count in storage::network::counts_by_origin_and_pillar(&node.pool).await? {
        let actor = key(count.origin);
        territories.entry(actor.clone()).or_insert_with(|| entry(actor)).by_pillar.insert(count.value, count.n);
    }
    let week_ago = timestamp(now - chrono::Duration::days(7));
    for recent in storage::network::counts_new_since(&node.pool, &week_ago).await? {
        let actor = key(recent.origin);
        territories.entry(actor.clone()).or_insert_with(|| entry(actor)).new_this_week = recent.n;
    }
    // Peers we follow show up even before they publish.
    for follow in storage::following::list_following(&node.pool).await? {
        let actor = follow.actor_uri;
        territories.entry(actor.clone()).or_insert_with(|| entry(actor));
    }
    let names: BTreeMap<String, Option<String>> =
        storage::network::actor_names(&node.pool).await?.into_iter().map(|a| (a.uri, a.name)).collect();
    let places: BTreeMap<String, String> = storage::network::territory_of_origins(&node.pool)
        .await?
        .into_iter()
        .map(|o| (key(o.origin), o.territory))
        .collect();
    let queues = storage::peers::peer_queue_states(&node.pool).await?;
    let syncs = storage::peer_sync::list_peer_syncs(&node.pool).await?;
    for t in territories.values_mut() {
        t.name = if t.local {
            node.settings.node.display_name.clone()
        } else {
            names.get(&t.actor).cloned().flatten().unwrap_or_else(|| t.actor.clone())
        };
        t.territory = places.get(&t.actor).cloned().unwrap_or_else(|| {
            if t.local {
                crate::content::geography::describe(&node.settings.node.territory)
            } else {
                String::new()
            }
        });
        if !t.local {
            t.health = Some(health(&t.actor, &queues, &syncs, now));
        }
    }
    let lineage = storage::network::lineage_links(&node.pool)
        .await?
        .into_iter()
        .map(|link| LineageLink { from: key(link.adapting), to: key(link.inspiring), items: link.items })
        .filter(|l| l.from != l.to)
        .collect();
    Ok(NetworkView { territories: territories.into_values().collect(), lineage, generated_at: timestamp(now) })
}

fn health(
    actor: &str,
    queues: &[PeerQueueRow],
    syncs: &[storage::peer_sync::PeerSyncRow],
    now: chrono::DateTime<chrono::Utc>,
) -> PeerHealth {
    let peer = crate::federation::vocab::authority_of(actor).unwrap_or_default();
    let queue = queues.iter().find(|q| q.peer == peer);
    let sync = syncs.iter().find(|s| s.actor_uri == actor);
    PeerHealth {
        pending_deliveries: queue.map(|q| q.pending).unwrap_or(0),
        failures: queue.map(|q| q.consecutive_failures).unwrap_or(0),
        last_success_at: queue.and_then(|q| q.last_success_at.clone()),
        last_sync_at: sync.and_then(|s| s.last_sync_at.clone()),
        sync_state: sync.map(|s| s.state),
        queue_lag_seconds: queue
            .and_then(|q| q.oldest_pending_at.as_deref())
            .and_then(storage::parse_timestamp)
            .map(|at| (now - at).num_seconds().max(0)),
    }
}
