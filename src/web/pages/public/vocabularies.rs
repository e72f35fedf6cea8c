//! `/vocabularies` and `/vocabularies/{name}`: the controlled vocabularies as people read
//! them (code and French label; pillars grouped as ADEME groups them), so that anyone can
//! resolve a code seen on this node or on a peer.

use crate::content::vocabulary::names;
use crate::operations::Node;
use crate::web::pages::public::item_view::catalogue_link;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout, Nav};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

pub struct VocabularySummary {
    pub name: String,
    pub label: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "vocabularies.html")]
struct IndexPage {
    layout: Layout,
    vocabularies: Vec<VocabularySummary>,
}

pub async fn index(node: web::Data<Node>) -> Result<HttpResponse, PageError> {
    let vocabularies = node
        .vocab
        .iter()
        .map(|(name, v)| VocabularySummary {
            name: name.clone(),
            label: v.label_in(i18n::lang()).to_owned(),
            count: v.terms.len(),
        })
        .collect();
    render(StatusCode::OK, &IndexPage { layout: Layout::public(&node, Nav::Vocabularies), vocabularies })
}

pub struct TermRow {
    pub code: String,
    pub label: String,
    pub note: String,
    /// Where the label links: the catalogue filtered by this term, or a licence text.
    pub href: Option<String>,
}

pub struct TermGroup {
    pub title: Option<String>,
    pub terms: Vec<TermRow>,
}

#[derive(Template)]
#[template(path = "vocabulary.html")]
struct VocabularyPage {
    layout: Layout,
    name: String,
    label: String,
    groups: Vec<TermGroup>,
}

/// ADEME's three groups of pillars.
fn group_title(code: &str) -> String {
    match code {
        "offre" => i18n::t("pillar-group-supply"),
        "demande" => i18n::t("pillar-group-demand"),
        "dechets" => i18n::t("pillar-group-waste"),
        other => other.to_owned(),
    }
}

/// The catalogue parameter that filters by this vocabulary, if any.
fn catalogue_param(name: &str) -> Option<&'static str> {
    match name {
        names::PILLAR => Some("pillar"),
        names::ACTIVITY_DOMAIN => Some("domain"),
        names::RESOURCE => Some("resource"),
        names::KIND => Some("kind"),
        _ => None,
    }
}

pub async fn show(node: web::Data<Node>, name: web::Path<String>) -> Result<HttpResponse, PageError> {
    let vocabulary = node.vocab.get(&name).ok_or(PageError::NotFound)?;
    let param = catalogue_param(&name);
    let mut groups: Vec<TermGroup> = Vec::new();
    for term in &vocabulary.terms {
        let title = term.group.as_deref().map(group_title);
        let row = TermRow {
            code: term.code.clone(),
            label: term.label_in(i18n::lang()).to_owned(),
            note: if term.immaterial { i18n::t("vocabulary-immaterial") } else { String::new() },
            href: match param {
                Some(p) => Some(catalogue_link(p, &term.code)),
                None => term.url.as_deref().and_then(format::safe_href),
            },
        };
        match groups.last_mut() {
            Some(last) if last.title == title => last.terms.push(row),
            _ => groups.push(TermGroup { title, terms: vec![row] }),
        }
    }
    let page = VocabularyPage {
        layout: Layout::public(&node, Nav::Vocabularies),
        name: name.into_inner(),
        label: vocabulary.label_in(i18n::lang()).to_owned(),
        groups,
    };
    render(StatusCode::OK, &page)
}
