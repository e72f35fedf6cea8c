//! The snippet of a search result: a short passage of the field that matched best (the
//! one with most query words, the better group first), introduced by the field's name
//! ("Étape 3 : …"), with the matched words between [`MARK_START`] and [`MARK_END`]. The
//! web layer escapes the text and then turns the marks into `<mark>`, so document text is
//! never trusted as HTML.

use super::analysis::{Analyzer, Mode};
use super::fields::{Field, Group};
use super::query::SearchQuery;

pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// Bytes of context kept before the first matched word, and the passage's length.
const BEFORE: usize = 60;
const LENGTH: usize = 220;

/// The snippet for `query` among `fields` (title excepted: it is shown anyway), then the
/// body, whose plain text is only computed when no other field matched.
pub fn snippet(
    analyzer: &mut Analyzer,
    fields: &[Field],
    body_text: impl FnOnce() -> String,
    query: &SearchQuery,
) -> Option<String> {
    let mut best: Option<(&Field, Matches)> = None;
    for field in fields.iter().filter(|f| f.group != Group::Title) {
        let found = matches(analyzer, &field.text, query);
        if found.clauses > best.as_ref().map_or(0, |b| b.1.clauses) {
            let complete = found.clauses == query.clauses.len();
            best = Some((field, found));
            // No later field can match more words: the rest is not analysed.
            if complete {
                break;
            }
        }
    }
    if let Some((field, found)) = best {
        return Some(format!("{} : {}", field.label, passage(&field.text, &found.ranges)));
    }
    let body = body_text();
    let found = matches(analyzer, &body, query);
    (found.clauses > 0).then(|| passage(&body, &found.ranges))
}

struct Matches {
    /// How many distinct clauses of the query the text satisfies.
    clauses: usize,
    /// Byte ranges of the matched words.
    ranges: Vec<(usize, usize)>,
}

fn matches(analyzer: &mut Analyzer, text: &str, query: &SearchQuery) -> Matches {
    let mut clauses = vec![false; query.clauses.len()];
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for token in analyzer.analyze(text, Mode::Document) {
        if let Some(c) = query.matching_clause(&token.term) {
            clauses[c] = true;
            // Parts of a compound repeat its range: keep each range once.
            if ranges.last().map_or(true, |r| r.1 <= token.start) {
                ranges.push((token.start, token.end));
            }
        }
    }
    Matches { clauses: clauses.iter().filter(|c| **c).count(), ranges }
}

/// About [`LENGTH`] bytes around the first range, cut at spaces, ranges marked.
fn passage(text: &str, ranges: &[(usize, usize)]) -> String {
    let first = ranges.first().map_or(0, |r| r.0);
    let mut start = floor_boundary(text, first.saturating_sub(BEFORE));
    if start > 0 {
        start = text[start..first].find(char::is_whitespace).map_or(start, |s| start + s + 1);
    }
    let mut end = floor_boundary(text, (start + LENGTH).min(text.len()));
    if end < text.len() {
        end = text[start..end].rfind(char::is_whitespace).map_or(end, |e| start + e).max(first);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = start;
    for &(s, e) in ranges.iter().filter(|r| r.0 >= start && r.1 <= end) {
        out.push_str(&text[at..s]);
        out.push(MARK_START);
        out.push_str(&text[s..e]);
        out.push(MARK_END);
        at = e;
    }
    out.push_str(&text[at..end]);
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::search::parse_query;

    fn field(group: Group, label: &str, text: &str) -> Field {
        Field { group, label: label.into(), text: text.into() }
    }

    #[test]
    fn the_snippet_names_the_field_that_matched_and_marks_the_words() {
        let fields = vec![
            field(Group::Title, "Titre", "Écologie industrielle"),
            field(Group::Structured, "Étape 3", "Réunir les entreprises autour de leurs flux écologiques."),
        ];
        let query = parse_query("écologie").expect("query");
        let s =
            snippet(&mut Analyzer::default(), &fields, || panic!("the body is not needed"), &query).expect("a snippet");
        assert_eq!(s, "Étape 3 : Réunir les entreprises autour de leurs flux \u{2}écologiques\u{3}.");
    }

    #[test]
    fn the_field_with_more_query_words_wins_and_long_text_is_cut() {
        let long = format!("{} compost et biodéchets {}", "mot ".repeat(60), "fin ".repeat(60));
        let fields = vec![field(Group::Lead, "Résumé", "compost"), field(Group::Structured, "Contexte", &long)];
        let s =
            snippet(&mut Analyzer::default(), &fields, String::new, &parse_query("compost biodéchets").expect("query"))
                .expect("snippet");
        assert!(s.starts_with("Contexte : …"), "{s}");
        assert!(s.contains("\u{2}compost\u{3} et \u{2}biodéchets\u{3}") && s.ends_with('…'), "{s}");
    }

    #[test]
    fn the_body_is_the_last_resort() {
        let fields = vec![field(Group::Lead, "Résumé", "Rien à voir.")];
        let s = snippet(
            &mut Analyzer::default(),
            &fields,
            || "Le compost du quartier.".into(),
            &parse_query("compost").expect("query"),
        );
        assert_eq!(s.as_deref(), Some("Le \u{2}compost\u{3} du quartier."));
    }
}
