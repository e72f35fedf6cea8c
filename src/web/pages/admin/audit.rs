//! `/admin/journal`: the audit log, read-only, for administrators: newest first, filtered
//! by action or actor, page by page.

use crate::operations::people::audit::{self, Action, AuditFilter};
use crate::operations::{Node, OperationError};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::require_editor;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use std::collections::HashMap;

/// Longest actor filter echoed back in the form.
const MAX_ACTOR_CHARS: usize = 300;

/// The label of an action code in the page's language: the message
/// `audit-action-<code>` (dots and underscores as dashes), or "other" for a code this
/// build does not know.
fn action_label(code: &str) -> String {
    match Action::parse(code) {
        Some(action) => i18n::t(&action_key(action)),
        None => i18n::t("audit-action-other"),
    }
}

fn action_key(action: Action) -> String {
    format!("audit-action-{}", action.code().replace(['.', '_'], "-"))
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
        actions: Action::ALL
            .iter()
            .map(|a| ActionChoice { code: a.code(), label: i18n::t(&action_key(*a)), selected: action == Some(*a) })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::pages::views::i18n::{format, Lang};

    #[test]
    fn every_action_has_a_label_in_both_languages() {
        for action in Action::ALL {
            let key = action_key(*action);
            for lang in [Lang::Fr, Lang::En] {
                assert_ne!(format(lang, &key, &[]), key, "{key} missing in {lang:?}");
            }
        }
    }
}
