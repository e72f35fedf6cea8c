//! What a node holds, read through `operations` as its pages and its API read it, and the
//! writes a test makes to set the scene (through the API, asserting that they succeed).
//! Waits poll these reads: [`eventually`] until a condition holds, [`follow`] until both
//! sides hold an accepted follow.

use super::{Served, TestNode};
use maillage::operations::people::audit;
use maillage::operations::remote::peers::{self, FollowState, PeerOverview};
use maillage::operations::{items::queries, Item, OperationError};
use reqwest::StatusCode;
use serde::Serialize;
use serde_json::Value;
use std::time::Duration;

impl TestNode {
    /// Publishes through the API; the item must be accepted. Returns it as served.
    pub async fn create(&self, document: &impl Serialize) -> Value {
        let response = self.create_item(document).await;
        let status = response.status();
        let text = response.text().await.expect("Failed to read the body");
        assert_eq!(status, StatusCode::CREATED, "create failed: {text}");
        serde_json::from_str(&text).expect("the API answers JSON")
    }

    /// Publishes through the API; the item must be accepted. Returns it parsed.
    pub async fn create_ok(&self, document: &impl Serialize) -> Served {
        Served::from_json(self.create(document).await)
    }

    /// The item as the token holder reads it; it must exist.
    pub async fn get_ok(&self, slug: &str) -> Served {
        Served::expect(self.get_item(slug).await, StatusCode::OK).await
    }

    /// A merge patch through the API that must be accepted.
    pub async fn patch(&self, slug: &str, patch: &Value) {
        let response = self.patch_item(slug, patch).await;
        let status = response.status();
        assert_eq!(status, StatusCode::OK, "patch failed: {:?}", response.text().await);
    }

    /// Retracts through the API; it must be accepted.
    pub async fn retract(&self, slug: &str) {
        let response = self.retract_item(slug).await;
        let status = response.status();
        assert_eq!(status, StatusCode::OK, "retract failed: {:?}", response.text().await);
    }

    /// The item with this URI on this node (local or replica), if any.
    pub async fn item(&self, uri: &str) -> Option<Item> {
        match queries::item_by_uri(&self.node, uri).await {
            Ok(item) => Some(item),
            Err(OperationError::NotFound) => None,
            Err(e) => panic!("query failed: {e}"),
        }
    }

    /// The revisions this node holds of the item with this URI, as its history page lists
    /// them (none when it holds no such item).
    pub async fn revisions_of(&self, uri: &str) -> Vec<queries::Revision> {
        match self.item(uri).await {
            Some(item) => queries::revisions(&self.node, &item).await.expect("the revisions"),
            None => Vec::new(),
        }
    }

    /// Creates (or resets) an editor account with this password and role, as the command
    /// line would.
    pub async fn add_editor(&self, username: &str, password: &str, role: &str) {
        let cli = maillage::operations::people::audit::Actor::Cli("tests");
        maillage::operations::people::accounts::set_editor(&self.node, username, password, role, &cli)
            .await
            .unwrap_or_else(|e| panic!("the editor account {username}: {e}"));
    }

    /// Followers, follows, delivery queues and catch-ups, as the admin page reads them.
    pub async fn peer_overview(&self) -> PeerOverview {
        peers::overview(&self.node).await.expect("the peers overview")
    }

    /// Whether `actor` follows this node, accepted.
    pub async fn has_accepted_follower(&self, actor: &str) -> bool {
        let overview = self.peer_overview().await;
        overview.followers.iter().any(|f| f.actor_uri == actor && f.state == FollowState::Accepted)
    }

    /// Whether this node follows `actor`, accepted.
    pub async fn follows_accepted(&self, actor: &str) -> bool {
        let overview = self.peer_overview().await;
        overview.following.iter().any(|f| f.actor_uri == actor && f.state == FollowState::Accepted)
    }

    /// Deliveries still waiting in every peer's queue.
    pub async fn pending_deliveries(&self) -> i64 {
        self.peer_overview().await.queues.iter().map(|q| q.pending).sum()
    }

    /// Every audit entry as (actor, action, target), oldest first, read page by page as
    /// the audit API reads them.
    pub async fn audit_rows(&self) -> Vec<(String, String, String)> {
        let mut rows = Vec::new();
        let mut filter = audit::AuditFilter { limit: Some(audit::MAX_PAGE), ..Default::default() };
        loop {
            let page = audit::list(&self.node, &filter).await.expect("the audit log");
            rows.extend(page.entries.into_iter().map(|e| (e.actor, e.action, e.target)));
            match page.next {
                Some(next) => filter.before = Some(next),
                None => break,
            }
        }
        rows.reverse();
        rows
    }

    /// The API tokens, live and revoked, as `maillage token list` reads them.
    pub async fn api_tokens(&self) -> Vec<maillage::operations::people::accounts::ApiTokenRow> {
        maillage::operations::people::accounts::list_api_tokens(&self.node).await.expect("the tokens")
    }

    /// How many rows the tables that an item write touches hold (no operation counts
    /// revisions and terms over every item).
    pub async fn row_counts(&self) -> RowCounts {
        RowCounts {
            items: self.count("SELECT COUNT(*) FROM items").await,
            item_revisions: self.count("SELECT COUNT(*) FROM item_revisions").await,
            item_terms: self.count("SELECT COUNT(*) FROM item_terms").await,
        }
    }

    /// A count read with SQL, for the state no operation reads (the tests that check
    /// what a database file holds: durability, restarts, hostile input).
    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.node.pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCounts {
    pub items: i64,
    pub item_revisions: i64,
    pub item_terms: i64,
}

/// `follower` follows `followed`; returns once both sides hold the accepted follow (and,
/// between stepped nodes, once the follower has caught up with what `followed` holds).
pub async fn follow(follower: &TestNode, followed: &TestNode) {
    maillage::operations::outbound::follow::follow(
        &follower.node,
        &followed.handle(),
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await
    .expect("follow");
    let (follower_actor, followed_actor) = (follower.actor(), followed.actor());
    // This follow's Accept, not an earlier follow's.
    let accepted = || async {
        followed.has_accepted_follower(&follower_actor).await && follower.follows_accepted(&followed_actor).await
    };
    if follower.stepped && followed.stepped {
        super::run_until_idle(&[follower, followed]).await;
        assert!(accepted().await, "the follow is accepted on both sides");
    } else {
        eventually("the follow is accepted on both sides", accepted).await;
    }
}

/// Polls `check` until it holds or 15 s pass.
pub async fn eventually<F, Fut>(what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    eventually_within(what, Duration::from_secs(15), check).await
}

/// Polls `check` until it holds or `limit` passes.
pub async fn eventually_within<F, Fut>(what: &str, limit: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}
