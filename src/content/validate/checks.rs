//! Checks of one field: text lengths, codes of a vocabulary, URLs, amounts, digits,
//! partial dates, languages. Each pushes its error, with a message of the catalogues, on the
//! collector.

use super::{MAX_LIST_LEN, MAX_TEXT_CHARS};
use crate::content::errors::Collector;
use crate::content::vocabulary::Vocabularies;
use crate::i18n::Message;
use crate::msg;

/// A text of at most `max` characters, not blank when `required`.
pub(crate) fn text(c: &mut Collector, path: &str, value: &str, max: usize, required: bool, required_message: Message) {
    if required && value.trim().is_empty() {
        c.push(path, "required", required_message);
    } else {
        length(c, path, value, max);
    }
}

/// A text of at most `max` characters.
pub(crate) fn length(c: &mut Collector, path: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        c.push(path, "too_long", msg!("validation-too_long", max = max));
    }
}

pub(crate) fn required_text(c: &mut Collector, path: &str, value: Option<&str>, strict: bool, message: Message) {
    match value {
        Some(v) => text(c, path, v, MAX_TEXT_CHARS, strict, message),
        None if strict => c.push(path, "required", message),
        None => {}
    }
}

pub(crate) fn code(c: &mut Collector, vocab: &Vocabularies, path: &str, vocabulary: &str, value: &str) {
    if !vocab.contains(vocabulary, value) {
        let known: Vec<&str> =
            vocab.get(vocabulary).map(|v| v.terms.iter().map(|t| t.code.as_str()).collect()).unwrap_or_default();
        c.push(path, "unknown_code", msg!("validation-unknown_code", value = value, allowed = known.join(", ")));
    }
}

pub(crate) fn optional_code(
    c: &mut Collector,
    vocab: &Vocabularies,
    path: &str,
    vocabulary: &str,
    value: Option<&str>,
) {
    if let Some(v) = value {
        code(c, vocab, path, vocabulary, v);
    }
}

pub(crate) fn required_code(
    c: &mut Collector,
    vocab: &Vocabularies,
    path: &str,
    vocabulary: &str,
    value: Option<&str>,
    strict: bool,
    message: Message,
) {
    match value {
        Some(v) => code(c, vocab, path, vocabulary, v),
        None if strict => c.push(path, "required", message),
        None => {}
    }
}

pub(crate) fn codes(c: &mut Collector, vocab: &Vocabularies, path: &str, vocabulary: &str, values: &[String]) {
    list_len(c, path, values.len());
    for (i, v) in values.iter().enumerate() {
        code(c, vocab, &format!("{path}[{i}]"), vocabulary, v);
        if values[..i].contains(v) {
            c.push(format!("{path}[{i}]"), "duplicate", msg!("validation-duplicate", value = v));
        }
    }
}

pub(crate) fn list_len(c: &mut Collector, path: &str, len: usize) {
    if len > MAX_LIST_LEN {
        c.push(path, "too_many", msg!("validation-too_many", max = MAX_LIST_LEN));
    }
}

pub(crate) fn url(c: &mut Collector, path: &str, value: &str) {
    match url::Url::parse(value) {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.username().is_empty()
                && u.password().is_none() => {}
        _ => c.push(path, "invalid_url", msg!("validation-invalid_url", value = value)),
    }
}

pub(crate) fn urls(c: &mut Collector, path: &str, values: &[String]) {
    list_len(c, path, values.len());
    for (i, v) in values.iter().enumerate() {
        url(c, &format!("{path}[{i}]"), v);
    }
}

pub(crate) fn amount(c: &mut Collector, path: &str, value: Option<f64>) {
    if let Some(v) = value {
        if !v.is_finite() || v < 0.0 {
            c.push(path, "invalid_number", msg!("validation-invalid_number-amount"));
        }
    }
}

pub(crate) fn digits(c: &mut Collector, path: &str, value: Option<&str>, len: usize, message: Message) {
    if let Some(v) = value {
        if v.len() != len || !v.bytes().all(|b| b.is_ascii_digit()) {
            c.push(path, "invalid_code", message);
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each part a real value.
pub fn is_partial_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let year_ok = parts.first().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    match parts.len() {
        1 => year_ok,
        2 => year_ok && parts[1].len() == 2 && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
        3 => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && parts[1].len() == 2 && parts[2].len() == 2,
        _ => false,
    }
}

pub(crate) fn partial_date(c: &mut Collector, path: &str, value: &str) {
    if !is_partial_date(value) {
        c.push(path, "invalid_date", msg!("validation-invalid_date", value = value));
    }
}

pub(crate) fn language(c: &mut Collector, path: &str, value: &str) {
    let ok = !value.is_empty()
        && value.len() <= 35
        && value.split('-').all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && value
            .split('-')
            .next()
            .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    if !ok {
        c.push(path, "invalid_language", msg!("validation-invalid_language", value = value));
    }
}
