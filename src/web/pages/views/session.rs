//! Editors' sign-in for the web forms: the `maillage_session` cookie (HttpOnly,
//! SameSite=Lax, Secure on https nodes), `/login`, `/logout`, the guard that sends
//! anonymous visitors of `/edit…` to the login page, and the CSRF check every POST form
//! goes through.

use crate::operations::people::accounts::{self, EditorRole, Session};
use crate::operations::people::audit::Actor;
use crate::operations::Node;
use crate::web::client_address::client_address;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::t;
use crate::web::pages::views::layout::{render, Layout, Nav};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

pub const COOKIE: &str = "maillage_session";
const SESSION_DAYS: i64 = 14;

/// A signed-in editor and the cookie secret of their session.
pub struct Editor {
    pub session: Session,
    pub secret: String,
}

impl Editor {
    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), PageError> {
        if constant_time_eq(submitted.as_bytes(), self.session.csrf_token.as_bytes()) {
            Ok(())
        } else {
            Err(PageError::Forbidden(t("editor-csrf-refused")))
        }
    }

    pub fn layout(&self, node: &Node) -> Layout {
        Layout::for_editor(node, &self.session)
    }

    /// Who this editor is in revision histories and the audit log.
    pub fn actor(&self) -> Actor {
        Actor::Editor(self.session.username.clone())
    }

    /// Administrators manage the node's peers; other editors may only look.
    pub fn is_admin(&self) -> bool {
        self.session.role == EditorRole::Admin
    }

    /// Refuses an action reserved to administrators.
    pub fn require_admin(&self) -> Result<(), PageError> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(PageError::Forbidden(t("admin-only")))
        }
    }
}

/// The `_csrf` field of a urlencoded form body.
pub fn csrf_field(body: &[u8]) -> String {
    url::form_urlencoded::parse(body).find(|(k, _)| k == "_csrf").map(|(_, v)| v.into_owned()).unwrap_or_default()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && !a.is_empty() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The signed-in editor, if the cookie names a live session.
pub async fn current_editor(node: &Node, req: &HttpRequest) -> Result<Option<Editor>, PageError> {
    let Some(cookie) = req.cookie(COOKIE) else { return Ok(None) };
    let secret = cookie.value().to_owned();
    if secret.is_empty() || secret.len() > 200 {
        return Ok(None);
    }
    Ok(accounts::session(node, &secret).await?.map(|session| Editor { session, secret }))
}

/// The signed-in editor, or a redirection to `/login` that comes back here afterwards.
pub async fn require_editor(node: &Node, req: &HttpRequest) -> Result<Editor, PageError> {
    match current_editor(node, req).await? {
        Some(editor) => Ok(editor),
        None => {
            let next = match req.uri().path_and_query() {
                Some(p) if req.method() == actix_web::http::Method::GET => p.as_str(),
                _ => "/edit",
            };
            Err(PageError::LoginRequired(login_href(next)))
        }
    }
}

fn login_href(next: &str) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("next", next);
    format!("/login?{}", query.finish())
}

/// Only our own editor and admin pages, and replica pages (where editors re-share),
/// are valid places to return to (no open redirect).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if ["/edit", "/admin/", "/replicas/"].iter().any(|p| n.starts_with(p))
                && !n.contains("//")
                && !n.contains('\\') =>
        {
            n.to_owned()
        }
        _ => "/edit".to_owned(),
    }
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

#[derive(Template)]
#[template(path = "editor/login.html")]
struct LoginPage {
    layout: Layout,
    username: String,
    next: String,
    error: Option<String>,
}

fn query_value(req: &HttpRequest, key: &str) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

pub async fn login_form(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let next = safe_next(query_value(&req, "next").as_deref());
    if current_editor(&node, &req).await?.is_some() {
        return Ok(see_other(&next));
    }
    let page = LoginPage { layout: Layout::public(&node, Nav::Editor), username: String::new(), next, error: None };
    render(StatusCode::OK, &page)
}

pub async fn log_in(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let mut username = String::new();
    let mut password = String::new();
    let mut next = None;
    for (key, value) in url::form_urlencoded::parse(&body) {
        match key.as_ref() {
            "username" => username = value.into_owned(),
            "password" => password = value.into_owned(),
            "next" => next = Some(value.into_owned()),
            _ => {}
        }
    }
    let next = safe_next(next.as_deref());
    let client = client_address(&req, &node.settings.server.trusted_proxies);
    let outcome = if username.trim().is_empty() || password.is_empty() {
        accounts::LoginOutcome::Refused
    } else {
        accounts::log_in(&node, client, &username, &password).await?
    };
    match outcome {
        accounts::LoginOutcome::Success(secret) => {
            let cookie = Cookie::build(COOKIE, secret)
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(node.base_url.scheme() == "https")
                .max_age(Duration::days(SESSION_DAYS))
                .finish();
            tracing::info!(editor = %username.trim(), "editor logged in");
            Ok(HttpResponse::SeeOther().cookie(cookie).insert_header((header::LOCATION, next)).finish())
        }
        accounts::LoginOutcome::Refused => {
            let page = LoginPage {
                layout: Layout::public(&node, Nav::Editor),
                username,
                next,
                error: Some(t("editor-login-refused")),
            };
            render(StatusCode::UNAUTHORIZED, &page)
        }
        accounts::LoginOutcome::Throttled(seconds) => {
            tracing::warn!(editor = %username.trim(), %client, "login locked after repeated failures");
            let page = LoginPage {
                layout: Layout::public(&node, Nav::Editor),
                username,
                next,
                error: Some(t("editor-login-throttled")),
            };
            let mut response = render(StatusCode::TOO_MANY_REQUESTS, &page)?;
            if let Ok(value) = header::HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Ok(response)
        }
    }
}

pub async fn log_out(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let Some(editor) = current_editor(&node, &req).await? else {
        return Ok(see_other("/"));
    };
    let csrf =
        url::form_urlencoded::parse(&body).find(|(k, _)| k == "_csrf").map(|(_, v)| v.into_owned()).unwrap_or_default();
    editor.check_csrf(&csrf)?;
    accounts::log_out(&node, &editor.secret).await?;
    let mut removal = Cookie::build(COOKIE, "").path("/").http_only(true).same_site(SameSite::Lax).finish();
    removal.make_removal();
    Ok(HttpResponse::SeeOther().cookie(removal).insert_header((header::LOCATION, "/")).finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_editor_pages_are_places_to_return_to() {
        assert_eq!(safe_next(Some("/edit/compost")), "/edit/compost");
        assert_eq!(safe_next(Some("https://evil.example")), "/edit");
        assert_eq!(safe_next(Some("/edit//evil.example")), "/edit");
        assert_eq!(safe_next(None), "/edit");
        assert_eq!(safe_next(Some("/admin/pairs")), "/admin/pairs");
        assert_eq!(safe_next(Some("/replicas/12")), "/replicas/12");
        assert_eq!(safe_next(Some("/administration")), "/edit");
    }

    #[test]
    fn csrf_tokens_compare_exactly() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"", b""));
    }
}
