//! The POST forms of `/admin/pairs`. Each checks the session, its CSRF token and the
//! administrator role, calls one operation, then redirects back with an outcome code
//! (post/redirect/get), except a failed follow, which shows the page again with the
//! error beside the field.

use super::peers::{page, FollowForm};
use crate::operations::{outbound::follow as follow_op, Node, OperationError};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::shown;
use crate::web::pages::views::i18n::{t, t1};
use crate::web::pages::views::session::{require_editor, see_other, Editor};
use actix_web::{web, HttpRequest, HttpResponse};
use std::collections::HashMap;

/// Longest follow target accepted (a handle or an actor URL).
const MAX_TARGET_CHARS: usize = 500;

struct Form(HashMap<String, String>);

impl Form {
    fn get(&self, key: &str) -> &str {
        self.0.get(key).map(|v| v.trim()).unwrap_or_default()
    }
}

/// The signed-in administrator whose form this is, and the form's fields.
async fn checked(node: &Node, req: &HttpRequest, body: &[u8]) -> Result<(Editor, Form), PageError> {
    let editor = require_editor(node, req).await?;
    let form = Form(url::form_urlencoded::parse(body).into_owned().collect());
    editor.check_csrf(form.get("_csrf"))?;
    editor.require_admin()?;
    Ok((editor, form))
}

fn back(state: &str, actor: &str) -> HttpResponse {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("etat", state);
    if !actor.is_empty() {
        query.append_pair("acteur", actor);
    }
    see_other(&format!("/admin/pairs?{}", query.finish()))
}

/// The actor of a row the form points at; a missing one is a tampered form.
fn actor_field(form: &Form) -> Result<String, PageError> {
    match form.get("acteur") {
        "" => Err(PageError::BadRequest(t("admin-missing-actor"))),
        actor => Ok(actor.to_owned()),
    }
}

pub async fn follow(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let (editor, form) = checked(&node, &req, &body).await?;
    let target = form.get("cible").to_owned();
    let refuse = |message: String| FollowForm { target: target.clone(), error: Some(message) };
    if target.is_empty() {
        let form = refuse(t("admin-follow-empty"));
        return page(&node, &editor, None, form).await;
    }
    if target.chars().count() > MAX_TARGET_CHARS || target.chars().any(char::is_whitespace) {
        let form = refuse(t("admin-follow-malformed"));
        return page(&node, &editor, None, form).await;
    }
    match follow_op::follow(&node, &target, &editor.actor()).await {
        Ok(actor) => {
            tracing::info!(editor = %editor.session.username, %actor, "follow sent from the admin page");
            Ok(back("suivi", &actor))
        }
        Err(OperationError::Conflict { code, message }) => {
            // The operation's message carries the transport error; the page says it plainly.
            tracing::warn!(%target, code, %message, "follow from the admin page refused");
            let message = match code {
                "unresolvable_handle" => t1("admin-follow-unresolvable", "target", &target),
                "unreachable_actor" => t1("admin-follow-unreachable", "target", &target),
                "self_follow" => t("admin-follow-self"),
                _ => shown(&message),
            };
            page(&node, &editor, None, refuse(message)).await
        }
        Err(OperationError::Invalid(errors)) => {
            let message = errors.0.iter().map(|e| shown(&e.message)).collect::<Vec<_>>().join(" ");
            page(&node, &editor, None, refuse(message)).await
        }
        Err(OperationError::NotFound) => {
            page(&node, &editor, None, refuse(t1("admin-follow-not-found", "target", &target))).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn unfollow(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let (editor, form) = checked(&node, &req, &body).await?;
    let actor = actor_field(&form)?;
    match follow_op::unfollow(&node, &actor, &editor.actor()).await {
        Ok(()) => {
            tracing::info!(editor = %editor.session.username, %actor, "unfollowed from the admin page");
            Ok(back("desabonne", &actor))
        }
        Err(OperationError::NotFound) => Ok(back("introuvable", "")),
        Err(other) => Err(other.into()),
    }
}

pub async fn answer_follower(
    node: web::Data<Node>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let (editor, form) = checked(&node, &req, &body).await?;
    let actor = actor_field(&form)?;
    let accept = match form.get("decision") {
        "accepter" => true,
        "refuser" => false,
        _ => return Err(PageError::BadRequest(t("admin-choose-decision"))),
    };
    match follow_op::answer_follower(&node, &actor, accept, &editor.actor()).await {
        Ok(()) => {
            tracing::info!(editor = %editor.session.username, %actor, accept, "follower answered from the admin page");
            Ok(back(if accept { "accepte" } else { "refuse" }, &actor))
        }
        Err(OperationError::NotFound) => Ok(back("introuvable", "")),
        // Answering fetches the follower's actor first: its node may be down.
        Err(OperationError::Internal(cause)) => {
            tracing::error!(error = ?cause, %actor, "failed to answer a follower");
            Ok(back("injoignable", &actor))
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn relay(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let (editor, form) = checked(&node, &req, &body).await?;
    let actor = actor_field(&form)?;
    let on = form.get("relais") == "1";
    match crate::operations::remote::peers::set_relay(&node, &actor, on, &editor.actor()).await {
        Ok(()) => {}
        Err(OperationError::NotFound) => return Ok(back("introuvable", "")),
        Err(e) => return Err(e.into()),
    }
    tracing::info!(editor = %editor.session.username, %actor, relay = on, "relay mode changed from the admin page");
    Ok(back(if on { "relais-actif" } else { "relais-inactif" }, &actor))
}
