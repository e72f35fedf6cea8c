//! An item's territory as a reference: codes of the administrative reference at any
//! level (see [`super::geography`]), an optional label for perimeters that have no code
//! (PETR, pays, bassin de vie, quartier) and an optional point.
//!
//! Names are derived from the codes, so the same place is written the same way on every
//! node: `name` is the label when there is one, else the places' names. A territory
//! written as text only (older documents, older peers) gets the code of the one place
//! with exactly that name, and stays a label otherwise. The legacy `insee_code` and
//! `epci_code` fields become codes.

use super::errors::Collector;
use super::geography::bounds::within_france;
use super::geography::{reference, CodeError, Level};
use super::item::Territory;
use super::validate::{code, length, text, MAX_LIST_LEN, MAX_TITLE_CHARS};
use super::vocabulary::{names, Vocabularies};
use crate::msg;
use std::collections::BTreeSet;

/// Who wrote the document: a peer's codes are kept even when this node's reference does
/// not know them (a newer reference, a peer's error), and shown as "code inconnu".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    Local,
    Peer,
}

/// One place a territory names, as pages show it.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPlace {
    pub code: String,
    /// `None` when the reference does not know the code.
    pub name: Option<String>,
    pub level: Option<Level>,
}

impl Territory {
    /// Puts the territory in its canonical form (see the module doc); never fails: what
    /// cannot be read is left for [`check`] to report.
    pub fn normalise(&mut self) {
        self.name = self.name.trim().to_owned();
        self.label = self.label.take().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
        if let Some(insee) = self.insee_code.as_deref().map(str::trim) {
            if let Ok(canonical) = reference::Reference::canonical(&format!("commune:{insee}")) {
                self.codes.push(canonical);
                self.insee_code = None;
            }
        }
        if let Some(siren) = self.epci_code.as_deref().map(str::trim) {
            if let Ok(canonical) = reference::Reference::canonical(&format!("epci:{siren}")) {
                self.codes.push(canonical);
                self.epci_code = None;
            }
        }
        let mut seen = BTreeSet::new();
        self.codes = std::mem::take(&mut self.codes)
            .into_iter()
            .map(|c| reference::Reference::canonical(&c).unwrap_or(c))
            .filter(|c| seen.insert(c.clone()))
            .collect();
        if self.label.is_none() && !self.name.is_empty() && self.name != self.derived_name() {
            match reference().find_by_name(&self.name).filter(|_| self.codes.is_empty()) {
                Some(place) => self.codes.push(place.code.clone()),
                None => self.label = Some(self.name.clone()),
            }
        }
        self.name = self.label.clone().unwrap_or_else(|| self.derived_name());
        if self.scale.is_none() {
            self.scale = self.smallest_level().map(|level| scale_of(level).to_owned());
        }
    }

    /// The names of the places the codes name (the code itself for one the reference does
    /// not know), as `name` holds them when there is no label.
    fn derived_name(&self) -> String {
        self.places().iter().map(|p| p.name.clone().unwrap_or_else(|| p.code.clone())).collect::<Vec<_>>().join(", ")
    }

    /// The places the codes name, in the document's order.
    pub fn places(&self) -> Vec<NamedPlace> {
        self.codes
            .iter()
            .map(|code| {
                let place = reference().get(code);
                NamedPlace { code: code.clone(), name: place.map(|p| p.display_name()), level: place.map(|p| p.level) }
            })
            .collect()
    }

    /// Every code a filter on a place matches this territory by: its codes and all the
    /// places they lie in (a commune's EPCI, département, région and country).
    pub fn match_codes(&self) -> Vec<String> {
        let mut all = BTreeSet::new();
        for code in &self.codes {
            all.extend(reference().with_parents(code));
        }
        all.into_iter().collect()
    }

    /// The départements the territory lies in (or covers), for the map.
    pub fn departements(&self) -> Vec<String> {
        self.match_codes().into_iter().filter_map(|c| c.strip_prefix("departement:").map(str::to_owned)).collect()
    }

    fn smallest_level(&self) -> Option<Level> {
        self.codes.iter().filter_map(|c| Level::of_code(c)).max()
    }
}

/// The `scale` vocabulary code of a level.
fn scale_of(level: Level) -> &'static str {
    match level {
        Level::Commune => "commune",
        Level::Epci => "epci",
        Level::Departement => "departement",
        Level::Region => "region",
        Level::Country => "national",
    }
}

/// Checks a normalised territory.
pub(super) fn check(c: &mut Collector, vocab: &Vocabularies, t: &Territory, strict: bool, author: Author) {
    if t.codes.is_empty() {
        text(c, "territory.name", &t.name, MAX_TITLE_CHARS, strict, msg!("validation-required-territory"));
    }
    if let Some(label) = &t.label {
        length(c, "territory.label", label, MAX_TITLE_CHARS);
    }
    if t.codes.len() > MAX_LIST_LEN {
        c.push("territory.codes", "too_many", msg!("validation-too_many-places", max = MAX_LIST_LEN));
    }
    for (i, given) in t.codes.iter().enumerate() {
        let path = format!("territory.codes[{i}]");
        match reference().resolve(given) {
            Ok(_) => {}
            Err(CodeError::Malformed) => {
                c.push(path, "invalid_code", msg!("validation-invalid_code-place", value = given))
            }
            Err(CodeError::WrongLevel(level)) => {
                c.push(path, "wrong_level", msg!("validation-wrong_level", value = given, level = level.prefix()))
            }
            Err(CodeError::Unknown) if author == Author::Local => c.push(
                path,
                "unknown_code",
                msg!("validation-unknown_code-place", value = given, source = &reference().source),
            ),
            Err(CodeError::Unknown) => {}
        }
    }
    match &t.scale {
        Some(s) => code(c, vocab, "territory.scale", names::SCALE, s),
        None if strict => c.push("territory.scale", "required", msg!("validation-required-scale")),
        None => {}
    }
    if let Some(insee) = &t.insee_code {
        c.push("territory.insee_code", "invalid_code", msg!("validation-invalid_code-insee", value = insee));
    }
    if let Some(siren) = &t.epci_code {
        c.push("territory.epci_code", "invalid_code", msg!("validation-invalid_code-epci", value = siren));
    }
    point(c, t, author);
}

fn point(c: &mut Collector, t: &Territory, author: Author) {
    if let Some(lat) = t.lat {
        if !(-90.0..=90.0).contains(&lat) {
            c.push("territory.lat", "out_of_range", msg!("validation-out_of_range-lat"));
        }
    }
    if let Some(lon) = t.lon {
        if !(-180.0..=180.0).contains(&lon) {
            c.push("territory.lon", "out_of_range", msg!("validation-out_of_range-lon"));
        }
    }
    match (t.lat, t.lon) {
        (Some(_), None) => c.push("territory.lon", "required", msg!("validation-required-lon")),
        (None, Some(_)) => c.push("territory.lat", "required", msg!("validation-required-lat")),
        (Some(lat), Some(lon))
            if author == Author::Local
                && (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
                && !within_france(lat, lon) =>
        {
            c.push(
                "territory.lat",
                "outside_france",
                msg!("validation-outside_france", lat = lat.to_string(), lon = lon.to_string()),
            )
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(t: Territory, author: Author) -> Vec<(String, &'static str)> {
        let mut t = t;
        t.normalise();
        let mut c = Collector::default();
        check(&mut c, &Vocabularies::builtin(), &t, true, author);
        c.errors.into_iter().map(|e| (e.path, e.code)).collect()
    }

    fn coded(codes: &[&str]) -> Territory {
        Territory { codes: codes.iter().map(|c| (*c).to_owned()).collect(), ..Territory::default() }
    }

    #[test]
    fn codes_give_the_name_the_scale_and_every_place_a_filter_matches() {
        let mut t = coded(&["09122"]);
        t.normalise();
        assert_eq!(t.codes, ["commune:09122"]);
        assert_eq!(t.name, "Foix (09)");
        assert_eq!(t.scale.as_deref(), Some("commune"));
        let matched = t.match_codes();
        for code in ["commune:09122", "departement:09", "region:76", "country:FR"] {
            assert!(matched.contains(&code.to_owned()), "{code} in {matched:?}");
        }
        assert_eq!(t.departements(), ["09"]);
    }

    #[test]
    fn a_territory_written_as_text_gets_the_code_of_the_one_place_of_that_name() {
        let mut named = Territory { name: "Ariège".into(), ..Territory::default() };
        named.normalise();
        assert_eq!((named.codes.as_slice(), named.label.as_deref()), (&["departement:09".to_owned()][..], None));
        assert_eq!(named.name, "Ariège (09)");
        let mut free = Territory { name: "PETR de l'Ariège".into(), ..Territory::default() };
        free.normalise();
        assert_eq!(
            (free.codes.len(), free.label.as_deref(), free.name.as_str()),
            (0, Some("PETR de l'Ariège"), "PETR de l'Ariège")
        );
        let mut again = named.clone();
        again.normalise();
        assert_eq!(again, named, "normalising twice changes nothing");
    }

    #[test]
    fn legacy_insee_and_epci_codes_become_codes_and_the_text_a_label() {
        let mut t = Territory {
            name: "Pays de Foix".into(),
            insee_code: Some("09122".into()),
            epci_code: Some("200067791".into()),
            ..Territory::default()
        };
        t.normalise();
        assert_eq!(t.codes, ["commune:09122", "epci:200067791"]);
        assert_eq!((t.insee_code, t.epci_code), (None, None));
        assert_eq!(t.label.as_deref(), Some("Pays de Foix"));
    }

    #[test]
    fn bad_codes_are_refused_with_the_field_that_holds_them() {
        assert_eq!(
            checked(coded(&["commune:99999"]), Author::Local),
            [("territory.codes[0]".to_owned(), "unknown_code")]
        );
        assert_eq!(
            checked(coded(&["09", "commune:09"]), Author::Local),
            [("territory.codes[1]".to_owned(), "wrong_level")]
        );
        let malformed = Territory { scale: Some("departement".into()), ..coded(&["Ariège, 09"]) };
        assert_eq!(checked(malformed, Author::Local), [("territory.codes[0]".to_owned(), "invalid_code")]);
        let long = Territory { label: Some("x".repeat(201)), ..coded(&["09"]) };
        assert_eq!(checked(long, Author::Local), [("territory.label".to_owned(), "too_long")]);
    }

    #[test]
    fn a_peers_unknown_code_is_kept_and_named_by_its_code() {
        assert!(checked(coded(&["commune:99999"]), Author::Peer).is_empty());
        let mut t = coded(&["commune:99999"]);
        t.normalise();
        assert_eq!(t.name, "commune:99999");
        assert_eq!(t.places()[0].name, None);
    }

    #[test]
    fn a_point_must_lie_in_france_and_come_with_both_coordinates() {
        let at = |lat, lon| Territory { lat, lon, ..coded(&["09"]) };
        assert!(checked(at(Some(42.96), Some(1.6)), Author::Local).is_empty());
        assert_eq!(
            checked(at(Some(40.4), Some(-3.7)), Author::Local),
            [("territory.lat".to_owned(), "outside_france")]
        );
        assert!(checked(at(Some(40.4), Some(-3.7)), Author::Peer).is_empty());
        assert_eq!(checked(at(Some(42.96), None), Author::Local), [("territory.lon".to_owned(), "required")]);
    }
}
