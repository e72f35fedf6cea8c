//! The place picker of the editor form: the places a territory names, ticked, and those
//! a search found, to tick (the no-JavaScript path; `places.js` adds suggestions while
//! typing, from `/api/v1/places`).

use super::form_view::OptionView;
use crate::content::geography::reference;
use crate::web::pages::views::i18n::{self, t1};

/// The top-level key under which a re-shown form carries the picker's search (never a
/// document field: it starts with `_`).
pub const PLACE_SEARCH: &str = "_place_search";

/// Places the picker lists for one search.
const PLACES_FOUND: usize = 12;

/// The places of a territory, ticked, then those found for `search`, to tick.
pub(super) fn place_options(chosen: &[String], search: &str) -> Vec<OptionView> {
    let mut options: Vec<OptionView> = chosen
        .iter()
        .filter(|code| !code.is_empty())
        .map(|code| OptionView { value: code.clone(), label: place_option_label(code), selected: true })
        .collect();
    for place in reference().search(search, PLACES_FOUND) {
        if !chosen.contains(&place.code) {
            options.push(OptionView {
                value: place.code.clone(),
                label: place_option_label(&place.code),
                selected: false,
            });
        }
    }
    options
}

fn place_option_label(code: &str) -> String {
    match reference().get(code) {
        Some(place) => format!("{} — {}", place.display_name(), i18n::place_level(place.level)),
        None => t1("place-unknown-code", "code", code),
    }
}
