//! `/catalogue`: every public item held here (local and replicated), with full-text
//! search ranked by relevance, facets whose counts combine with the search, a date range
//! and pagination. Query parameters are read leniently: a bad value is ignored with a
//! notice, never an error page.

use crate::content::geography::reference::{reference, Reference};
use crate::content::vocabulary::names;
use crate::content::Kind;
use crate::operations::items::queries::{self, ItemFilter, ItemList};
use crate::operations::{Node, OperationError};
use crate::web::pages::views::cards::CardView;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::france_map::{from_facet_counts, markers_of, FranceMap};
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout, Nav};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

const PER_PAGE: i64 = 20;
const MAX_QUERY_CHARS: usize = 200;

/// The catalogue's parameters, in the order links are written.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub q: Option<String>,
    pub kind: Option<String>,
    pub territory: Option<String>,
    pub pillar: Option<String>,
    pub domain: Option<String>,
    pub resource: Option<String>,
    pub place: Option<String>,
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    pub page: i64,
}

impl Params {
    fn parse(query: &str) -> (Params, Vec<String>) {
        let mut p = Params { page: 1, ..Params::default() };
        let mut notices = Vec::new();
        for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim().to_owned();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "q" => p.q = Some(value.chars().take(MAX_QUERY_CHARS).collect()),
                "kind" if Kind::parse(&value).is_some() => p.kind = Some(value),
                "kind" => notices.push(i18n::t1("catalogue-unknown-kind", "value", &value)),
                "territory" => p.territory = Some(value),
                "pillar" => p.pillar = Some(value),
                "domain" => p.domain = Some(value),
                "resource" => p.resource = Some(value),
                "place" => p.place = Some(Reference::canonical(&value).unwrap_or(value)),
                "updated_from" | "updated_to" if chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").is_err() => {
                    notices.push(i18n::t1("catalogue-invalid-date", "value", &value))
                }
                "updated_from" => p.updated_from = Some(value),
                "updated_to" => p.updated_to = Some(value),
                "page" => p.page = value.parse::<i64>().unwrap_or(1).clamp(1, 10_000),
                _ => {}
            }
        }
        (p, notices)
    }

    /// Drops a vocabulary filter (an unknown code), returning its value.
    fn clear(&mut self, parameter: &str) -> Option<String> {
        match parameter {
            "pillar" => self.pillar.take(),
            "domain" => self.domain.take(),
            "resource" => self.resource.take(),
            "place" => self.place.take(),
            _ => None,
        }
    }

    fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", &self.q),
            ("kind", &self.kind),
            ("territory", &self.territory),
            ("pillar", &self.pillar),
            ("domain", &self.domain),
            ("resource", &self.resource),
            ("place", &self.place),
            ("updated_from", &self.updated_from),
            ("updated_to", &self.updated_to),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, v)))
        .collect()
    }

    /// A catalogue link with `param` set to `value` (or removed), back on page 1.
    pub fn href_with(&self, param: &str, value: Option<&str>) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs() {
            if k != param {
                query.append_pair(k, v);
            }
        }
        if let Some(v) = value {
            query.append_pair(param, v);
        }
        let query = query.finish();
        if query.is_empty() {
            "/catalogue".to_owned()
        } else {
            format!("/catalogue?{query}")
        }
    }

    fn href_page(&self, page: i64) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(self.pairs());
        query.append_pair("page", &page.to_string());
        format!("/catalogue?{}", query.finish())
    }

    fn filter(&self) -> ItemFilter {
        ItemFilter {
            kind: self.kind.clone(),
            territory: self.territory.clone(),
            pillar: self.pillar.clone(),
            domain: self.domain.clone(),
            resource: self.resource.clone(),
            place: self.place.clone(),
            lifecycle: None,
            updated_from: self.updated_from.clone(),
            updated_to: self.updated_to.clone(),
            text: self.q.clone(),
            local_only: false,
            page: self.page,
            per_page: PER_PAGE,
        }
    }
}

pub struct FacetValue {
    pub label: String,
    pub count: i64,
    pub href: String,
    pub current: bool,
}

pub struct FacetView {
    pub id: &'static str,
    pub title: String,
    pub values: Vec<FacetValue>,
}

pub struct ActiveFilter {
    pub label: String,
    pub remove_href: String,
}

/// (facet name for queries::facets, URL parameter, heading message).
const FACETS: [(&str, &str, &str); 6] = [
    ("kind", "kind", "facet-kind"),
    (names::PLACE, "place", "facet-place"),
    ("territory", "territory", "facet-territory"),
    ("pillar", "pillar", "facet-pillar"),
    (names::ACTIVITY_DOMAIN, "domain", "facet-domain"),
    (names::RESOURCE, "resource", "facet-resource"),
];

pub fn facet_label(node: &Node, facet: &str, code: &str) -> String {
    match facet {
        "kind" => Kind::parse(code).map(i18n::kind).unwrap_or_else(|| code.to_owned()),
        "territory" if code.is_empty() => i18n::t("unspecified"),
        "territory" => code.to_owned(),
        names::PLACE => place_label(code),
        vocabulary => i18n::term(&node.vocab, vocabulary, code).to_owned(),
    }
}

/// A place as filters and facets name it; a code this node does not know says so.
pub fn place_label(code: &str) -> String {
    match reference().get(code) {
        Some(place) => place.display_name(),
        None => i18n::t1("place-unknown-code", "code", code),
    }
}

/// The place values a facet lists: the régions, and the départements of the région
/// (or the département's région) being filtered on.
fn listed_place(code: &str, current: Option<&str>) -> bool {
    if code.starts_with("region:") {
        return true;
    }
    let region_of = |code: &str| reference().get(code).and_then(|p| p.parents.first().cloned());
    let shown_region = match current {
        Some(c) if c.starts_with("region:") => Some(c.to_owned()),
        Some(c) if c.starts_with("departement:") => region_of(c),
        _ => None,
    };
    code.starts_with("departement:") && shown_region.is_some() && region_of(code) == shown_region
}

#[derive(Template)]
#[template(path = "catalogue.html")]
struct CataloguePage {
    layout: Layout,
    params: Params,
    notices: Vec<String>,
    facets: Vec<FacetView>,
    active: Vec<ActiveFilter>,
    cards: Vec<CardView>,
    total: i64,
    /// False when `total` estimates a very large search result.
    total_exact: bool,
    page: i64,
    pages: i64,
    previous_href: Option<String>,
    next_href: Option<String>,
    /// Hidden inputs that keep the facet filters when the search form is sent.
    hidden: Vec<(&'static str, String)>,
    /// Atom feeds matching the kind, territory or pillar filter: (title, URL).
    feeds: Vec<(String, String)>,
    /// The items found, per département (the map follows the filters).
    map: FranceMap,
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let (mut params, mut notices) = Params::parse(req.query_string());
    for unknown in params.filter().unknown_codes(&node.vocab) {
        let value = params.clear(&unknown.path).unwrap_or_default();
        notices.push(i18n::t_with(
            "catalogue-unknown-code",
            &[("value", value.as_str().into()), ("parameter", unknown.path.as_str().into())],
        ));
    }
    let filter = params.filter();
    let (list, counts) = match queries::list_with_facets(&node, &filter).await {
        Ok(found) => found,
        // A search that cannot run (only stop words): say why, show nothing.
        Err(OperationError::Invalid(errors)) => {
            notices.extend(errors.0.into_iter().map(|e| e.message.to_string()));
            let empty = ItemList { items: Vec::new(), total: 0, total_exact: true, page: 1, per_page: PER_PAGE };
            (empty, Vec::new())
        }
        Err(e) => return Err(e.into()),
    };

    let mut facets = Vec::new();
    for (facet, param, title) in FACETS {
        let current = params.pairs().into_iter().find(|(k, _)| *k == param).map(|(_, v)| v.to_owned());
        let mut values: Vec<FacetValue> = counts
            .iter()
            .filter(|(f, _, _)| f == facet)
            .filter(|(_, code, _)| facet != names::PLACE || listed_place(code, current.as_deref()))
            .map(|(_, code, count)| FacetValue {
                label: facet_label(&node, facet, code),
                count: *count,
                current: current.as_deref() == Some(code.as_str()),
                href: params.href_with(param, Some(code)),
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        facets.push(FacetView { id: param, title: i18n::t(title), values });
    }

    let mut active = Vec::new();
    if let Some(q) = &params.q {
        active
            .push(ActiveFilter { label: i18n::t1("filter-search", "q", q), remove_href: params.href_with("q", None) });
    }
    for (facet, param, title) in FACETS {
        if let Some((_, v)) = params.pairs().into_iter().find(|(k, _)| *k == param) {
            active.push(ActiveFilter {
                label: i18n::t_with(
                    "filter-facet",
                    &[("facet", i18n::t(title).into()), ("value", facet_label(&node, facet, v).into())],
                ),
                remove_href: params.href_with(param, None),
            });
        }
    }
    if let Some(d) = &params.updated_from {
        active.push(ActiveFilter {
            label: i18n::t1("filter-updated-from", "date", d),
            remove_href: params.href_with("updated_from", None),
        });
    }
    if let Some(d) = &params.updated_to {
        active.push(ActiveFilter {
            label: i18n::t1("filter-updated-to", "date", d),
            remove_href: params.href_with("updated_to", None),
        });
    }

    let pages = list.pages();
    let page = list.page.min(pages.max(1));
    let hidden = params
        .pairs()
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "q" | "updated_from" | "updated_to"))
        .map(|(k, v)| (k, v.to_owned()))
        .collect();
    let cards = list.items.iter().map(|(item, snippet)| CardView::build(&node, item, snippet.as_deref())).collect();
    let feeds = crate::web::pages::views::feed_links::feeds_for(
        &node,
        params.kind.as_deref(),
        params.territory.as_deref(),
        params.pillar.as_deref(),
        params.q.as_deref(),
    );
    let markers = markers_of(list.items.iter().map(|(item, _)| &item.document));
    let map = from_facet_counts(&counts, |code| params.href_with("place", Some(code)), markers, i18n::t("map-title"));
    let view = CataloguePage {
        layout: Layout::public(&node, Nav::Catalogue),
        feeds,
        map,
        previous_href: (list.page > 1).then(|| params.href_page(list.page - 1)),
        next_href: (list.page < pages).then(|| params.href_page(list.page + 1)),
        params,
        notices,
        facets,
        active,
        cards,
        total: list.total,
        total_exact: list.total_exact,
        page,
        pages,
        hidden,
    };
    render(StatusCode::OK, &view)
}

#[cfg(test)]
mod tests {
    use super::Params;

    #[test]
    fn bad_parameters_are_ignored_with_a_notice() {
        let (p, notices) = Params::parse("kind=recette&updated_from=hier&page=x&q=%C3%A9cologie&pillar=recyclage");
        assert_eq!(p.kind, None);
        assert_eq!(p.updated_from, None);
        assert_eq!(p.page, 1);
        assert_eq!(p.q.as_deref(), Some("écologie"));
        assert_eq!(notices.len(), 2);
    }

    #[test]
    fn facet_links_keep_the_other_filters_and_go_back_to_page_one() {
        let (p, _) = Params::parse("q=compost&pillar=recyclage&page=3");
        assert_eq!(p.href_with("kind", Some("experience")), "/catalogue?q=compost&pillar=recyclage&kind=experience");
        assert_eq!(p.href_with("pillar", None), "/catalogue?q=compost");
    }
}
