//! What every page shares: the data the base template reads (node name, navigation,
//! signed-in editor) and turning a template into an HTML response with safe headers.

use crate::operations::people::accounts::Session;
use crate::operations::Node;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::{self, Arg};
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
    /// What a link to the page shows when shared (OpenGraph, Twitter Card, description).
    pub share: Share,
}

/// The preview of a page in chats and on social networks.
#[derive(Debug, Clone, Default)]
pub struct Share {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page.
    pub url: String,
    /// Absolute URL of a picture.
    pub image: Option<String>,
    pub image_alt: String,
    /// `website` or `article`.
    pub kind: &'static str,
}

impl Share {
    /// The node itself: its name and presentation.
    pub fn of_node(node: &Node) -> Share {
        Share {
            title: node.settings.node.display_name.clone(),
            description: node.settings.node.summary.clone(),
            url: node.base_url.to_string(),
            image: None,
            image_alt: String::new(),
            kind: "website",
        }
    }
}

impl Layout {
    pub fn public(node: &Node, nav: Nav) -> Layout {
        Layout {
            node_name: node.settings.node.display_name.clone(),
            nav,
            editor: None,
            csrf_token: String::new(),
            share: Share::of_node(node),
        }
    }

    pub fn for_editor(node: &Node, session: &Session) -> Layout {
        Layout {
            node_name: node.settings.node.display_name.clone(),
            nav: Nav::Editor,
            editor: Some(session.username.clone()),
            csrf_token: session.csrf_token.clone(),
            share: Share::of_node(node),
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

    /// For error pages, rendered where the node is not at hand: the name comes from the
    /// request's context.
    pub fn bare() -> Layout {
        let node_name = i18n::node_name().unwrap_or_else(|| "maillage".to_owned());
        let share = Share { title: node_name.clone(), kind: "website", ..Share::default() };
        Layout { node_name, nav: Nav::None, editor: None, csrf_token: String::new(), share }
    }

    /// The message `key` in the page's language (template helper).
    pub fn t(&self, key: &str) -> String {
        i18n::t(key)
    }

    /// The message `key` with a count `n` (plural forms select on it).
    pub fn tn<'a>(&self, key: &str, n: impl Into<Arg<'a>>) -> String {
        i18n::t1(key, "n", n)
    }

    /// The message `key` with one named argument.
    pub fn t1<'a>(&self, key: &str, name: &str, value: impl Into<Arg<'a>>) -> String {
        i18n::t1(key, name, value)
    }

    /// The message `key` with two named arguments.
    pub fn t2<'a, 'b>(
        &self,
        key: &str,
        first: &str,
        first_value: impl Into<Arg<'a>>,
        second: &str,
        second_value: impl Into<Arg<'b>>,
    ) -> String {
        i18n::t_with(key, &[(first, first_value.into()), (second, second_value.into())])
    }

    /// The `lang` attribute of the page.
    /// `fr_FR` or `en_GB`, for `og:locale`.
    pub fn og_locale(&self) -> &'static str {
        if self.lang() == "en" {
            "en_GB"
        } else {
            "fr_FR"
        }
    }

    pub fn lang(&self) -> &'static str {
        i18n::lang().code()
    }

    /// The switch link to the other language: its href, language code and name.
    pub fn switch_href(&self) -> String {
        i18n::switch_href()
    }

    pub fn switch_lang(&self) -> &'static str {
        i18n::lang().other().code()
    }

    pub fn switch_name(&self) -> &'static str {
        i18n::lang().other().endonym()
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

/// The buffer a page is rendered into.
const PAGE_CAPACITY: usize = 64 * 1024;

/// Renders a page. No script runs on these pages, and the policy says so.
pub fn render<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, PageError> {
    // Pages are 10–100 KB: one buffer of that size, not askama's small hint grown by
    // doubling (each growth copies the page so far).
    let mut html = String::with_capacity(PAGE_CAPACITY);
    page.render_into(&mut html).context("Failed to render a page template")?;
    Ok(html_response(status, html))
}

pub fn html_response(status: StatusCode, html: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("Content-Security-Policy", "default-src 'self'; script-src 'self'; img-src 'self' https: data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Referrer-Policy", "same-origin"))
        .body(html)
}
