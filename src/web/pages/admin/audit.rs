//! `/admin/journal`: the audit log, read-only, for administrators: newest first, filtered
//! by action or actor, page by page.

use crate::operations::audit::{self, AuditFilter};
use crate::operations::{Node, OperationError};
use crate::web::pages::editor::session::require_editor;
use crate::web::pages::errors::PageError;
use crate::web::pages::format;
use crate::web::pages::i18n;
use crate::web::pages::layout::{render, Layout};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use std::collections::HashMap;

/// Longest actor filter echoed back in the form.
const MAX_ACTOR_CHARS: usize = 300;

/// The label of an action code in the page's language.
fn action_label(code: &str) -> String {
    i18n::t(match code {
        "item.create" => "audit-action-item-create",
        "item.publish" => "audit-action-item-publish",
        "item.update" => "audit-action-item-update",
        "item.retract" => "audit-action-item-retract",
        "item.reshare" => "audit-action-item-reshare",
        "peer.follow" => "audit-action-peer-follow",
        "peer.unfollow" => "audit-action-peer-unfollow",
        "peer.approve" => "audit-action-peer-approve",
        "peer.reject" => "audit-action-peer-reject",
        "peer.relay" => "audit-action-peer-relay",
        "token.create" => "audit-action-token-create",
        "token.revoke" => "audit-action-token-revoke",
        "account.create" => "audit-action-account-create",
        "account.update" => "audit-action-account-update",
        "session.login" => "audit-action-session-login",
        "session.login_failed" => "audit-action-session-login-failed",
        _ => "audit-action-other",
    })
}

pub struct EntryView {
    pub at: String,
    pub actor: String,
    pub label: String,
    pub code: String,
    pub target: String,
    pub detail: String,
}

pub struct ActionChoice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    actions: Vec<ActionChoice>,
    actor: String,
    entries: Vec<EntryView>,
    /// Link to the older entries, keeping the filters.
    older: Option<String>,
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    editor.require_admin()?;
    let params: HashMap<String, String> =
        url::form_urlencoded::parse(req.query_string().as_bytes()).into_owned().collect();
    let field = |key: &str| params.get(key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let action_code = field("action");
    let actor = field("acteur").map(|a| a.chars().take(MAX_ACTOR_CHARS).collect::<String>());
    let action = action_code.as_deref().map(audit::parse_action).transpose().map_err(OperationError::from)?;
    let filter = AuditFilter { action, actor: actor.clone(), before: field("avant"), limit: None };
    let page = audit::list(&node, &filter).await?;
    let older = page.next.map(|cursor| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(code) = &action_code {
            query.append_pair("action", code);
        }
        if let Some(actor) = &actor {
            query.append_pair("acteur", actor);
        }
        query.append_pair("avant", &cursor);
        format!("/admin/journal?{}", query.finish())
    });
    let view = AuditPage {
        layout: editor.layout(&node),
        actions: audit::Action::ALL
            .iter()
            .map(|a| ActionChoice { code: a.code(), label: action_label(a.code()), selected: action == Some(*a) })
            .collect(),
        actor: actor.unwrap_or_default(),
        entries: page
            .entries
            .into_iter()
            .map(|e| EntryView {
                at: format::timestamp(&e.at),
                label: action_label(&e.action),
                code: e.action,
                actor: e.actor,
                target: e.target,
                detail: e.detail.unwrap_or_default(),
            })
            .collect(),
        older,
    };
    render(StatusCode::OK, &view)
}
