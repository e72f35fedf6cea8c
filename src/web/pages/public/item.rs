//! Item pages: a local public item (`/items/{slug}`), a replica (`/replicas/{id}`, where a
//! signed-in editor may re-share it), the revision history and old revisions. Also
//! resolves the other items a document refers to, for these pages and the editors'
//! preview. The body's Markdown headings are rendered one level down: the item's title
//! is the page's only `<h1>`.

use crate::content::markdown::{render_markdown_with_heading_offset, shift_headings};
use crate::content::{ItemDocument, Lifecycle};
use crate::operations::items::model::Audience;
use crate::operations::{items::queries, outbound::announce, remote::actor_pictures, Item, Node};
use crate::web::media::href;
use crate::web::pages::public::item_view::{Block, ItemView, LinkView, References};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout, Nav, Share};
use crate::web::pages::views::links::item_href;
use crate::web::pages::views::session::{csrf_field, current_editor, require_editor, see_other};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

/// How many referenced URIs a page resolves (in one query).
const MAX_REFERENCES: usize = 40;

/// The item's own title is the page's `<h1>`; the body's headings start at `<h2>`.
pub const BODY_HEADING_OFFSET: usize = 1;

/// A link to an item held here, from its narrow row.
pub fn link_to(link: &queries::ItemLink) -> LinkView {
    let href = match link.origin {
        None => format!("/items/{}", link.slug),
        Some(_) => format!("/replicas/{}", link.id),
    };
    LinkView::to(link.title.clone(), href)
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

/// The re-share form of a replica page, for a signed-in editor.
pub struct ReshareView {
    pub action: String,
    /// The outcome of the last click, shown after the redirection.
    pub notice: Option<String>,
}

#[derive(Template)]
#[template(path = "item.html")]
struct ItemPage {
    layout: Layout,
    view: ItemView,
    meta: MetaView,
    lineage: LineageView,
    reshare: Option<ReshareView>,
    /// The territory's logo, on its own items: (src, alt).
    logo: Option<(String, String)>,
}

pub async fn show_local(node: web::Data<Node>, slug: web::Path<String>) -> Result<HttpResponse, PageError> {
    let item = visible(&node, queries::local_item(&node, &slug).await?)?;
    item_page(&node, &item, Layout::public(&node, Nav::Catalogue), None).await
}

/// A public replica by its local id.
async fn public_replica(node: &Node, id: &str) -> Result<Item, PageError> {
    let id: i64 = id.parse().map_err(|_| PageError::NotFound)?;
    let item = queries::item_by_id(node, id).await?;
    if item.is_local() {
        return Err(PageError::NotFound);
    }
    visible(node, item)
}

/// A public item as it is; a retracted one as a 410 that says when and by which node; any
/// other (a draft) as not found.
fn visible(node: &Node, item: Item) -> Result<Item, PageError> {
    match item.lifecycle {
        lifecycle if lifecycle.is_public() => Ok(item),
        Lifecycle::Withdrawn => Err(PageError::Retracted {
            on: format::date(item.updated_at.date_naive()),
            by: match &item.origin {
                None => node.settings.node.display_name.clone(),
                Some(origin) => format::host_of(origin),
            },
        }),
        _ => Err(PageError::NotFound),
    }
}

pub async fn show_replica(
    node: web::Data<Node>,
    req: HttpRequest,
    id: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let item = public_replica(&node, &id).await?;
    let editor = current_editor(&node, &req).await?;
    let layout = Layout::public_for(&node, Nav::Catalogue, editor.as_ref().map(|e| &e.session));
    let reshare = editor.map(|_| ReshareView {
        action: format!("/replicas/{}/repartager", item.id),
        notice: url::form_urlencoded::parse(req.query_string().as_bytes()).find_map(|(k, v)| {
            match (k.as_ref(), v.as_ref()) {
                ("repartage", "ok") => Some(i18n::t("item-reshared")),
                ("repartage", "deja") => Some(i18n::t("item-already-reshared")),
                _ => None,
            }
        }),
    });
    item_page(&node, &item, layout, reshare).await
}

/// `POST /replicas/{id}/repartager`: an editor re-shares a replica to this node's
/// followers (an Announce; they fetch the item from its origin).
pub async fn reshare(
    node: web::Data<Node>,
    req: HttpRequest,
    id: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    editor.check_csrf(&csrf_field(&body))?;
    let item = public_replica(&node, &id).await?;
    let queued = announce::reshare(&node, &item.uri, &editor.actor()).await?;
    tracing::info!(editor = %editor.session.username, uri = %item.uri, queued, "replica re-shared from the web page");
    let outcome = if queued { "ok" } else { "deja" };
    Ok(see_other(&format!("/replicas/{}?repartage={outcome}", item.id)))
}

/// What a link to the item shows when shared: its title, summary and cover.
fn share_of(node: &Node, item: &Item) -> Share {
    let doc = &item.document;
    let cover = doc.media.iter().find(|m| m.cover && m.is_image());
    let mut description: String = doc.summary.chars().take(300).collect();
    if doc.summary.chars().count() > 300 {
        description.push('…');
    }
    Share {
        title: doc.title.clone(),
        description,
        url: node.url(&item_href(item)),
        image: cover.map(|m| node.media_url(&m.file.sha256)),
        image_alt: cover.and_then(|m| m.alt.clone()).unwrap_or_default(),
        kind: "article",
    }
}

async fn item_page(
    node: &Node,
    item: &Item,
    mut layout: Layout,
    reshare: Option<ReshareView>,
) -> Result<HttpResponse, PageError> {
    layout.share = share_of(node, item);
    let logo = if item.is_local() {
        actor_pictures::actor_pictures(node).await?.logo.map(|l| (href(&l.sha256), l.alt))
    } else {
        None
    };
    let (lineage, known) = queries::lineage_and_links(node, item, &reference_uris(&item.document)).await?;
    let refs = references_to(&known);
    let today = node.clock.now().date_naive();
    // The stored body with its headings one level down: the title is the page's `<h1>`.
    let body_html = shift_headings(&item.body_html, BODY_HEADING_OFFSET);
    let page = ItemPage {
        layout,
        reshare,
        logo,
        view: ItemView::build(&item.document_for(Audience::Public), body_html, &node.vocab, &refs),
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
                    Some(k) => link_to(k),
                    None => LinkView { text: uri.clone(), href: format::safe_href(uri) },
                })
                .collect(),
            adapted_in: lineage.adapted_in.iter().map(|i| (link_to(i), i.territory.clone())).collect(),
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
    Ok(references_to(&queries::public_item_links(node, &reference_uris(doc)).await?))
}

/// The links a page shows for the items it refers to, by URI.
fn references_to(known: &[queries::ItemLink]) -> References {
    References(known.iter().map(|link| (link.uri.clone(), link_to(link))).collect())
}

/// The items a document refers to (practices, evidence, "about"), at most
/// [`MAX_REFERENCES`].
fn reference_uris(doc: &ItemDocument) -> Vec<&str> {
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
    uris.truncate(MAX_REFERENCES);
    uris
}

pub struct RevisionRow {
    pub number: i64,
    pub edited: String,
    pub editor: String,
    pub lifecycle: String,
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

fn lifecycle_label(code: &str) -> String {
    Lifecycle::parse(code).map(i18n::lifecycle).unwrap_or_else(|| i18n::t("item-unknown-lifecycle"))
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
    let body_html = render_markdown_with_heading_offset(&old.document.body, BODY_HEADING_OFFSET);
    let page = ItemPage {
        layout: Layout::public(&node, Nav::Catalogue),
        logo: None,
        view: ItemView::build(&old.document.public_view(), body_html, &node.vocab, &refs),
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
        reshare: None,
    };
    render(StatusCode::OK, &page)
}
