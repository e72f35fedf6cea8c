//! The view model of an item page: every field of an [`ItemDocument`] turned into French
//! labels and display text (vocabulary codes → labels, amounts in euros, partial dates),
//! ready for `item_body.html`. Shared by the local and replica pages, old revisions and the
//! editors' preview. Pure: URIs of other items are resolved by the caller ([`References`]).
//! The kind-specific sections live in [`crate::web::pages::public::item_view_kinds`], the
//! detailed facts (contacts, labels, sources, sparse tables) in
//! [`crate::web::pages::public::item_view_details`].

use crate::content::geography::reference;
use crate::content::item::UsefulEffect;
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::web::pages::views::format;
use crate::web::pages::views::france_map::{markers_of, FranceMap, MapOptions};
use crate::web::pages::views::i18n;
use std::collections::HashMap;

/// A text that may be a link (only http(s) and our own paths become links).
#[derive(Debug, Clone)]
pub struct LinkView {
    pub text: String,
    pub href: Option<String>,
}

impl LinkView {
    pub fn text(text: impl Into<String>) -> LinkView {
        LinkView { text: text.into(), href: None }
    }

    pub fn to(text: impl Into<String>, href: impl Into<String>) -> LinkView {
        LinkView { text: text.into(), href: Some(href.into()) }
    }
}

/// Titles and pages of the items this node holds, by URI, so that references to other
/// items (practices, evidence, "about") show a title rather than a bare URI.
#[derive(Default)]
pub struct References(pub HashMap<String, LinkView>);

impl References {
    pub fn link(&self, uri: &str) -> LinkView {
        match self.0.get(uri) {
            Some(known) => known.clone(),
            None => LinkView { text: uri.to_owned(), href: format::safe_href(uri) },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: LinkView,
}

impl Fact {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Fact {
        Fact { label: label.into(), value: LinkView::text(value) }
    }
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub num: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
    pub footer: Option<Vec<Cell>>,
}

#[derive(Debug, Clone)]
pub struct StepView {
    pub name: String,
    pub description: Option<String>,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone)]
pub struct StepGroup {
    pub section: Option<String>,
    /// Number of the first step (for `<ol start>`).
    pub start: usize,
    pub steps: Vec<StepView>,
}

/// One block of a section, in the order it is shown.
#[derive(Debug, Clone)]
pub enum Block {
    Facts(Vec<Fact>),
    /// A labelled multi-line text (line breaks kept).
    Text(String, String),
    List(String, Vec<LinkView>),
    Table(Table),
    Steps(Vec<StepGroup>),
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A set of blocks being built; empty values are left out so empty sections vanish.
/// Labels and titles given to it are message keys (`view-…`), translated here.
#[derive(Default)]
pub struct Blocks(pub Vec<Block>);

impl Blocks {
    pub fn facts(&mut self, facts: Vec<Fact>) {
        if !facts.is_empty() {
            self.0.push(Block::Facts(facts));
        }
    }

    /// A text labelled by the message `key`.
    pub fn text(&mut self, key: &str, text: Option<&str>) {
        self.push_text(&i18n::t(key), text);
    }

    /// A text under a label already in the page's language.
    pub fn push_text(&mut self, label: &str, text: Option<&str>) {
        if let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) {
            self.0.push(Block::Text(label.to_owned(), t.to_owned()));
        }
    }

    pub fn list(&mut self, label: &str, items: Vec<LinkView>) {
        if !items.is_empty() {
            self.0.push(Block::List(i18n::t(label), items));
        }
    }

    /// A list under a label already in the page's language.
    pub fn push_list(&mut self, label: &str, items: Vec<LinkView>) {
        if !items.is_empty() {
            self.0.push(Block::List(label.to_owned(), items));
        }
    }

    pub fn strings(&mut self, label: &str, items: &[String]) {
        self.list(label, items.iter().map(LinkView::text).collect());
    }

    pub fn table(&mut self, table: Option<Table>) {
        if let Some(t) = table {
            self.0.push(Block::Table(t));
        }
    }

    pub fn into_section(self, id: &'static str, title: &str, out: &mut Vec<Section>) {
        if !self.0.is_empty() {
            out.push(Section { id, title: i18n::t(title), blocks: self.0 });
        }
    }
}

/// The label of a vocabulary code in the page's language, when there is a code.
pub fn term_label<'a>(vocab: &'a Vocabularies, name: &str, code: Option<&'a str>) -> Option<&'a str> {
    code.map(|c| i18n::term(vocab, name, c))
}

/// A fact labelled by the message `label`, when it has a value.
pub fn fact(facts: &mut Vec<Fact>, label: &str, value: Option<&str>) {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        facts.push(Fact::new(i18n::t(label), v));
    }
}

/// A column header from the message `key`.
pub fn header(key: &str) -> Cell {
    Cell { text: i18n::t(key), num: false }
}

/// A header of a column of numbers.
pub fn num_header(key: &str) -> Cell {
    Cell { text: i18n::t(key), num: true }
}

pub fn cell(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), num: false }
}

pub fn num_cell(text: impl Into<String>) -> Cell {
    Cell { text: text.into(), num: true }
}

/// A table captioned by the message `caption`, or nothing when there are no rows.
pub fn table(caption: &str, headers: Vec<Cell>, rows: Vec<Vec<Cell>>, footer: Option<Vec<Cell>>) -> Option<Table> {
    (!rows.is_empty()).then(|| Table { caption: i18n::t(caption), headers, rows, footer })
}

pub fn useful_effects_table(vocab: &Vocabularies, effects: &[UsefulEffect]) -> Option<Table> {
    let rows = effects
        .iter()
        .map(|e| {
            vec![
                cell(&e.beneficiary),
                cell(&e.effect),
                cell(i18n::term(vocab, names::EFFECT_KIND, &e.kind)),
                cell(i18n::term(vocab, names::EVIDENCE_LEVEL, &e.evidence)),
            ]
        })
        .collect();
    table(
        "view-useful-effects-by-beneficiary",
        vec![header("view-for-whom"), header("view-effect"), header("view-nature"), header("view-evidence-level")],
        rows,
        None,
    )
}

/// Everything shown about an item's document.
pub struct ItemView {
    pub title: String,
    pub kind_label: String,
    /// The lifecycle when it is not simply "published" (draft, archived, withdrawn).
    pub status_badge: Option<String>,
    pub summary: String,
    pub body_html: String,
    pub language: String,
    pub territory: LinkView,
    /// The places the codes name, then those they lie in, each a catalogue filter.
    pub places: Vec<LinkView>,
    /// A small map: the item's départements and its point.
    pub locator: Option<FranceMap>,
    pub territory_facts: Vec<Fact>,
    pub term_groups: Vec<(String, Vec<LinkView>)>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub license: Option<LinkView>,
    pub dates: Vec<Fact>,
    pub sections: Vec<Section>,
    pub documents: Vec<(LinkView, String)>,
    pub media: crate::web::pages::views::item_media::MediaView,
    pub translations: Vec<(String, String, String)>,
}

impl ItemView {
    /// The locator by reference, for the included map template.
    pub fn locator_ref(&self) -> Option<&FranceMap> {
        self.locator.as_ref()
    }

    /// `body_html` must already be sanitized (stored items, or `render_markdown` output).
    pub fn build(doc: &ItemDocument, body_html: String, vocab: &Vocabularies, refs: &References) -> ItemView {
        let kind = doc.kind.unwrap_or(crate::content::Kind::ProjectSheet);
        let terms = |name: &str, codes: &[String], param: Option<&str>| -> Vec<LinkView> {
            codes
                .iter()
                .map(|c| {
                    let label = i18n::term(vocab, name, c).to_owned();
                    match param {
                        Some(p) => LinkView::to(label, catalogue_link(p, c)),
                        None => LinkView::text(label),
                    }
                })
                .collect()
        };
        let term_groups: Vec<(String, Vec<LinkView>)> = vec![
            (i18n::t("view-pillars"), terms(names::PILLAR, &doc.pillars, Some("pillar"))),
            (i18n::t("view-activity-domains"), terms(names::ACTIVITY_DOMAIN, &doc.activity_domains, Some("domain"))),
            (i18n::t("view-resources"), terms(names::RESOURCE, &doc.resources, Some("resource"))),
            (i18n::t("view-food-themes"), terms(names::FOOD_THEME, &doc.food_themes, None)),
            (i18n::t("view-target-audiences"), terms(names::TARGET_AUDIENCE, &doc.target_audiences, None)),
        ]
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .collect();

        let t = &doc.territory;
        let mut territory_facts = Vec::new();
        fact(&mut territory_facts, "view-scale", t.scale.as_deref().map(|s| i18n::term(vocab, names::SCALE, s)));
        fact(&mut territory_facts, "view-insee-code", t.insee_code.as_deref());
        fact(&mut territory_facts, "view-epci-siren", t.epci_code.as_deref());
        if let (Some(lat), Some(lon)) = (t.lat, t.lon) {
            territory_facts.push(Fact::new(i18n::t("view-coordinates"), format::point(lat, lon)));
        }
        let places = territory_places(t);
        let locator = locator(doc);
        let territory = if t.name.is_empty() {
            LinkView::text(i18n::t("view-territory-unspecified"))
        } else {
            LinkView::to(t.name.clone(), catalogue_link("territory", &t.name))
        };

        let mut dates = Vec::new();
        if let Some(p) = doc.published {
            dates.push(Fact::new(i18n::t("view-first-published"), format::datetime(p)));
        }
        if let Some(d) = doc.last_reviewed {
            dates.push(Fact::new(i18n::t("view-last-reviewed"), format::date(d)));
        }
        if let Some(d) = doc.review_due {
            dates.push(Fact::new(i18n::t("view-review-due"), format::date(d)));
        }

        let license = doc.license.as_deref().map(|code| {
            let term = vocab.get(names::LICENSE).and_then(|v| v.term(code));
            LinkView {
                text: term.map(|t| t.label.clone()).unwrap_or_else(|| code.to_owned()),
                href: term.and_then(|t| t.url.as_deref()).and_then(format::safe_href),
            }
        });

        let documents = doc
            .documents
            .iter()
            .map(|d| {
                let mut details = Vec::new();
                if let Some(k) = &d.kind {
                    details.push(i18n::term(vocab, names::DOCUMENT_KIND, k).to_owned());
                }
                if let Some(m) = &d.media_type {
                    details.push(m.clone());
                }
                if let Some(l) = &d.license {
                    details.push(format!("licence : {}", i18n::term(vocab, names::LICENSE, l)));
                }
                (LinkView { text: d.title.clone(), href: format::safe_href(&d.url) }, details.join(" · "))
            })
            .collect();

        ItemView {
            title: doc.title.clone(),
            kind_label: i18n::kind(kind),
            status_badge: (doc.lifecycle != crate::content::Lifecycle::Published)
                .then(|| i18n::lifecycle(doc.lifecycle)),
            summary: doc.summary.clone(),
            body_html,
            language: doc.language.clone(),
            territory,
            places,
            locator,
            territory_facts,
            term_groups,
            tags: doc.tags.clone(),
            authors: doc
                .authors
                .iter()
                .map(|a| match a.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    Some(role) => format!("{} ({role})", a.name),
                    None => a.name.clone(),
                })
                .collect(),
            license,
            dates,
            sections: crate::web::pages::public::item_view_kinds::sections(doc, vocab, refs),
            documents,
            media: crate::web::pages::views::item_media::MediaView::build(doc, vocab),
            translations: doc
                .translations
                .iter()
                .map(|t| (t.language.clone(), t.title.clone(), t.summary.clone()))
                .collect(),
        }
    }
}

/// `/catalogue?param=value`, properly encoded.
/// The locator map of an item that lies in a département or has a point.
fn locator(doc: &ItemDocument) -> Option<FranceMap> {
    let departements = doc.territory.departements();
    let markers = markers_of(std::iter::once(doc));
    if departements.is_empty() && markers.is_empty() {
        return None;
    }
    let options = MapOptions { compact: true, highlight: Some(departements), title: i18n::t("map-locator") };
    Some(FranceMap::new(Vec::new(), markers, options))
}

/// The places of a territory, then the larger places they lie in (not the country), as
/// catalogue filters; a code this node's reference does not know is shown as such.
fn territory_places(t: &crate::content::item::Territory) -> Vec<LinkView> {
    let mut codes: Vec<String> = t.codes.clone();
    for code in &t.codes {
        if let Some(place) = reference().get(code) {
            codes.extend(place.parents.iter().filter(|p| !p.starts_with("country:")).cloned());
        }
    }
    let mut seen = std::collections::HashSet::new();
    codes
        .into_iter()
        .filter(|code| seen.insert(code.clone()))
        .map(|code| match reference().get(&code) {
            Some(place) => LinkView::to(place.display_name(), catalogue_link("place", &code)),
            None => LinkView::text(i18n::t1("place-unknown-code", "code", &code)),
        })
        .collect()
}

pub fn catalogue_link(param: &str, value: &str) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair(param, value);
    format!("/catalogue?{}", query.finish())
}
