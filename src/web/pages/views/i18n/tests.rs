//! The language a request gets, and the lookups outside a request.

#![allow(clippy::unwrap_used)] // a test: a failed read or a malformed source should panic

use super::*;

#[test]
fn accept_language_picks_the_preferred_of_french_and_english() {
    assert_eq!(preferred("en-GB,en;q=0.9,fr;q=0.8"), Some(Lang::En));
    assert_eq!(preferred("de-DE,fr;q=0.5,en;q=0.4"), Some(Lang::Fr));
    assert_eq!(preferred("en;q=0.3, fr-FR"), Some(Lang::Fr));
    assert_eq!(preferred("fr;q=0, en;q=0.1"), Some(Lang::En));
    assert_eq!(preferred("de, es"), None);
    assert_eq!(preferred(""), None);
}

#[test]
fn the_switch_link_keeps_the_query_and_replaces_the_language() {
    assert_eq!(with_lang("/catalogue", "q=compost&lang=fr&page=2", Lang::En), "/catalogue?q=compost&page=2&lang=en");
    assert_eq!(with_lang("/", "", Lang::Fr), "/?lang=fr");
}

#[test]
fn outside_a_request_the_language_is_french() {
    assert_eq!(lang(), Lang::Fr);
    assert_eq!(t("nav-home"), "Accueil");
}
