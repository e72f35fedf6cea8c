//! Item pages: a local public item (`/items/{slug}`), a replica (`/replicas/{id}`), the
//! revision history and old revisions. Also resolves the other items a document refers
//! to, for these pages and the editors' preview.

use super::errors::PageError;
use super::format;
use super::item_view::{Block, ItemView, LinkView, References};
use super::layout::{render, Layout, Nav};
use crate::content::markdown::render_markdown;
use crate::content::{ItemDocument, Lifecycle};
use crate::operations::{queries, Item, Node, OperationError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use std::collections::HashMap;

/// How many referenced URIs a page resolves (one lookup each).
const MAX_REFERENCES: usize = 40;

/// Where a browser reads an item held here: our page for a local item, the replica page
/// otherwise.
pub fn item_href(item: &Item) -> String {
    if item.is_local() {
        format!("/items/{}", item.slug)
    } else {
        format!("/replicas/{}", item.id)
    }
}

pub fn item_link(item: &Item) -> LinkView {
    LinkView::to(item.document.title.clone(), item_href(item))
}

pub struct OriginView {
    pub node: String,
    pub territory: String,
    pub url: Option<String>,
    pub refreshed: Option<String>,
}

pub struct OldRevision {
    pub number: i64,
    pub edited: String,
    pub current_href: String,
}

pub struct MetaView {
    pub revision: i64,
    pub updated: String,
    pub revisions_href: Option<String>,
    pub origin: Option<OriginView>,
    pub review_overdue: bool,
    pub old_revision: Option<OldRevision>,
}

#[derive(Default)]
pub struct LineageView {
    pub inspired_by: Vec<LinkView>,
    pub adapted_in: Vec<(LinkView, String)>,
}

#[derive(Template)]
#[template(path = "item.html")]
struct ItemPage {
    layout: Layout,
    view: ItemView,
    meta: MetaView,
    lineage: LineageView,
}

pub async fn show_local(node: web::Data<Node>, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let item = queries::public_local_item(&node, &slug).await?;
    item_page(&node, &item).await
}

pub async fn show_replica(node: web::Data<Node>, id: web::Path<String>) -> Result<HttpResponse, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let item = queries::item_by_id(&node, id).await?;
    if item.is_local() || !item.lifecycle.is_public() {
        return Err(PageError::NotFound);
    }
    item_page(&node, &item).await
}

async fn item_page(node: &Node, item: &Item) -> Result<HttpResponse, PageError> {
    let refs = resolve_references(node, &item.document).await?;
    let lineage = queries::lineage(node, item).await?;
    let today = node.clock.now().date_naive();
    let page = ItemPage {
        layout: Layout::public(node, Nav::Catalogue),
        view: ItemView::build(&item.document, item.body_html.clone(), &node.vocab, &refs),
        meta: MetaView {
            revision: item.revision,
            updated: format::datetime(item.updated_at),
            revisions_href: item.is_local().then(|| format!("/items/{}/revisions", item.slug)),
            origin: origin_view(item),
            review_overdue: item.review_overdue(today),
            old_revision: None,
        },
        lineage: LineageView {
            inspired_by: lineage
                .inspired_by
                .iter()
                .map(|(uri, known)| match known {
                    Some(k) => item_link(k),
                    None => LinkView { text: uri.clone(), href: format::safe_href(uri) },
                })
                .collect(),
            adapted_in: lineage.adapted_in.iter().map(|i| (item_link(i), i.document.territory.name.clone())).collect(),
        },
    };
    render(StatusCode::OK, &page)
}

fn origin_view(item: &Item) -> Option<OriginView> {
    let origin = item.origin.as_deref()?;
    Some(OriginView {
        node: format::host_of(origin),
        territory: item.document.territory.name.clone(),
        url: format::safe_href(item.page_url()),
        refreshed: item.refreshed_at.map(format::datetime),
    })
}

/// Titles and pages of the public items the document refers to (practices, evidence,
/// "about"); unknown URIs stay bare links.
pub async fn resolve_references(node: &Node, doc: &ItemDocument) -> Result<References, PageError> {
    let mut uris: Vec<&str> = Vec::new();
    if let Some(p) = &doc.project_sheet {
        uris.extend(p.practices_used.iter().map(String::as_str));
    }
    if let Some(g) = &doc.good_practice {
        uris.extend(g.evidence.iter().map(String::as_str));
    }
    if let Some(e) = &doc.experience {
        uris.extend(e.about.iter().filter_map(|a| a.item.as_deref()));
        uris.extend(e.practices.iter().map(String::as_str));
    }
    uris.sort_unstable();
    uris.dedup();
    let mut known = HashMap::new();
    for uri in uris.into_iter().take(MAX_REFERENCES) {
        match queries::item_by_uri(node, uri).await {
            Ok(item) if item.lifecycle.is_public() => {
                known.insert(uri.to_owned(), item_link(&item));
            }
            Ok(_) | Err(OperationError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(References(known))
}

pub struct RevisionRow {
    pub number: i64,
    pub edited: String,
    pub editor: String,
    pub lifecycle: &'static str,
    pub href: Option<String>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "revisions.html")]
struct RevisionsPage {
    layout: Layout,
    title: String,
    item_href: String,
    rows: Vec<RevisionRow>,
}

fn lifecycle_label(code: &str) -> &'static str {
    Lifecycle::parse(code).map(Lifecycle::label).unwrap_or("Inconnu")
}

pub async fn revisions(node: web::Data<Node>, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let item = queries::public_local_item(&node, &slug).await?;
    let rows = queries::revisions(&node, &item)
        .await?
        .into_iter()
        .map(|r| {
            let public = Lifecycle::parse(&r.lifecycle).is_some_and(Lifecycle::is_public);
            RevisionRow {
                number: r.revision,
                edited: format::timestamp(&r.edited_at),
                editor: r.editor,
                lifecycle: lifecycle_label(&r.lifecycle),
                href: public.then(|| format!("/items/{}/revisions/{}", item.slug, r.revision)),
                current: r.revision == item.revision,
            }
        })
        .collect();
    let page = RevisionsPage {
        layout: Layout::public(&node, Nav::Catalogue),
        title: item.document.title.clone(),
        item_href: item_href(&item),
        rows,
    };
    render(StatusCode::OK, &page)
}

/// An earlier public version of a local item (drafts in the history stay private).
pub async fn revision(node: web::Data<Node>, path: web::Path<(String, String)>) -> Result<HttpResponse, PageError> {
    let (slug, number) = path.into_inner();
    let number: i64 = number.parse().map_err(|_| PageError::NotFound)?;
    let item = queries::public_local_item(&node, &slug).await?;
    let old = queries::revisions(&node, &item)
        .await?
        .into_iter()
        .find(|r| r.revision == number)
        .filter(|r| Lifecycle::parse(&r.lifecycle).is_some_and(Lifecycle::is_public))
        .ok_or(PageError::NotFound)?;
    let refs = resolve_references(&node, &old.document).await?;
    let body_html = render_markdown(&old.document.body);
    let page = ItemPage {
        layout: Layout::public(&node, Nav::Catalogue),
        view: ItemView::build(&old.document, body_html, &node.vocab, &refs),
        meta: MetaView {
            revision: old.revision,
            updated: format::timestamp(&old.edited_at),
            revisions_href: Some(format!("/items/{}/revisions", item.slug)),
            origin: None,
            review_overdue: false,
            old_revision: Some(OldRevision {
                number: old.revision,
                edited: format::timestamp(&old.edited_at),
                current_href: item_href(&item),
            }),
        },
        lineage: LineageView::default(),
    };
    render(StatusCode::OK, &page)
}
