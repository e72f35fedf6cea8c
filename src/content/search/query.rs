//! What a person typed → a search: every word must appear (as its stem, so any
//! inflection matches), text in double quotes is a phrase, and the last word is also a
//! prefix (search as you type). Anything else — operators, brackets, stray quotes — is
//! plain text: an unbalanced quote runs to the end.

use super::analysis::{fold, Analyzer, Mode};
use super::stopwords::is_stop_word;

/// Longer queries are refused (the API answers 422 naming `q`).
pub const MAX_QUERY_CHARS: usize = 500;
/// Words beyond this many are ignored.
pub const MAX_CLAUSES: usize = 12;
/// A last word shorter than this is a whole word, not a prefix (too many completions).
const MIN_PREFIX_CHARS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// One stem.
    Term(String),
    /// The last word typed: a stem that may go on (`stem*`), or a shorter stem the
    /// finished word would reduce to (`exact`: prefixes of the folded word).
    Prefix { stem: String, exact: Vec<String> },
    /// Stems that must follow each other.
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("{}", crate::msg!("validation-query_too_long", max = MAX_QUERY_CHARS))]
    TooLong,
    #[error("{}", crate::msg!("validation-query_only_stop_words"))]
    OnlyStopWords,
}

impl QueryError {
    /// Stable code for API errors.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::TooLong => "query_too_long",
            QueryError::OnlyStopWords => "query_only_stop_words",
        }
    }
}

impl SearchQuery {
    /// Nothing searchable was typed (punctuation only): nothing matches.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The clause a document term satisfies, if any (phrases: any of their words, for
    /// highlighting).
    pub fn matching_clause(&self, term: &str) -> Option<usize> {
        self.clauses.iter().position(|clause| match clause {
            Clause::Term(t) => t == term,
            Clause::Prefix { stem, exact } => term.starts_with(stem.as_str()) || exact.iter().any(|e| e == term),
            Clause::Phrase(terms) => terms.iter().any(|t| t == term),
        })
    }
}

/// Reads a query. Errors: too long, or nothing but stop words.
pub fn parse_query(input: &str) -> Result<SearchQuery, QueryError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong);
    }
    let mut analyzer = Analyzer::default();
    let mut clauses = Vec::new();
    let mut saw_stop_word = false;
    // Odd segments of a split on '"' are inside quotes; an unbalanced quote runs to the end.
    let segments: Vec<&str> = input.split(['"', '«', '»', '“', '”']).collect();
    let last_free = segments.len().saturating_sub(1);
    for (k, segment) in segments.iter().enumerate() {
        if k % 2 == 1 {
            let terms: Vec<String> = analyzer.analyze(segment, Mode::Document).into_iter().map(|t| t.term).collect();
            saw_stop_word |= terms.is_empty() && !fold(segment).is_empty();
            match terms.len() {
                0 => {}
                1 => clauses.extend(terms.into_iter().map(Clause::Term)),
                _ => clauses.push(Clause::Phrase(terms)),
            }
            continue;
        }
        let words: Vec<&str> = segment.split_whitespace().collect();
        for (w, word) in words.iter().enumerate() {
            let tokens = analyzer.analyze(word, Mode::Query);
            if tokens.is_empty() {
                saw_stop_word |= is_stop_word(&fold(word));
                continue;
            }
            let typed_last = k == last_free && w + 1 == words.len() && !input.ends_with(char::is_whitespace);
            for (t, token) in tokens.iter().enumerate() {
                let folded = fold(&word[token.start..token.end]);
                if typed_last && t + 1 == tokens.len() && folded.chars().count() >= MIN_PREFIX_CHARS {
                    clauses.push(prefix_clause(token.term.clone(), &folded));
                } else {
                    clauses.push(Clause::Term(token.term.clone()));
                }
            }
        }
    }
    clauses.dedup();
    clauses.truncate(MAX_CLAUSES);
    if clauses.is_empty() && saw_stop_word {
        return Err(QueryError::OnlyStopWords);
    }
    Ok(SearchQuery { clauses })
}

/// "ecologiq" (being typed) must find "écologique" (stem "ecolog") as well as
/// "écologiquement": the stem as a prefix, or a stem up to three letters shorter than
/// what was typed.
fn prefix_clause(stem: String, folded: &str) -> Clause {
    let shortest = folded.len().saturating_sub(3).max(MIN_PREFIX_CHARS);
    let exact = (shortest..folded.len()).map(|k| folded[..k].to_owned()).filter(|p| !p.starts_with(&stem)).collect();
    Clause::Prefix { stem, exact }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<Clause> {
        parse_query(q).map(|q| q.clauses).unwrap_or_default()
    }

    #[test]
    fn words_are_stems_and_the_last_one_a_prefix() {
        let clauses = terms("Écologie compost");
        assert_eq!(clauses[0], Clause::Term("ecolog".into()));
        assert!(matches!(&clauses[1], Clause::Prefix { stem, .. } if stem == "compost"));
        assert_eq!(terms("écologie ")[0], Clause::Term("ecolog".into()), "a space ends the word");
    }

    #[test]
    fn a_partly_typed_word_finds_the_shorter_stem() {
        let q = parse_query("ecologiq").expect("query");
        assert!(q.matching_clause("ecolog").is_some());
        assert!(q.matching_clause("ecologiqu").is_some());
        assert!(q.matching_clause("econom").is_none());
    }

    #[test]
    fn quotes_make_phrases_and_an_unbalanced_quote_runs_to_the_end() {
        assert_eq!(
            terms("\"effets utiles\" x"),
            vec![Clause::Phrase(vec!["effet".into(), "util".into()]), Clause::Term("x".into())]
        );
        assert_eq!(
            terms("compost \"circuits courts"),
            vec![Clause::Term("compost".into()), Clause::Phrase(vec!["circuit".into(), "court".into()])]
        );
    }

    #[test]
    fn operators_and_syntax_characters_are_plain_text() {
        let clauses = terms("compost OR NEAR(a b) * ^ : {title} -x");
        assert!(clauses.iter().all(|c| match c {
            Clause::Term(t) | Clause::Prefix { stem: t, .. } => t.bytes().all(|b| b.is_ascii_alphanumeric()),
            Clause::Phrase(ts) => ts.iter().all(|t| t.bytes().all(|b| b.is_ascii_alphanumeric())),
        }));
        assert_eq!(terms(" -- ; "), vec![]);
    }

    #[test]
    fn malformed_queries_are_refused_with_a_reason() {
        assert_eq!(parse_query("le la les"), Err(QueryError::OnlyStopWords));
        assert_eq!(parse_query(&"a".repeat(10_000)), Err(QueryError::TooLong));
        assert_eq!(parse_query(&"mot ".repeat(100)).map(|q| q.clauses.len()), Ok(1), "repeated words count once");
    }
}
