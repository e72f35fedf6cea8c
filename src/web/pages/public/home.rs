//! `/`: what this node holds at a glance: the latest items, counts by kind, pillar and
//! territory (each a link into the catalogue with the facet preselected), how much comes
//! from peers, and how many local items are due for review.

use crate::operations::items::queries::{self, ItemFilter};
use crate::operations::{node::stats, Node};
use crate::web::pages::public::catalogue::facet_label;
use crate::web::pages::public::item_view::catalogue_link;
use crate::web::pages::views::cards::CardView;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::france_map::{from_facet_counts, markers_of, FranceMap};
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout, Nav};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

const LATEST: i64 = 6;
const MAX_TERRITORIES: usize = 12;

pub struct CountLink {
    pub label: String,
    pub count: i64,
    pub href: String,
}

pub struct CountCard {
    pub title: String,
    pub rows: Vec<CountLink>,
    pub more_href: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    summary: String,
    territory: String,
    total: i64,
    local: i64,
    replicated: i64,
    origins: i64,
    overdue_reviews: i64,
    cards: Vec<CountCard>,
    latest: Vec<CardView>,
    map: FranceMap,
}

pub async fn show(node: web::Data<Node>) -> Result<HttpResponse, PageError> {
    let everything = ItemFilter { page: 1, per_page: LATEST, ..ItemFilter::default() };
    let latest = queries::list_items(&node, &everything, false).await?;
    let node_stats = stats::node_stats(&node).await?;

    let all_counts = queries::facets(&node, &everything).await?;
    let mut cards = Vec::new();
    for (facet, param, title, limit) in [
        ("kind", "kind", "home-by-kind", usize::MAX),
        ("pillar", "pillar", "home-by-pillar", usize::MAX),
        ("territory", "territory", "home-by-territory", MAX_TERRITORIES),
    ] {
        let counts: Vec<&(String, String, i64)> = all_counts.iter().filter(|(f, _, _)| f == facet).collect();
        let more = counts.len() > limit;
        let rows = counts
            .into_iter()
            .take(limit)
            .map(|(_, code, count)| CountLink {
                label: facet_label(&node, facet, code),
                count: *count,
                href: catalogue_link(param, code),
            })
            .collect();
        cards.push(CountCard { title: i18n::t(title), rows, more_href: more.then_some("/catalogue") });
    }

    let markers = markers_of(latest.items.iter().map(|(item, _)| &item.document));
    let map = from_facet_counts(&all_counts, |code| catalogue_link("place", code), markers, i18n::t("map-title"));
    let page = HomePage {
        layout: Layout::public(&node, Nav::Home),
        summary: node.settings.node.summary.clone(),
        territory: crate::content::geography::describe(&node.settings.node.territory),
        total: latest.total,
        local: node_stats.local,
        replicated: node_stats.replicated,
        origins: node_stats.origins,
        overdue_reviews: node_stats.overdue_reviews,
        cards,
        latest: latest.items.iter().map(|(item, _)| CardView::build(&node, item, None)).collect(),
        map,
    };
    render(StatusCode::OK, &page)
}
