//! The catalogue as CSV for spreadsheets: one row per public item with French column
//! headers, lists joined with " | ", RFC 4180 quoting, and a UTF-8 byte order mark so
//! that spreadsheet software reads the accents right. Pure functions; the handler is in
//! `exports`.

use crate::content::vocabulary::names;
use crate::content::Vocabularies;
use crate::operations::items::model::Audience;
use crate::operations::Item;

/// What lists are joined with inside one cell.
const LIST_SEPARATOR: &str = " | ";
pub const BOM: &str = "\u{feff}";

pub const HEADERS: [&str; 32] = [
    "Identifiant",
    "Type",
    "Titre",
    "Résumé",
    "Territoire",
    "Origine",
    "Page",
    "Page d'origine",
    "Piliers",
    "Domaines d'activité",
    "Ressources",
    "Thèmes alimentaires",
    "Publics cibles",
    "Mots-clés",
    "Auteurs",
    "Inspiré par",
    "Documents",
    "Licence",
    "Langue",
    "État",
    "Révision",
    "Publiée le",
    "Mise à jour le",
    "Structure porteuse",
    "Date de début",
    "Date de fin",
    "Coût total (€)",
    "Contacts",
    "Labels et distinctions",
    "Sources",
    "Autrice ou auteur de la fiche",
    "Modération",
];

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula: such
/// free text is prefixed with an apostrophe (CSV injection).
fn text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().map(text).collect::<Vec<_>>().join(LIST_SEPARATOR)
}

fn labels(vocab: &Vocabularies, name: &str, codes: &[String]) -> String {
    list(codes.iter().map(|c| vocab.label(name, c)))
}

/// One item as a row, in the order of [`HEADERS`]. `page` is the item's page on this
/// node (absolute URL); `origin` names where it comes from ("ce nœud" or a host).
pub fn item_row(item: &Item, vocab: &Vocabularies, page: &str, origin: &str) -> Vec<String> {
    let doc = item.document_for(Audience::Public);
    let sheet = doc.project_sheet.as_ref();
    let authors: Vec<String> = doc
        .authors
        .iter()
        .map(|a| match &a.role {
            Some(role) if !role.trim().is_empty() => format!("{} ({role})", a.name),
            _ => a.name.clone(),
        })
        .collect();
    let documents: Vec<String> = doc.documents.iter().map(|d| format!("{} <{}>", d.title, d.url)).collect();
    // The public view: withheld contact details are not in `doc`.
    let contacts: Vec<String> = doc
        .contacts
        .iter()
        .map(|c| {
            [&c.organisation, &c.person, &c.role, &c.email, &c.phone, &c.website]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let recognitions: Vec<String> = doc
        .recognitions
        .iter()
        .map(|r| match (&r.issuer, &r.valid_until) {
            (Some(issuer), Some(until)) => format!("{} ({issuer}, jusqu'à {until})", r.name),
            (Some(issuer), None) => format!("{} ({issuer})", r.name),
            (None, Some(until)) => format!("{} (jusqu'à {until})", r.name),
            (None, None) => r.name.clone(),
        })
        .collect();
    let sources: Vec<String> = doc
        .sources
        .iter()
        .map(|s| match (&s.title, &s.url) {
            (Some(title), Some(url)) => format!("{title} <{url}>"),
            (Some(text), None) | (None, Some(text)) => text.clone(),
            (None, None) => String::new(),
        })
        .collect();
    let date =
        |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default();
    vec![
        item.uri.clone(),
        item.kind.label(),
        text(&doc.title),
        text(&doc.summary),
        text(&doc.territory.name),
        text(origin),
        page.to_owned(),
        item.page_url().to_owned(),
        labels(vocab, names::PILLAR, &doc.pillars),
        labels(vocab, names::ACTIVITY_DOMAIN, &doc.activity_domains),
        labels(vocab, names::RESOURCE, &doc.resources),
        labels(vocab, names::FOOD_THEME, &doc.food_themes),
        labels(vocab, names::TARGET_AUDIENCE, &doc.target_audiences),
        list(doc.tags.iter().map(String::as_str)),
        list(authors.iter().map(String::as_str)),
        list(doc.inspired_by.iter().map(String::as_str)),
        list(documents.iter().map(String::as_str)),
        doc.license.as_deref().map(|l| vocab.label(names::LICENSE, l).to_owned()).unwrap_or_default(),
        doc.language.clone(),
        item.lifecycle.label(),
        item.revision.to_string(),
        date(item.published_at.or(doc.published)),
        date(Some(item.updated_at)),
        sheet.and_then(|s| s.carrier.as_ref()).map(|c| text(&c.name)).unwrap_or_default(),
        sheet.and_then(|s| s.start_date.clone()).unwrap_or_default(),
        sheet.and_then(|s| s.end_date.clone()).unwrap_or_default(),
        sheet.and_then(|s| s.total_cost_eur).map(|c| c.to_string()).unwrap_or_default(),
        list(contacts.iter().map(String::as_str)),
        list(recognitions.iter().map(String::as_str)),
        list(sources.iter().map(String::as_str)),
        doc.page_author.as_deref().map(text).unwrap_or_default(),
        doc.page_moderator.as_deref().map(text).unwrap_or_default(),
    ]
}

/// Appends one record: a cell holding the separator, a quote or a line break is quoted,
/// quotes doubled (RFC 4180); records end with CRLF.
pub fn push_record<S: AsRef<str>>(out: &mut String, cells: &[S], separator: char) {
    for (i, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        if i > 0 {
            out.push(separator);
        }
        if cell.contains([separator, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_separators_quotes_or_line_breaks_are_quoted() {
        let mut out = String::new();
        push_record(&mut out, &["simple", "a, b", "dit \"oui\"", "deux\nlignes", "écologie"], ',');
        assert_eq!(out, "simple,\"a, b\",\"dit \"\"oui\"\"\",\"deux\nlignes\",écologie\r\n");
        let mut out = String::new();
        push_record(&mut out, &["a, b", "c;d"], ';');
        assert_eq!(out, "a, b;\"c;d\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised_and_lists_joined() {
        assert_eq!(text("=SOMME(A1)"), "'=SOMME(A1)");
        assert_eq!(text("Écologie"), "Écologie");
        assert_eq!(list(["compost", "@moi"]), "compost | '@moi");
    }

    #[test]
    fn a_row_has_one_cell_per_header() {
        let doc = crate::content::ItemDocument {
            title: "Plateforme de compostage".into(),
            pillars: vec!["recyclage".into()],
            tags: vec!["compost".into(), "biodéchets".into()],
            ..Default::default()
        };
        let now = chrono::Utc::now();
        let item = Item {
            id: 1,
            uri: "http://n.example/items/compost".into(),
            slug: "compost".into(),
            origin: None,
            origin_url: None,
            kind: crate::content::Kind::Experience,
            lifecycle: crate::content::Lifecycle::Published,
            document: doc,
            body_html: String::new(),
            revision: 2,
            created_at: now,
            updated_at: now,
            published_at: None,
            refreshed_at: None,
        };
        let row = item_row(&item, &Vocabularies::builtin(), "http://n.example/items/compost", "ce nœud");
        assert_eq!(row.len(), HEADERS.len());
        assert_eq!(row[2], "Plateforme de compostage");
        assert_eq!(row[13], "compost | biodéchets");
        assert_eq!(row[20], "2");
    }
}
