//! What every page shares: the data the base template reads (node name, navigation,
//! signed-in editor) and turning a template into an HTML response with safe headers.

use super::errors::PageError;
use crate::operations::accounts::Session;
use crate::operations::Node;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use anyhow::Context;
use askama::Template;

/// Navigation entries, to mark the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Home,
    Catalogue,
    Network,
    Vocabularies,
    Editor,
    None,
}

pub struct Layout {
    pub node_name: String,
    pub nav: Nav,
    /// The signed-in editor, on editor pages (shows the log-out button).
    pub editor: Option<String>,
    pub csrf_token: String,
}

impl Layout {
    pub fn public(node: &Node, nav: Nav) -> Layout {
        Layout { node_name: node.settings.node.display_name.clone(), nav, editor: None, csrf_token: String::new() }
    }

    pub fn for_editor(node: &Node, session: &Session) -> Layout {
        Layout {
            node_name: node.settings.node.display_name.clone(),
            nav: Nav::Editor,
            editor: Some(session.username.clone()),
            csrf_token: session.csrf_token.clone(),
        }
    }

    /// A public page seen by a signed-in editor (shows the log-out button and carries the
    /// CSRF token for the editor's forms on that page).
    pub fn public_for(node: &Node, nav: Nav, session: Option<&Session>) -> Layout {
        match session {
            Some(session) => Layout { nav, ..Layout::for_editor(node, session) },
            None => Layout::public(node, nav),
        }
    }

    /// For error pages rendered where the node is not at hand.
    pub fn bare() -> Layout {
        Layout { node_name: "maillage".to_owned(), nav: Nav::None, editor: None, csrf_token: String::new() }
    }

    /// `aria-current="page"` for the current navigation entry (template helper).
    pub fn current(&self, entry: &str) -> &'static str {
        let on = matches!(
            (entry, self.nav),
            ("home", Nav::Home)
                | ("catalogue", Nav::Catalogue)
                | ("network", Nav::Network)
                | ("vocabularies", Nav::Vocabularies)
                | ("editor", Nav::Editor)
        );
        if on {
            "page"
        } else {
            "false"
        }
    }
}

/// Renders a page. No script runs on these pages, and the policy says so.
pub fn render<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, PageError> {
    let html = page.render().context("Failed to render a page template")?;
    Ok(html_response(status, html))
}

pub fn html_response(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Security-Policy", "default-src 'self'; script-src 'none'; img-src 'self' https: data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Referrer-Policy", "same-origin"))
        .body(html)
}
