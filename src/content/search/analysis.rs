//! Text → search terms, the same way for documents and queries: words are split on
//! anything that is not a letter or a digit, elided articles dropped (l', d', qu'…),
//! accents folded and case lowered, stop words dropped, and each word reduced to its
//! Snowball French stem ("écologiques" → "ecolog"). A hyphenated compound also gives its
//! joined form ("agro-écologie" → "agroecolog", the stem of "agroécologie"), so both
//! spellings find each other. Every term keeps the byte range of the text it came from,
//! for snippets.

use super::stopwords::is_stop_word;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Longest term kept, in bytes: longer "words" are noise (hashes, URLs).
const MAX_TERM_BYTES: usize = 48;

/// Articles and conjunctions that elide before a vowel: `l'`, `d'`, `qu'`, `jusqu'`…
const ELISIONS: &[&str] = &["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A compound gives its joined form and its parts ("agro-écologie" is found by
    /// "écologie" too).
    Document,
    /// A compound gives its joined form only, so that it matches both spellings.
    Query,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded stem: ASCII letters and digits only.
    pub term: String,
    /// Byte range of the source word (or compound) in the analysed text.
    pub start: usize,
    pub end: usize,
}

/// Analyses text; keeps the stems it has computed, so that one analyser used for many
/// documents (a reindex) stems each distinct word once.
pub struct Analyzer {
    stemmer: Stemmer,
    stems: HashMap<String, String>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer { stemmer: Stemmer::create(Algorithm::French), stems: HashMap::new() }
    }
}

/// Analyses `text` with a fresh [`Analyzer`].
pub fn analyze(text: &str, mode: Mode) -> Vec<Token> {
    Analyzer::default().analyze(text, mode)
}

/// Lowercase ASCII letters and digits of a word, accents folded ("Œuvre" → "oeuvre").
pub fn fold(word: &str) -> String {
    let ascii = if word.is_ascii() { word.to_owned() } else { deunicode::deunicode(word) };
    ascii.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

struct Piece {
    start: usize,
    end: usize,
    /// Joined to the next piece by a hyphen.
    hyphen_after: bool,
    elided: bool,
}

impl Analyzer {
    pub fn analyze(&mut self, text: &str, mode: Mode) -> Vec<Token> {
        let pieces = pieces(text);
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            if pieces[i].elided {
                i += 1;
                continue;
            }
            let mut j = i;
            while pieces[j].hyphen_after && j + 1 < pieces.len() && !pieces[j + 1].elided {
                j += 1;
            }
            let group = &pieces[i..=j];
            if group.len() == 1 {
                self.push_word(&mut tokens, text, group[0].start, group[0].end);
            } else {
                let joined: String = group.iter().map(|p| fold(&text[p.start..p.end])).collect();
                if let Some(term) = self.term(&joined) {
                    tokens.push(Token { term, start: group[0].start, end: group[group.len() - 1].end });
                }
                if mode == Mode::Document {
                    for p in group {
                        self.push_word(&mut tokens, text, p.start, p.end);
                    }
                }
            }
            i = j + 1;
        }
        tokens
    }

    fn push_word(&mut self, tokens: &mut Vec<Token>, text: &str, start: usize, end: usize) {
        let folded = fold(&text[start..end]);
        if is_stop_word(&folded) {
            return;
        }
        if let Some(term) = self.term(&folded) {
            tokens.push(Token { term, start, end });
        }
    }

    /// The stem of a folded word, `None` for an empty or absurdly long one.
    pub fn term(&mut self, folded: &str) -> Option<String> {
        if folded.is_empty() || folded.len() > MAX_TERM_BYTES {
            return None;
        }
        if let Some(stem) = self.stems.get(folded) {
            return Some(stem.clone());
        }
        let stem = self.stemmer.stem(folded).into_owned();
        self.stems.insert(folded.to_owned(), stem.clone());
        Some(stem)
    }
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}" | "\u{02bc}")
}

/// Runs of letters and digits, with what separates each from the next.
fn pieces(text: &str) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                spans.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
        .iter()
        .enumerate()
        .map(|(k, &(start, end))| {
            let separator = spans.get(k + 1).map(|next| &text[end..next.0]);
            let elided = separator.is_some_and(is_apostrophe) && ELISIONS.contains(&fold(&text[start..end]).as_str());
            Piece { start, end, hyphen_after: separator.is_some_and(is_hyphen), elided }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, mode: Mode) -> Vec<String> {
        analyze(text, mode).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn inflected_forms_share_a_stem_with_or_without_accents() {
        for word in ["écologie", "écologique", "écologiques", "ECOLOGIE", "ecologique"] {
            assert_eq!(terms(word, Mode::Query), terms("écologie", Mode::Query), "{word}");
        }
        assert_eq!(terms("agroécologiques", Mode::Query), terms("agroécologique", Mode::Query));
        assert_eq!(terms("réplicabilité", Mode::Query), terms("replicabilites", Mode::Query));
        assert_eq!(terms("transitions", Mode::Query), terms("transition", Mode::Query));
    }

    #[test]
    fn elisions_and_stop_words_are_dropped() {
        assert_eq!(
            terms("l'économie de la fonctionnalité", Mode::Query),
            terms("économie fonctionnalité", Mode::Query)
        );
        assert_eq!(terms("qu’elles s'engagent", Mode::Query), terms("engagent", Mode::Query));
        assert!(terms("le la les de du des", Mode::Query).is_empty());
    }

    #[test]
    fn hyphenated_and_joined_compounds_match_each_other() {
        let joined = terms("agroécologie", Mode::Query);
        assert_eq!(terms("agro-écologie", Mode::Query), joined);
        let document = terms("l'agro-écologie paysanne", Mode::Document);
        assert_eq!(document[0], joined[0], "the joined form comes first");
        assert!(document.contains(&terms("écologie", Mode::Query)[0]), "parts are indexed too: {document:?}");
    }

    #[test]
    fn tokens_point_back_to_their_source_text() {
        let text = "Étape d’écoconception";
        let tokens = analyze(text, Mode::Document);
        let sources: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(sources, vec!["Étape", "écoconception"]);
    }
}
