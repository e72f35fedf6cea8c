//! The `/admin/pairs` page itself: the view of followers, follows, queues and syncs, and
//! the notices shown after an action (named by a fixed code in the query string).

use crate::operations::remote::peers::{FollowState, SyncState};
use crate::operations::Node;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n::{t, t1};
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::{require_editor, Editor};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use std::collections::HashMap;

/// Longest actor text echoed back in a notice.
const MAX_ECHO_CHARS: usize = 300;

pub struct PeerName {
    pub actor: String,
    pub name: String,
    pub href: Option<String>,
}

pub struct FollowerView {
    pub peer: PeerName,
    pub state: String,
    pub pending: bool,
    pub since: String,
}

pub struct FollowingView {
    pub peer: PeerName,
    pub state: String,
    pub since: String,
    pub accepted: Option<String>,
    pub relay: bool,
}

pub struct QueueView {
    pub peer: String,
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
    pub last_success: String,
    pub consecutive_failures: i64,
    pub next_retry: String,
    pub circuit_open_until: Option<String>,
    pub last_error: Option<String>,
}

pub struct SyncView {
    pub peer: PeerName,
    pub state: String,
    pub seen: i64,
    pub total: Option<i64>,
    pub last_sync: String,
    pub last_error: Option<String>,
}

/// The "follow a node" form as typed, with its error.
#[derive(Default)]
pub struct FollowForm {
    pub target: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/peers.html")]
struct PeersPage {
    layout: Layout,
    is_admin: bool,
    notice: Option<String>,
    follow: FollowForm,
    followers: Vec<FollowerView>,
    following: Vec<FollowingView>,
    queues: Vec<QueueView>,
    syncs: Vec<SyncView>,
}

fn when(at: Option<&str>) -> String {
    at.map(format::timestamp).unwrap_or_else(|| t("admin-never"))
}

fn follower_state(state: FollowState) -> String {
    match state {
        FollowState::Accepted => t("admin-state-accepted"),
        FollowState::Pending => t("admin-state-awaiting-your-answer"),
        FollowState::Rejected => t("admin-state-rejected"),
    }
}

fn following_state(state: FollowState) -> String {
    match state {
        FollowState::Accepted => t("admin-state-accepted"),
        FollowState::Pending => t("admin-state-awaiting-acceptance"),
        FollowState::Rejected => t("admin-state-rejected"),
    }
}

fn sync_state(state: SyncState) -> String {
    match state {
        SyncState::Pending => t("admin-sync-pending"),
        SyncState::Running => t("admin-sync-running"),
        SyncState::Done => t("admin-sync-done"),
        SyncState::Failed => t("admin-sync-failed"),
    }
}

/// The notice for an outcome code (`?etat=…&acteur=…`), in the page's language.
fn notice(req: &HttpRequest) -> Option<String> {
    let params: HashMap<String, String> =
        url::form_urlencoded::parse(req.query_string().as_bytes()).into_owned().collect();
    let actor: String = params.get("acteur").map(|a| a.chars().take(MAX_ECHO_CHARS).collect()).unwrap_or_default();
    let actor = actor.as_str();
    let text = match params.get("etat")?.as_str() {
        "suivi" => t1("admin-notice-follow-sent", "actor", actor),
        "desabonne" => t1("admin-notice-unfollowed", "actor", actor),
        "accepte" => t1("admin-notice-follower-accepted", "actor", actor),
        "refuse" => t1("admin-notice-follower-rejected", "actor", actor),
        "relais-actif" => t1("admin-notice-relay-on", "actor", actor),
        "relais-inactif" => t1("admin-notice-relay-off", "actor", actor),
        "introuvable" => t("admin-notice-peer-gone"),
        "injoignable" => t("admin-notice-unreachable"),
        _ => return None,
    };
    Some(text)
}

fn peer_name(actor: &str, names: &HashMap<String, Option<String>>) -> PeerName {
    let name =
        names.get(actor).cloned().flatten().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| format::host_of(actor));
    PeerName { actor: actor.to_owned(), name, href: format::safe_href(actor) }
}

/// Builds and renders the page, with the follow form as given (after a failed follow).
pub async fn page(
    node: &Node,
    editor: &Editor,
    notice: Option<String>,
    follow: FollowForm,
) -> Result<HttpResponse, PageError> {
    let crate::operations::remote::peers::PeerOverview { followers, following, queues, syncs, names } =
        crate::operations::remote::peers::overview(node).await?;
    let status = if follow.error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = PeersPage {
        layout: editor.layout(node),
        is_admin: editor.is_admin(),
        notice,
        follow,
        followers: followers
            .iter()
            .map(|f| FollowerView {
                peer: peer_name(&f.actor_uri, &names),
                state: follower_state(f.state),
                pending: f.state == FollowState::Pending,
                since: format::timestamp(&f.created_at),
            })
            .collect(),
        following: following
            .iter()
            .map(|f| FollowingView {
                peer: peer_name(&f.actor_uri, &names),
                state: following_state(f.state),
                since: format::timestamp(&f.created_at),
                accepted: f.accepted_at.as_deref().map(format::timestamp),
                relay: f.relay,
            })
            .collect(),
        queues: queues
            .into_iter()
            .map(|q| QueueView {
                last_success: when(q.last_success_at.as_deref()),
                next_retry: q.next_attempt_at.as_deref().map(format::timestamp).unwrap_or_else(|| "—".to_owned()),
                circuit_open_until: q.circuit_open_until.as_deref().map(format::timestamp),
                last_error: q.last_error.filter(|_| q.consecutive_failures > 0),
                peer: q.peer,
                pending: q.pending,
                delivered: q.delivered,
                failed: q.failed,
                consecutive_failures: q.consecutive_failures,
            })
            .collect(),
        syncs: syncs
            .iter()
            .map(|s| SyncView {
                peer: peer_name(&s.actor_uri, &names),
                state: sync_state(s.state),
                seen: s.activities_seen,
                total: s.total_items,
                last_sync: when(s.last_sync_at.as_deref()),
                last_error: s.last_error.clone(),
            })
            .collect(),
    };
    render(status, &page)
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    page(&node, &editor, notice(&req), FollowForm::default()).await
}
