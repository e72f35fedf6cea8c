//! Formatting for the pages, in the page's language: amounts in euros, numbers, dates
//! (full and partial), waiting times, search snippets with highlighted words, and the
//! checks that decide whether a URL from a document may become a link. Pure functions of
//! their input and the request's language; no HTML except [`highlight_snippet`], which
//! escapes before it marks.

use crate::content::search::snippet::{MARK_END, MARK_START};
use crate::web::pages::views::i18n::{format as message, lang, Lang};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

const MONTHS_FR: [&str; 12] = [
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

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Narrow no-break space, the French thousands separator.
const THIN_SPACE: char = '\u{202f}';

/// `1 234 567,50 €` in French, `€1,234,567.50` in English; whole amounts keep no decimals.
pub fn euros(amount: f64) -> String {
    euros_in(lang(), amount)
}

fn euros_in(lang: Lang, amount: f64) -> String {
    let cents = (amount * 100.0).round();
    let text = if cents % 100.0 == 0.0 { format!("{:.0}", amount.round()) } else { format!("{:.2}", amount) };
    let (whole, decimals) = match text.split_once('.') {
        Some((whole, decimals)) => (whole, Some(decimals)),
        None => (text.as_str(), None),
    };
    let grouped = group_thousands(lang, whole);
    match (lang, decimals) {
        (Lang::Fr, Some(d)) => format!("{grouped},{d}\u{a0}€"),
        (Lang::Fr, None) => format!("{grouped}\u{a0}€"),
        (Lang::En, Some(d)) => format!("€{grouped}.{d}"),
        (Lang::En, None) => format!("€{grouped}"),
    }
}

/// A number with thousands grouped and at most 3 decimals (decimal comma in French).
pub fn number(value: f64) -> String {
    number_in(lang(), value)
}

/// A point as people read one: "42,965° N, 1,607° E".
pub fn point(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { "S" } else { "N" };
    let ew = if lon < 0.0 { message(lang(), "format-west", &[]) } else { "E".to_owned() };
    format!("{}° {ns}, {}° {ew}", number(lat.abs()), number(lon.abs()))
}

fn number_in(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.3}", value);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let point = lang.pick(",", ".");
    match text.split_once('.') {
        Some((whole, decimals)) => format!("{}{point}{decimals}", group_thousands(lang, whole)),
        None => group_thousands(lang, text),
    }
}

fn group_thousands(lang: Lang, digits: &str) -> String {
    let separator = match lang {
        Lang::Fr => THIN_SPACE,
        Lang::En => ',',
    };
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

fn month_name(lang: Lang, month: u32) -> &'static str {
    let months = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
    };
    months.get(month.saturating_sub(1) as usize).copied().unwrap_or("")
}

/// `12 mars 2024` (`1er` for the first day) in French, `12 March 2024` in English.
pub fn date(day: NaiveDate) -> String {
    date_in(lang(), day)
}

fn date_in(lang: Lang, day: NaiveDate) -> String {
    let d = day.day();
    let number = if d == 1 && lang == Lang::Fr { "1er".to_owned() } else { d.to_string() };
    format!("{number} {} {}", month_name(lang, day.month()), day.year())
}

pub fn datetime(at: DateTime<Utc>) -> String {
    date(at.date_naive())
}

/// A stored RFC 3339 timestamp as `12 mars 2024 à 14 h 05 (UTC)` (`12 March 2024 at
/// 14:05 (UTC)`), or as given if unreadable.
pub fn timestamp(text: &str) -> String {
    timestamp_in(lang(), text)
}

fn timestamp_in(lang: Lang, text: &str) -> String {
    let Some(at) = crate::clock::parse_timestamp(text) else {
        return text.to_owned();
    };
    let day = date_in(lang, at.date_naive());
    match lang {
        Lang::Fr => format!("{day} à {}\u{a0}h\u{a0}{} (UTC)", at.format("%-H"), at.format("%M")),
        Lang::En => format!("{day} at {} (UTC)", at.format("%H:%M")),
    }
}

/// A waiting time in words: `moins d'une minute`, `12 min`, `3 h 05`, `2 j 4 h`
/// (`less than a minute`, …, `2 d 4 h`).
pub fn duration(seconds: i64) -> String {
    duration_in(lang(), seconds)
}

fn duration_in(lang: Lang, seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (days, hours, minutes) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => message(lang, "format-duration-under-a-minute", &[]),
        (0, 0, m) => format!("{m}\u{a0}min"),
        (0, h, m) => format!("{h}\u{a0}h\u{a0}{m:02}"),
        (d, h, _) => format!("{d}\u{a0}{} {h}\u{a0}h", message(lang, "format-days-abbreviation", &[])),
    }
}

/// `2021` → `2021`, `2021-03` → `mars 2021`, `2021-03-15` → `15 mars 2021`; anything
/// else is shown as written.
pub fn partial_date(text: &str) -> String {
    partial_date_in(lang(), text)
}

fn partial_date_in(lang: Lang, text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [year, month] => match month.parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) && year.len() == 4 => format!("{} {year}", month_name(lang, m)),
            _ => text.to_owned(),
        },
        [_, _, _] => {
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map(|d| date_in(lang, d)).unwrap_or_else(|_| text.to_owned())
        }
        _ => text.to_owned(),
    }
}

/// `de mars 2021 à juin 2022`, `depuis mars 2021`, `jusqu'à 2022` (`from March 2021 to
/// June 2022`, `since March 2021`, `until 2022`).
pub fn period(start: Option<&str>, end: Option<&str>) -> Option<String> {
    period_in(lang(), start, end)
}

fn period_in(lang: Lang, start: Option<&str>, end: Option<&str>) -> Option<String> {
    let date = |d| partial_date_in(lang, d);
    match (start, end) {
        (Some(s), Some(e)) => {
            Some(message(lang, "format-period", &[("start", date(s).into()), ("end", date(e).into())]))
        }
        (Some(s), None) => Some(message(lang, "format-period-since", &[("start", date(s).into())])),
        (None, Some(e)) => Some(message(lang, "format-period-until", &[("end", date(e).into())])),
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
    fn english_pages_write_amounts_dates_and_times_the_english_way() {
        assert_eq!(euros_in(Lang::En, 1_234_567.0), "€1,234,567");
        assert_eq!(euros_in(Lang::En, 1500.5), "€1,500.50");
        assert_eq!(number_in(Lang::En, 1234.25), "1,234.25");
        assert_eq!(date_in(Lang::En, NaiveDate::from_ymd_opt(2024, 3, 1).expect("a real day")), "1 March 2024");
        assert_eq!(partial_date_in(Lang::En, "2021-03"), "March 2021");
        assert_eq!(timestamp_in(Lang::En, "2024-03-12T14:05:00Z"), "12 March 2024 at 14:05 (UTC)");
        assert_eq!(duration_in(Lang::En, 2 * 86400 + 4 * 3600), "2\u{a0}d 4\u{a0}h");
        assert_eq!(period_in(Lang::En, Some("2021-03"), Some("2022")).as_deref(), Some("from March 2021 to 2022"));
        assert_eq!(period_in(Lang::En, None, Some("2022")).as_deref(), Some("until 2022"));
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
