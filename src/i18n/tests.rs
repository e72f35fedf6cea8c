//! The catalogues: the same keys in both languages, every key the sources use defined,
//! every message formatting in both languages.

#![allow(clippy::unwrap_used)] // a test: a failed read or a malformed source should panic

use super::catalogue::{bundle_of, ENGLISH, FRENCH};
use super::*;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeSet;

/// The message keys a catalogue defines.
fn keys(files: &[(&str, &str)]) -> BTreeSet<String> {
    files
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter_map(|line| line.split_once(" =").map(|(key, _)| key))
        .filter(|key| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(str::to_owned)
        .collect()
}

/// Keys used by templates and Rust sources under `src`: the string literal right after a
/// lookup (`msg!("…"`, `t("…")`, `tn("…"`, `t1("…"`, `t2("…"`, `t_with("…"`), and literals
/// with the prefixes of keys handed to view helpers (`"view-…"`, `"facet-…"`, `"home-by-…"`).
fn used_keys() -> BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                let text = std::fs::read_to_string(&path).unwrap();
                for call in
                    ["msg!(\"", "t(\"", "tn(\"", "t1(\"", "t2(\"", "t_with(\"", "\"view-", "\"facet-", "\"home-by-"]
                {
                    for (at, _) in text.match_indices(call) {
                        let before = text[..at].chars().next_back().unwrap_or(' ');
                        if before.is_ascii_alphanumeric() || before == '_' {
                            continue;
                        }
                        let prefix = call.strip_prefix('"').unwrap_or("");
                        let rest = &text[at + call.len() - prefix.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        if !key.is_empty()
                            && !key.ends_with('-')
                            && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                        {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
    }
    used
}

#[test]
fn both_catalogues_define_the_same_keys() {
    let french = keys(FRENCH);
    let english = keys(ENGLISH);
    assert!(french.len() > 10, "the French catalogue was read");
    let only_french: Vec<_> = french.difference(&english).collect();
    let only_english: Vec<_> = english.difference(&french).collect();
    assert!(only_french.is_empty(), "missing in English: {only_french:?}");
    assert!(only_english.is_empty(), "missing in French: {only_english:?}");
}

#[test]
fn every_key_used_in_the_sources_is_defined() {
    let defined = keys(FRENCH);
    let missing: Vec<_> = used_keys().into_iter().filter(|k| !defined.contains(k)).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
}

#[test]
fn catalogues_parse_without_errors() {
    for (name, text) in FRENCH.iter().chain(ENGLISH) {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_owned()) {
            panic!("{name}: {errors:?}");
        }
    }
}

/// Every `$variable` the catalogues mention.
fn variables() -> BTreeSet<String> {
    let text: String = FRENCH.iter().chain(ENGLISH).map(|(_, text)| *text).collect();
    text.split('$')
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect())
        .collect()
}

#[test]
fn every_message_formats_in_both_languages() {
    for key in keys(FRENCH) {
        for lang in [Lang::Fr, Lang::En] {
            let bundle = bundle_of(lang);
            let pattern = bundle.get_message(&key).and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("{key} has no value in {lang:?}"));
            let mut args = FluentArgs::new();
            for name in variables() {
                args.set(name, FluentValue::from(2));
            }
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{key} in {lang:?}: {errors:?}");
            assert!(!text.trim().is_empty(), "{key} is empty in {lang:?}");
        }
    }
}

#[test]
fn plural_forms_follow_the_count() {
    assert_eq!(format(Lang::Fr, "results-count", &[("n", Arg::Number(1.0))]), "1 résultat");
    assert_eq!(format(Lang::Fr, "results-count", &[("n", Arg::Number(3.0))]), "3 résultats");
    assert_eq!(format(Lang::En, "results-count", &[("n", Arg::Number(1.0))]), "1 result");
    assert_eq!(format(Lang::En, "results-count", &[("n", Arg::Number(3.0))]), "3 results");
}

#[test]
fn a_missing_key_renders_as_itself_rather_than_failing() {
    assert_eq!(format(Lang::En, "no-such-message", &[]), "no-such-message");
}

#[test]
fn a_message_keeps_its_arguments_for_either_language() {
    let message = crate::msg!("results-count", n = 3);
    assert_eq!(message.to_string(), "3 résultats");
    assert_eq!(message.in_lang(Lang::En), "3 results");
    assert_eq!(serde_json::to_value(&message).unwrap(), serde_json::json!("3 résultats"));
}
