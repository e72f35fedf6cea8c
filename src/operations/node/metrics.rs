//! Counters the node keeps in memory for `/metrics`; gauges (queue depth and lag per peer,
//! replica counts) are read from the database when scraped.

use crate::operations::Node;
use crate::storage;

pub use crate::storage::network::OriginCount;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Default)]
pub struct Metrics {
    http_by_class: [AtomicU64; 5],
    http_duration_micros: AtomicU64,
    inbox_accepted: AtomicU64,
    inbox_duplicates: AtomicU64,
    inbox_commits: AtomicU64,
    inbox_committed_activities: AtomicU64,
    inbox_rejected: Mutex<BTreeMap<&'static str, u64>>,
}

impl Metrics {
    /// Counts one HTTP response by status class (1xx…5xx) and its duration.
    pub fn observe_http(&self, status: u16, micros: u64) {
        let class = usize::from((status / 100).clamp(1, 5)) - 1;
        self.http_by_class[class].fetch_add(1, Ordering::Relaxed);
        self.http_duration_micros.fetch_add(micros, Ordering::Relaxed);
    }

    pub fn inbox_accepted(&self, duplicate: bool) {
        let counter = if duplicate { &self.inbox_duplicates } else { &self.inbox_accepted };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// One group commit of the inbox carried `size` activities.
    pub fn inbox_batch(&self, size: usize) {
        self.inbox_commits.fetch_add(1, Ordering::Relaxed);
        self.inbox_committed_activities.fetch_add(size as u64, Ordering::Relaxed);
    }

    pub fn inbox_rejected(&self, code: &'static str) {
        if let Ok(mut map) = self.inbox_rejected.lock() {
            *map.entry(code).or_default() += 1;
        }
    }

    /// The counters in Prometheus text format.
    pub fn render_counters(&self, out: &mut String) {
        out.push_str("# HELP maillage_http_responses_total HTTP responses by status class.\n# TYPE maillage_http_responses_total counter\n");
        for (i, counter) in self.http_by_class.iter().enumerate() {
            out.push_str(&format!(
                "maillage_http_responses_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                counter.load(Ordering::Relaxed)
            ));
        }
        out.push_str("# HELP maillage_http_response_seconds_total Time spent answering HTTP requests.\n# TYPE maillage_http_response_seconds_total counter\n");
        out.push_str(&format!(
            "maillage_http_response_seconds_total {}\n",
            self.http_duration_micros.load(Ordering::Relaxed) as f64 / 1e6
        ));
        out.push_str("# HELP maillage_inbox_activities_total Activities received in the inbox, by outcome.\n# TYPE maillage_inbox_activities_total counter\n");
        out.push_str(&format!(
            "maillage_inbox_activities_total{{outcome=\"accepted\"}} {}\n",
            self.inbox_accepted.load(Ordering::Relaxed)
        ));
        out.push_str(&format!(
            "maillage_inbox_activities_total{{outcome=\"duplicate\"}} {}\n",
            self.inbox_duplicates.load(Ordering::Relaxed)
        ));
        if let Ok(map) = self.inbox_rejected.lock() {
            for (code, n) in map.iter() {
                out.push_str(&format!("maillage_inbox_activities_total{{outcome=\"rejected\",code=\"{code}\"}} {n}\n"));
            }
        }
        out.push_str(&format!(
            "# HELP maillage_inbox_commits_total Group commits of the inbox.\n# TYPE maillage_inbox_commits_total counter\nmaillage_inbox_commits_total {}\n",
            self.inbox_commits.load(Ordering::Relaxed)
        ));
        out.push_str(&format!(
            "# HELP maillage_inbox_committed_activities_total Activities carried by the inbox's group commits.\n# TYPE maillage_inbox_committed_activities_total counter\nmaillage_inbox_committed_activities_total {}\n",
            self.inbox_committed_activities.load(Ordering::Relaxed)
        ));
    }
}

/// One peer's delivery queue, as `/metrics` shows it.
pub struct QueueGauge {
    pub peer: String,
    pub pending: i64,
    /// Age of the oldest pending delivery.
    pub lag_seconds: f64,
    pub consecutive_failures: i64,
}

/// What `/metrics` reads from the node's state when scraped.
pub struct Gauges {
    pub facet_sets_ready: bool,
    pub queues: Vec<QueueGauge>,
    /// Public items by origin (`None` is this node) and kind.
    pub items: Vec<OriginCount>,
}

pub async fn gauges(node: &Node) -> anyhow::Result<Gauges> {
    let now = node.clock.now();
    let queues = storage::peers::peer_queue_states(&node.pool)
        .await?
        .into_iter()
        .map(|q| QueueGauge {
            lag_seconds: q
                .oldest_pending_at
                .as_deref()
                .and_then(storage::parse_timestamp)
                .map_or(0.0, |t| (now - t).num_milliseconds().max(0) as f64 / 1000.0),
            peer: q.peer,
            pending: q.pending,
            consecutive_failures: q.consecutive_failures,
        })
        .collect();
    Ok(Gauges {
        facet_sets_ready: node.facets.is_ready(),
        queues,
        items: storage::network::counts_by_origin_and_kind(&node.pool).await?,
    })
}

/// SQLite's `quick_check` of the database: "ok", or what is wrong (`maillage doctor`).
pub async fn database_integrity(node: &Node) -> sqlx::Result<String> {
    storage::quick_check(&node.pool).await
}

/// Whether the database answers and its migrations ran (`/readyz`).
pub async fn database_ready(node: &Node) -> anyhow::Result<bool> {
    Ok(storage::migrations_applied(&node.pool).await? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_are_counted_by_class() {
        let metrics = Metrics::default();
        metrics.observe_http(202, 10);
        metrics.observe_http(404, 10);
        metrics.observe_http(404, 10);
        metrics.inbox_rejected("digest_mismatch");
        let mut text = String::new();
        metrics.render_counters(&mut text);
        assert!(text.contains("maillage_http_responses_total{class=\"2xx\"} 1\n"), "{text}");
        assert!(text.contains("maillage_http_responses_total{class=\"4xx\"} 2\n"), "{text}");
        assert!(text.contains("code=\"digest_mismatch\"} 1\n"), "{text}");
    }
}
