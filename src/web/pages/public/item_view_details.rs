//! The detailed facts on an item page: contacts, labels and awards, sources and the
//! page's author, and the tables of partners, events, staffing and funding lines, whose
//! columns appear only when some row has a value. Built from the public view of the
//! document: withheld contact details never reach this module.

use crate::content::item::{Event, FundingLine, Objective, Partner, Reference, Staffing};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::web::pages::public::item_view::*;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;

/// A table whose columns are kept only when one of their cells has text.
struct SparseTable {
    columns: Vec<(Cell, Vec<Cell>)>,
}

impl SparseTable {
    fn new() -> SparseTable {
        SparseTable { columns: Vec::new() }
    }

    fn column(mut self, header: Cell, cells: Vec<Cell>) -> SparseTable {
        if cells.iter().any(|c| !c.text.trim().is_empty()) {
            self.columns.push((header, cells));
        }
        self
    }

    fn build(self, caption: &str, footer: Option<Vec<Cell>>) -> Option<Table> {
        let count = self.columns.first().map_or(0, |(_, cells)| cells.len());
        let headers = self.columns.iter().map(|(h, _)| h.clone()).collect();
        let rows = (0..count).map(|i| self.columns.iter().map(|(_, cells)| cells[i].clone()).collect()).collect();
        let footer = footer.map(|f| f.into_iter().take(self.columns.len()).collect());
        table(caption, headers, rows, footer)
    }
}

fn texts<T>(rows: &[T], text: impl Fn(&T) -> Option<String>) -> Vec<Cell> {
    rows.iter().map(|r| cell(text(r).unwrap_or_default())).collect()
}

fn numbers<T>(rows: &[T], value: impl Fn(&T) -> Option<String>) -> Vec<Cell> {
    rows.iter().map(|r| num_cell(value(r).unwrap_or_default())).collect()
}

fn percent(value: Option<f64>) -> Option<String> {
    value.map(|v| format!("{} %", format::number(v)))
}

/// The funding plan: funder and amount, then whatever detail the lines carry (period,
/// rate on an eligible base, tax basis, share of the budget, purpose, plan).
pub fn funding_table(vocab: &Vocabularies, lines: &[FundingLine]) -> Option<Table> {
    let amounts: Vec<f64> = lines.iter().filter_map(|f| f.amount_eur).collect();
    let footer =
        (amounts.len() > 1).then(|| vec![cell(i18n::t("view-total")), num_cell(format::euros(amounts.iter().sum()))]);
    SparseTable::new()
        .column(header("view-funder"), texts(lines, |f| Some(f.funder.clone())))
        .column(num_header("view-amount"), numbers(lines, |f| f.amount_eur.map(format::euros)))
        .column(header("view-aid-basis"), texts(lines, aid_basis))
        .column(num_header("view-budget-share"), numbers(lines, |f| percent(f.share_percent)))
        .column(
            header("view-period"),
            texts(lines, |f| f.period.as_ref().and_then(|p| format::period(p.start.as_deref(), p.end.as_deref()))),
        )
        .column(header("view-purpose"), texts(lines, |f| f.purpose.clone()))
        .column(header("view-plan"), texts(lines, |f| f.plan.clone()))
        .column(
            header("view-type"),
            texts(lines, |f| term_label(vocab, names::FUNDING_TYPE, f.funding_type.as_deref()).map(str::to_owned)),
        )
        .column(
            header("view-status"),
            texts(lines, |f| term_label(vocab, names::FUNDING_STATUS, f.status.as_deref()).map(str::to_owned)),
        )
        .column(header("view-programme"), texts(lines, |f| f.programme.clone()))
        .build("view-funding-plan", footer)
}

/// "50 % de 3 400 000 € HT": how the aid is computed, as far as the line says.
fn aid_basis(f: &FundingLine) -> Option<String> {
    let tax = f.tax_basis.as_deref().map(|t| t.to_uppercase());
    let base = f.eligible_base_eur.map(|b| match &tax {
        Some(tax) => format!("{} {tax}", format::euros(b)),
        None => format::euros(b),
    });
    match (percent(f.rate_percent), base) {
        (Some(rate), Some(base)) => {
            Some(i18n::t_with("view-rate-of-base", &[("rate", rate.into()), ("base", base.into())]))
        }
        (Some(rate), None) => Some(rate),
        (None, Some(base)) => Some(i18n::t1("view-base-only", "base", base)),
        (None, None) => tax,
    }
}

pub fn partners_table(vocab: &Vocabularies, partners: &[Partner]) -> Option<Table> {
    SparseTable::new()
        .column(header("view-partner"), texts(partners, |p| Some(p.name.clone())))
        .column(header("view-role"), texts(partners, |p| p.role.clone()))
        .column(
            header("view-relationship"),
            texts(partners, |p| {
                term_label(vocab, names::PARTNER_RELATIONSHIP, p.relationship.as_deref()).map(str::to_owned)
            }),
        )
        .column(
            header("view-organisation-type"),
            texts(partners, |p| term_label(vocab, names::ORGANISATION_TYPE, p.org_type.as_deref()).map(str::to_owned)),
        )
        .column(header("view-siren"), texts(partners, |p| p.siren.clone()))
        .build("view-partners", None)
}

pub fn events_table(vocab: &Vocabularies, events: &[Event]) -> Option<Table> {
    SparseTable::new()
        .column(header("view-event"), texts(events, |e| Some(e.name.clone())))
        .column(
            header("view-format"),
            texts(events, |e| term_label(vocab, names::EVENT_FORMAT, e.format.as_deref()).map(str::to_owned)),
        )
        .column(header("view-date"), texts(events, |e| e.date.as_deref().map(format::partial_date)))
        .column(header("view-place"), texts(events, |e| e.place.clone()))
        .column(header("view-speakers"), texts(events, |e| Some(e.speakers.join(", "))))
        .column(header("view-hosts"), texts(events, |e| Some(e.hosts.join(", "))))
        .column(num_header("view-attendance"), numbers(events, |e| e.attendance.map(|n| n.to_string())))
        .column(header("view-description"), texts(events, |e| e.description.clone()))
        .build("view-events", None)
}

pub fn staffing_table(staffing: &[Staffing]) -> Option<Table> {
    SparseTable::new()
        .column(header("view-post"), texts(staffing, |s| Some(s.role.clone())))
        .column(header("view-organisation"), texts(staffing, |s| s.organisation.clone()))
        .column(num_header("view-headcount"), numbers(staffing, |s| s.headcount.map(|n| n.to_string())))
        .column(num_header("view-fte"), numbers(staffing, |s| percent(s.fte_percent)))
        .build("view-staffing", None)
}

/// Objectives grouped by level, in the order of the `objective_level` vocabulary;
/// objectives without a level come first, under "Objectifs".
pub fn objectives(b: &mut Blocks, vocab: &Vocabularies, objectives: &[Objective]) {
    let plain: Vec<String> = objectives.iter().filter(|o| o.level.is_none()).map(|o| o.text.clone()).collect();
    b.strings("view-objectives", &plain);
    let Some(levels) = vocab.get(names::OBJECTIVE_LEVEL) else { return };
    for level in &levels.terms {
        let texts: Vec<LinkView> = objectives
            .iter()
            .filter(|o| o.level.as_deref() == Some(level.code.as_str()))
            .map(|o| LinkView::text(o.text.clone()))
            .collect();
        b.push_list(level.label_in(i18n::lang()), texts);
    }
}

pub fn references(refs: &[Reference]) -> Vec<LinkView> {
    refs.iter()
        .map(|r| LinkView { text: r.title.clone(), href: r.url.as_deref().and_then(format::safe_href) })
        .collect()
}

/// Sections every kind may have, after the kind's own: contacts, labels, sources and
/// who wrote and moderates the page.
pub fn envelope_sections(doc: &ItemDocument, vocab: &Vocabularies, out: &mut Vec<Section>) {
    let contacts = &doc.contacts;
    let mut b = Blocks::default();
    b.table(
        SparseTable::new()
            .column(header("view-organisation"), texts(contacts, |c| c.organisation.clone()))
            .column(header("view-person"), texts(contacts, |c| c.person.clone()))
            .column(header("view-role"), texts(contacts, |c| c.role.clone()))
            .column(header("view-email"), texts(contacts, |c| c.email.clone()))
            .column(header("view-phone"), texts(contacts, |c| c.phone.clone()))
            .column(header("view-website"), texts(contacts, |c| c.website.clone()))
            .build("view-contacts", None),
    );
    b.into_section("contacts", "view-contacts", out);

    let recognitions = &doc.recognitions;
    let mut b = Blocks::default();
    b.table(
        SparseTable::new()
            .column(header("view-name"), texts(recognitions, |r| Some(r.name.clone())))
            .column(
                header("view-nature"),
                texts(recognitions, |r| term_label(vocab, names::RECOGNITION_KIND, Some(&r.kind)).map(str::to_owned)),
            )
            .column(header("view-issuer"), texts(recognitions, |r| r.issuer.clone()))
            .column(header("view-date"), texts(recognitions, |r| r.date.as_deref().map(format::partial_date)))
            .column(
                header("view-valid-until"),
                texts(recognitions, |r| r.valid_until.as_deref().map(format::partial_date)),
            )
            .column(header("view-details"), texts(recognitions, |r| r.details.clone()))
            .build("view-recognitions", None),
    );
    b.into_section("labels", "view-recognitions", out);

    let mut b = Blocks::default();
    let sources = doc
        .sources
        .iter()
        .map(|s| {
            let title = s.title.clone().or_else(|| s.url.clone()).unwrap_or_default();
            let text = match s.consulted.as_deref() {
                Some(day) => format!("{title} ({} {})", i18n::t("view-consulted-on"), format::partial_date(day)),
                None => title,
            };
            LinkView { text, href: s.url.as_deref().and_then(format::safe_href) }
        })
        .collect();
    b.list("view-sources", sources);
    let mut facts = Vec::new();
    fact(&mut facts, "view-page-author", doc.page_author.as_deref());
    fact(&mut facts, "view-page-moderator", doc.page_moderator.as_deref());
    b.facts(facts);
    b.into_section("sources", "view-about-this-page", out);
}
