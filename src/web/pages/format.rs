//! French formatting for the pages: amounts in euros, numbers, dates (full and partial),
//! search snippets with highlighted words, and the checks that decide whether a URL from
//! a document may become a link. Pure functions; no HTML except [`highlight_snippet`],
//! which escapes before it marks.

use crate::storage::search::{MARK_END, MARK_START};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Narrow no-break space, the French thousands separator.
const THIN_SPACE: char = '\u{202f}';

/// `1234567.5` → `1 234 567,50 €`; whole amounts keep no decimals.
pub fn euros(amount: f64) -> String {
    let cents = (amount * 100.0).round();
    if cents % 100.0 == 0.0 {
        format!("{}\u{a0}€", group_thousands(&format!("{:.0}", amount.round())))
    } else {
        let text = format!("{:.2}", amount);
        let (whole, decimals) = text.split_once('.').unwrap_or((text.as_str(), "00"));
        format!("{},{}\u{a0}€", group_thousands(whole), decimals)
    }
}

/// A number the French way: thousands grouped, decimal comma, at most 3 decimals.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.3}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text.split_once('.') {
        Some((whole, decimals)) => format!("{},{}", group_thousands(whole), decimals),
        None => group_thousands(text),
    }
}

fn group_thousands(digits: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(THIN_SPACE);
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

fn month_name(month: u32) -> &'static str {
    MONTHS.get(month.saturating_sub(1) as usize).copied().unwrap_or("")
}

/// `12 mars 2024` (`1er` for the first day).
pub fn date(day: NaiveDate) -> String {
    let d = day.day();
    let number = if d == 1 { "1er".to_owned() } else { d.to_string() };
    format!("{number} {} {}", month_name(day.month()), day.year())
}

pub fn datetime(at: DateTime<Utc>) -> String {
    date(at.date_naive())
}

/// A stored RFC 3339 timestamp as `12 mars 2024 à 14 h 05 (UTC)`, or as given if unreadable.
pub fn timestamp(text: &str) -> String {
    match crate::storage::parse_timestamp(text) {
        Some(at) => format!("{} à {}\u{a0}h\u{a0}{} (UTC)", datetime(at), at.format("%-H"), at.format("%M")),
        None => text.to_owned(),
    }
}

/// A waiting time in words: `moins d'une minute`, `12 min`, `3 h 05`, `2 j 4 h`.
pub fn duration(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => "moins d'une minute".to_owned(),
        (0, 0, m) => format!("{m}\u{a0}min"),
        (0, h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
        (d, h, _) => format!("{d}\u{a0}j {h}\u{a0}h"),
    }
}

/// `2021` → `2021`, `2021-03` → `mars 2021`, `2021-03-15` → `15 mars 2021`; anything
/// else is shown as written.
pub fn partial_date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year, month] => match month.parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) && year.len() == 4 => format!("{} {year}", month_name(m)),
            _ => text.to_owned(),
        },
        [_, _, _] => NaiveDate::parse_from_str(text, "%Y-%m-%d").map(date).unwrap_or_else(|_| text.to_owned()),
        _ => text.to_owned(),
    }
}

/// `de mars 2021 à juin 2022`, `depuis mars 2021`, `jusqu'en 2022`.
pub fn period(start: Option<&str>, end: Option<&str>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("de {} à {}", partial_date(s), partial_date(e))),
        (Some(s), None) => Some(format!("depuis {}", partial_date(s))),
        (None, Some(e)) => Some(format!("jusqu'à {}", partial_date(e))),
        (None, None) => None,
    }
}

/// Escapes a search snippet, then turns the storage sentinels into `<mark>` elements.
/// The result is the only HTML a handler builds, and it is safe by construction.
pub fn highlight_snippet(snippet: &str) -> String {
    let escaped = askama::MarkupDisplay::new_unsafe(snippet, askama::Html).to_string();
    escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
}

/// A URL from a document may become a link only if it is http(s).
pub fn safe_href(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// The host (and port) of a URL, to name a node: `https://aix.example.org/actor` → `aix.example.org`.
pub fn host_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_owned(),
            _ => url.to_owned(),
        },
        Err(_) => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_the_french_way() {
        assert_eq!(euros(1_234_567.0), "1\u{202f}234\u{202f}567\u{a0}€");
        assert_eq!(euros(1500.5), "1\u{202f}500,50\u{a0}€");
        assert_eq!(euros(12.0), "12\u{a0}€");
        assert_eq!(number(0.35), "0,35");
        assert_eq!(number(-12000.0), "-12\u{202f}000");
    }

    #[test]
    fn partial_dates_read_naturally() {
        assert_eq!(partial_date("2021"), "2021");
        assert_eq!(partial_date("2021-03"), "mars 2021");
        assert_eq!(partial_date("2021-03-01"), "1er mars 2021");
        assert_eq!(partial_date("n'importe"), "n'importe");
    }

    #[test]
    fn waiting_times_read_in_words() {
        assert_eq!(duration(20), "moins d'une minute");
        assert_eq!(duration(12 * 60), "12\u{a0}min");
        assert_eq!(duration(3 * 3600 + 5 * 60), "3\u{a0}h\u{a0}05");
        assert_eq!(duration(2 * 86400 + 4 * 3600), "2\u{a0}j 4\u{a0}h");
    }

    #[test]
    fn snippets_are_escaped_before_they_are_marked() {
        let snippet = format!("<b>x</b> {MARK_START}écologie{MARK_END} & co");
        assert_eq!(highlight_snippet(&snippet), "&lt;b&gt;x&lt;/b&gt; <mark>écologie</mark> &amp; co");
    }

    #[test]
    fn only_http_urls_become_links() {
        assert!(safe_href("javascript:alert(1)").is_none());
        assert_eq!(safe_href("https://example.org/a").as_deref(), Some("https://example.org/a"));
    }
}
