//! The short form of an item in lists (home, catalogue, editors' dashboard).

use crate::content::vocabulary::names;
use crate::operations::{Item, Node};
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;
use crate::web::pages::views::links::item_href;

pub struct CardView {
    pub title: String,
    pub href: String,
    pub kind_label: String,
    pub territory: String,
    pub updated: String,
    pub summary: String,
    /// Escaped snippet with `<mark>`s (see [`format::highlight_snippet`]).
    pub snippet_html: Option<String>,
    /// For a replica: the origin node and the original page.
    pub origin: Option<(String, Option<String>)>,
    pub review_overdue: bool,
    pub pillars: Vec<String>,
    pub cover: Option<crate::web::pages::views::item_media::PictureView>,
}

impl CardView {
    pub fn build(node: &Node, item: &Item, snippet: Option<&str>) -> CardView {
        let doc = &item.document;
        CardView {
            title: doc.title.clone(),
            href: item_href(item),
            kind_label: i18n::kind(item.kind),
            territory: doc.territory.name.clone(),
            updated: format::datetime(item.updated_at),
            summary: doc.summary.clone(),
            snippet_html: snippet.filter(|s| !s.trim().is_empty()).map(format::highlight_snippet),
            origin: item.origin.as_deref().map(|o| (format::host_of(o), format::safe_href(item.page_url()))),
            review_overdue: item.review_overdue(node.clock.now().date_naive()),
            pillars: doc.pillars.iter().map(|c| i18n::term(&node.vocab, names::PILLAR, c).to_owned()).collect(),
            cover: crate::web::pages::views::item_media::cover_of(doc, &node.vocab),
        }
    }
}
