//! Atom 1.0 feeds of the public catalogue (local items and replicas): everything
//! (`/feeds/atom.xml`), one kind (`/feeds/{kind}.xml`), one territory
//! (`/feeds/territoire/{name}.xml`) and one pillar (`/feeds/pilier/{code}.xml`), each of
//! them narrowed to a search with `?q=` (a malformed search gets a 422). The XML is
//! an askama template (`feed.xml`, escaping on); this module picks the items and turns
//! each into plain strings, with the characters XML 1.0 forbids removed first.

use crate::content::vocabulary::names;
use crate::content::Kind;
use crate::operations::items::model::Audience;
use crate::operations::items::queries::{self, ItemFilter};
use crate::operations::{Item, Node, OperationError};
use crate::web::pages::public::item_view::catalogue_link;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::feed_links::{kind_title, self_url};
use crate::web::pages::views::i18n;
use crate::web::pages::views::i18n::shown;
use crate::web::pages::views::links::item_href;
use actix_web::{web, HttpResponse};
use anyhow::Context;
use askama::Template;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;

/// Entries per feed, newest first (feed readers keep what they already fetched).
const ENTRIES: i64 = 50;
const ATOM_CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/feeds/atom.xml", crate::web::pages::get().to(everything))
        .route("/feeds/territoire/{name}.xml", crate::web::pages::get().to(territory))
        .route("/feeds/pilier/{code}.xml", crate::web::pages::get().to(pillar))
        .route("/feeds/{kind}.xml", crate::web::pages::get().to(kind));
}

pub struct Category {
    pub term: String,
    pub label: String,
    pub scheme: String,
}

pub struct Entry {
    pub id: String,
    pub title: String,
    pub updated: String,
    pub published: String,
    pub link: String,
    /// For a replica: the page at its origin.
    pub via: Option<String>,
    /// The document's authors, or else the territory that published it: (name, uri).
    pub authors: Vec<(String, Option<String>)>,
    /// The licence, by its label.
    pub rights: Option<String>,
    pub summary: String,
    /// Sanitized HTML, escaped once more by the template (`type="html"`).
    pub content_html: String,
    pub categories: Vec<Category>,
}

#[derive(Template)]
#[template(path = "feed.xml")]
pub struct Feed {
    pub id: String,
    pub title: String,
    pub subtitle: String,
    pub updated: String,
    pub self_href: String,
    pub alternate_href: String,
    pub node_name: String,
    pub node_uri: String,
    pub version: &'static str,
    pub entries: Vec<Entry>,
}

/// Removes the characters XML 1.0 cannot carry even escaped (C0 controls other than tab
/// and line breaks, U+FFFE, U+FFFF); a stray control character in a title must not make
/// the whole feed unreadable.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}'))
        .collect()
}

fn atom_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// An absolute URL on this node for a path such as `/replicas/3`.
fn absolute(node: &Node, path: &str) -> String {
    node.url(path.trim_start_matches('/'))
}

fn entry(node: &Node, item: &Item) -> Entry {
    let doc = item.document_for(Audience::Public);
    let publisher = if !doc.territory.name.trim().is_empty() {
        doc.territory.name.clone()
    } else if item.is_local() {
        node.settings.node.display_name.clone()
    } else {
        crate::web::pages::views::format::host_of(item.origin.as_deref().unwrap_or_default())
    };
    let mut authors: Vec<(String, Option<String>)> =
        doc.authors.iter().filter(|a| !a.name.trim().is_empty()).map(|a| (xml_safe(&a.name), None)).collect();
    if authors.is_empty() {
        authors.push((xml_safe(&publisher), Some(xml_safe(item.origin.as_deref().unwrap_or(&node.actor_uri())))));
    }
    let published = item.published_at.or(doc.published).unwrap_or(item.created_at);
    let mut categories =
        vec![Category { term: item.kind.code().to_owned(), label: item.kind.label(), scheme: node.url("feeds/") }];
    categories.extend(doc.pillars.iter().map(|code| Category {
        term: xml_safe(code),
        label: xml_safe(node.vocab.label(names::PILLAR, code)),
        scheme: node.url("vocabularies/pillar"),
    }));
    Entry {
        id: xml_safe(&item.uri),
        title: xml_safe(&doc.title),
        updated: atom_time(item.updated_at),
        published: atom_time(published),
        link: absolute(node, &item_href(item)),
        via: (!item.is_local()).then(|| crate::web::pages::views::format::safe_href(item.page_url())).flatten(),
        authors,
        rights: doc.license.as_deref().map(|l| xml_safe(node.vocab.label(names::LICENSE, l))),
        summary: xml_safe(&doc.summary),
        content_html: xml_safe(&item.body_html),
        categories,
    }
}

/// What a feed holds, and how it presents itself.
struct Selection {
    filter: ItemFilter,
    /// In French, like the feed (`xml:lang="fr"`).
    title: String,
    /// Path of the feed under the node (percent-encoded by [`self_url`]).
    segments: Vec<String>,
    alternate: String,
}

/// `?q=`: any feed can be narrowed to a search (the catalogue's alternate links carry it).
#[derive(Debug, Deserialize)]
pub struct FeedQuery {
    q: Option<String>,
}

async fn feed_response(node: &Node, mut selection: Selection, query: FeedQuery) -> Result<HttpResponse, PageError> {
    let q = query.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty());
    if let Some(q) = &q {
        selection.title = crate::msg!("page-feed-title-search", title = &selection.title, q = q).to_string();
    }
    let filter = ItemFilter { page: 1, per_page: ENTRIES, text: q.clone(), ..selection.filter };
    let list = match queries::list_items(node, &filter, false).await {
        Ok(list) => list,
        Err(OperationError::Invalid(errors)) => {
            let reasons: Vec<String> = errors
                .0
                .iter()
                .map(|e| {
                    i18n::t_with(
                        "page-feed-invalid_parameter",
                        &[("path", e.path.as_str().into()), ("message", shown(&e.message).into())],
                    )
                })
                .collect();
            return Ok(HttpResponse::UnprocessableEntity()
                .content_type("text/plain; charset=utf-8")
                .body(reasons.join("\n")));
        }
        Err(e) => return Err(e.into()),
    };
    let entries: Vec<Entry> = list.items.iter().map(|(item, _)| entry(node, item)).collect();
    let newest = list.items.iter().map(|(item, _)| item.updated_at).max().unwrap_or_else(|| node.clock.now());
    let mut self_href = self_url(node, &selection.segments);
    if let Some(q) = &q {
        self_href.push_str(&format!("?q={}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()));
    }
    let feed = Feed {
        id: self_href.clone(),
        title: xml_safe(&format!("{} — {}", node.settings.node.display_name, selection.title)),
        subtitle: xml_safe(&node.settings.node.summary),
        updated: atom_time(newest),
        self_href,
        alternate_href: absolute(node, &selection.alternate),
        node_name: xml_safe(&node.settings.node.display_name),
        node_uri: node.actor_uri(),
        version: env!("CARGO_PKG_VERSION"),
        entries,
    };
    let xml = feed.render().context("Failed to render an Atom feed")?;
    Ok(HttpResponse::Ok()
        .content_type(ATOM_CONTENT_TYPE)
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(xml))
}

/// The catalogue's link to a kind's feed, in the page's language.
pub async fn everything(node: web::Data<Node>, query: web::Query<FeedQuery>) -> Result<HttpResponse, PageError> {
    let selection = Selection {
        filter: ItemFilter::default(),
        title: crate::msg!("page-feed-title-everything").to_string(),
        segments: vec!["feeds".to_owned(), "atom.xml".to_owned()],
        alternate: "/catalogue".to_owned(),
    };
    feed_response(&node, selection, query.into_inner()).await
}

pub async fn kind(
    node: web::Data<Node>,
    code: web::Path<String>,
    query: web::Query<FeedQuery>,
) -> Result<HttpResponse, PageError> {
    let kind = Kind::parse(&code).ok_or(PageError::NotFound)?;
    let selection = Selection {
        filter: ItemFilter { kind: Some(kind.code().to_owned()), ..ItemFilter::default() },
        title: kind_title(kind).to_string(),
        segments: vec!["feeds".to_owned(), format!("{}.xml", kind.code())],
        alternate: catalogue_link("kind", kind.code()),
    };
    feed_response(&node, selection, query.into_inner()).await
}

/// Territories are free text: an unknown one gives an empty feed, which fills up when
/// its first item arrives.
pub async fn territory(
    node: web::Data<Node>,
    name: web::Path<String>,
    query: web::Query<FeedQuery>,
) -> Result<HttpResponse, PageError> {
    let name = name.into_inner();
    if name.trim().is_empty() {
        return Err(PageError::NotFound);
    }
    let selection = Selection {
        filter: ItemFilter { territory: Some(name.clone()), ..ItemFilter::default() },
        title: crate::msg!("page-feed-title-territory", name = &name).to_string(),
        segments: vec!["feeds".to_owned(), "territoire".to_owned(), format!("{name}.xml")],
        alternate: catalogue_link("territory", &name),
    };
    feed_response(&node, selection, query.into_inner()).await
}

pub async fn pillar(
    node: web::Data<Node>,
    code: web::Path<String>,
    query: web::Query<FeedQuery>,
) -> Result<HttpResponse, PageError> {
    let code = code.into_inner();
    if !node.vocab.contains(names::PILLAR, &code) {
        return Err(PageError::NotFound);
    }
    let selection = Selection {
        title: crate::msg!("page-feed-title-pillar", label = node.vocab.label(names::PILLAR, &code)).to_string(),
        segments: vec!["feeds".to_owned(), "pilier".to_owned(), format!("{code}.xml")],
        alternate: catalogue_link("pillar", &code),
        filter: ItemFilter { pillar: Some(code), ..ItemFilter::default() },
    };
    feed_response(&node, selection, query.into_inner()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(title: &str, content_html: &str) -> Feed {
        Feed {
            id: "http://n.example/feeds/atom.xml".into(),
            title: xml_safe(title),
            subtitle: String::new(),
            updated: "2026-01-02T03:04:05Z".into(),
            self_href: "http://n.example/feeds/atom.xml".into(),
            alternate_href: "http://n.example/catalogue?a=1&b=2".into(),
            node_name: "Nœud d'essai".into(),
            node_uri: "http://n.example/actor".into(),
            version: "0",
            entries: vec![Entry {
                id: "http://n.example/items/x".into(),
                title: xml_safe(title),
                updated: "2026-01-02T03:04:05Z".into(),
                published: "2026-01-01T00:00:00Z".into(),
                link: "http://n.example/items/x".into(),
                via: None,
                authors: vec![("Ariège".into(), Some("http://n.example/actor".into())), ("Camille <C>".into(), None)],
                rights: Some("CC BY-SA 4.0".into()),
                summary: "Résumé".into(),
                content_html: xml_safe(content_html),
                categories: vec![],
            }],
        }
    }

    #[test]
    fn control_characters_are_dropped_and_accents_kept() {
        assert_eq!(xml_safe("É\u{0}co\u{8}lo\u{1b}gie\t\n\u{fffe}"), "Écologie\t\n");
    }

    #[test]
    fn markup_in_titles_and_bodies_is_escaped_once() {
        let xml =
            feed("<b>Compost</b> & \"co\"\u{7}", "<p>Un <em>essai</em> &amp; plus</p>").render().expect("renders");
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{xml}");
        assert!(xml.contains("<title>&lt;b&gt;Compost&lt;/b&gt; &amp; &quot;co&quot;</title>"), "{xml}");
        assert!(
            xml.contains(
                "<content type=\"html\">&lt;p&gt;Un &lt;em&gt;essai&lt;/em&gt; &amp;amp; plus&lt;/p&gt;</content>"
            ),
            "{xml}"
        );
        assert!(xml.contains("href=\"http://n.example/catalogue?a=1&amp;b=2\""), "{xml}");
        assert!(xml.contains("<name>Nœud d&#x27;essai</name>"), "{xml}");
        assert!(xml.contains("<author><name>Camille &lt;C&gt;</name></author>"), "{xml}");
        assert!(!xml.contains('\u{7}'));
    }
}
