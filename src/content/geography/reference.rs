//! The French administrative reference: régions, départements (with the DROM), EPCI and
//! communes of the INSEE Code officiel géographique, with their names and parents.
//!
//! The data ships inside the binary (`cog.tsv.zst`, about 400 KB) and is read once, the
//! first time a code is looked up. It comes from the npm package
//! `@etalab/decoupage-administratif` (INSEE COG and DGCL EPCI lists; data under the
//! Licence Ouverte 2.0), turned into the shipped file by `release::build_reference_file`
//! (`maillage geography import DIR`, see [`super::release`]). The collectivités d'outre-mer (975, 977…) are not
//! part of it.
//!
//! A place is named by a code with its level, `commune:09122`, `epci:200066231`,
//! `departement:09`, `region:76` or `country:FR`, because bare INSEE codes collide
//! across levels (11 is both the Aude and Île-de-France).

use deunicode::deunicode;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// The shipped reference (see the module doc).
static SHIPPED: &[u8] = include_bytes!("cog.tsv.zst");

static REFERENCE: LazyLock<Reference> = LazyLock::new(|| {
    let text = zstd::decode_all(SHIPPED).expect("the shipped geography reference is a zstd frame");
    Reference::parse(std::str::from_utf8(&text).expect("the shipped geography reference is UTF-8"))
        .expect("the shipped geography reference parses")
});

/// The reference shipped with the binary.
pub fn reference() -> &'static Reference {
    &REFERENCE
}

/// The level of a place, from the largest to the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Country,
    Region,
    Departement,
    Epci,
    Commune,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Country, Level::Region, Level::Departement, Level::Epci, Level::Commune];

    /// The prefix of its codes (`departement` in `departement:09`).
    pub fn prefix(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Region => "region",
            Level::Departement => "departement",
            Level::Epci => "epci",
            Level::Commune => "commune",
        }
    }

    /// The level a code with its prefix names (`commune:…` → commune), known or not.
    pub fn of_code(code: &str) -> Option<Level> {
        Level::from_prefix(code.split_once(':')?.0)
    }

    fn from_prefix(prefix: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.prefix() == prefix)
    }

    /// Whether `code` (without prefix) is written the way codes of this level are.
    fn accepts(self, code: &str) -> bool {
        let alnum = |n: usize| code.len() == n && code.chars().all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
        match self {
            Level::Country => code == "FR",
            Level::Region => code.len() == 2 && code.chars().all(|c| c.is_ascii_digit()),
            Level::Departement => alnum(2) || (code.len() == 3 && code.starts_with("97") && alnum(3)),
            Level::Epci => code.len() == 9 && code.chars().all(|c| c.is_ascii_digit()),
            Level::Commune => alnum(5),
        }
    }
}

/// Why a code given for a territory is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Not a code of any level (`ariege`, `commune` without a value…).
    Malformed,
    /// A known level, but the value is not written like a code of that level.
    WrongLevel(Level),
    /// Well formed, but the reference has no such place.
    Unknown,
}

/// One place of the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The code with its level: `commune:09122`.
    pub code: String,
    pub level: Level,
    pub name: String,
    /// The codes of the places it lies in, nearest first (EPCI, département, région,
    /// country for a commune).
    pub parents: Vec<String>,
    /// Inhabitants (communes and EPCI), to rank search results.
    pub population: u32,
    /// The name folded for search: lower case, without accents, words split on spaces.
    folded: String,
}

impl Place {
    /// The name as pages and documents write it: communes and départements carry their
    /// département code, as several communes share a name ("Saint-Martin (09)").
    pub fn display_name(&self) -> String {
        match self.level {
            Level::Commune => match self.parents.iter().find_map(|p| p.strip_prefix("departement:")) {
                Some(dep) => format!("{} ({dep})", self.name),
                None => self.name.clone(),
            },
            Level::Departement => format!("{} ({})", self.name, self.bare_code()),
            _ => self.name.clone(),
        }
    }

    /// The code without its level: `09122`.
    pub fn bare_code(&self) -> &str {
        self.code.split_once(':').map_or(&self.code, |(_, code)| code)
    }
}

/// The whole reference, indexed by code.
#[derive(Debug, Default)]
pub struct Reference {
    places: Vec<Place>,
    by_code: HashMap<String, usize>,
    /// The release it was built from, e.g. "@etalab/decoupage-administratif 6.0.0".
    pub source: String,
}

/// The country every place lies in.
pub const FRANCE: &str = "country:FR";

impl Reference {
    /// Reads the shipped format (see [`build_reference_file`]).
    pub fn parse(text: &str) -> Result<Reference, String> {
        let mut reference = Reference::default();
        reference.push(FRANCE.to_owned(), Level::Country, "France".to_owned(), Vec::new(), 0);
        for (n, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("line {}: unexpected fields {fields:?}", n + 1);
            match fields.as_slice() {
                ["#source", source] => reference.source = (*source).to_owned(),
                ["R", code, name] => {
                    reference.push(format!("region:{code}"), Level::Region, (*name).to_owned(), vec![FRANCE.into()], 0)
                }
                ["D", code, name, region] => {
                    let parents = vec![format!("region:{region}"), FRANCE.into()];
                    reference.push(format!("departement:{code}"), Level::Departement, (*name).to_owned(), parents, 0)
                }
                ["E", code, name, departements, population] => {
                    let mut parents: Vec<String> =
                        departements.split(',').map(|d| format!("departement:{d}")).collect();
                    let regions: BTreeSet<String> = parents
                        .iter()
                        .filter_map(|d| reference.get(d))
                        .flat_map(|d| d.parents.first().cloned())
                        .collect();
                    parents.extend(regions);
                    parents.push(FRANCE.into());
                    let population = population.parse().map_err(|_| bad())?;
                    reference.push(format!("epci:{code}"), Level::Epci, (*name).to_owned(), parents, population);
                }
                ["C", code, name, departement, epci, population] => {
                    let departement = format!("departement:{departement}");
                    let mut parents = Vec::with_capacity(4);
                    if !epci.is_empty() {
                        parents.push(format!("epci:{epci}"));
                    }
                    let region = reference.get(&departement).ok_or_else(bad)?.parents[0].clone();
                    parents.extend([departement, region, FRANCE.into()]);
                    let population = population.parse().map_err(|_| bad())?;
                    reference.push(format!("commune:{code}"), Level::Commune, (*name).to_owned(), parents, population);
                }
                [""] => {}
                _ => return Err(bad()),
            }
        }
        Ok(reference)
    }

    fn push(&mut self, code: String, level: Level, name: String, parents: Vec<String>, population: u32) {
        let folded = fold(&name);
        self.by_code.insert(code.clone(), self.places.len());
        self.places.push(Place { code, level, name, parents, population, folded });
    }

    /// The place of a code written with its level.
    pub fn get(&self, code: &str) -> Option<&Place> {
        self.by_code.get(code).map(|&i| &self.places[i])
    }

    /// Every place of a level, in the reference's order (by code).
    pub fn of_level(&self, level: Level) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(move |p| p.level == level)
    }

    /// How many places the reference holds at each level.
    pub fn counts(&self) -> Vec<(Level, usize)> {
        Level::ALL.into_iter().map(|level| (level, self.of_level(level).count())).collect()
    }

    /// The canonical form of a code typed by a person or sent by a program: with its
    /// level (`commune:09122`); a bare code is read as a commune (5 characters), an EPCI
    /// (9 digits) or a département (2 characters, or 97x). A région always needs its
    /// prefix (its codes collide with the départements'). The place need not exist.
    pub fn canonical(input: &str) -> Result<String, CodeError> {
        let input = input.trim();
        if let Some((prefix, code)) = input.split_once(':') {
            let level = Level::from_prefix(prefix.trim()).ok_or(CodeError::Malformed)?;
            let code = code.trim().to_ascii_uppercase();
            return if level.accepts(&code) {
                Ok(format!("{}:{code}", level.prefix()))
            } else {
                Err(CodeError::WrongLevel(level))
            };
        }
        let code = input.to_ascii_uppercase();
        [Level::Commune, Level::Epci, Level::Departement]
            .into_iter()
            .find(|level| level.accepts(&code))
            .map(|level| format!("{}:{code}", level.prefix()))
            .ok_or(CodeError::Malformed)
    }

    /// [`Self::canonical`], and the place must exist.
    pub fn resolve(&self, input: &str) -> Result<&Place, CodeError> {
        let code = Self::canonical(input)?;
        self.get(&code).ok_or(CodeError::Unknown)
    }

    /// A code and every code it lies in (a commune's EPCI, département, région and
    /// country), as filters match them; a code the reference does not know stands alone.
    pub fn with_parents(&self, code: &str) -> Vec<String> {
        let mut all = vec![code.to_owned()];
        if let Some(place) = self.get(code) {
            all.extend(place.parents.iter().cloned());
        }
        all
    }

    /// The places whose name matches what a person typed: every word typed begins a word
    /// of the name (accents and case aside, "st" for "saint"), or the text is a code.
    /// Larger places first, then by inhabitants.
    pub fn search(&self, typed: &str, limit: usize) -> Vec<&Place> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Vec::new();
        }
        if let Ok(place) = self.resolve(typed) {
            return vec![place];
        }
        let words: Vec<String> = fold(typed).split(' ').filter(|w| !w.is_empty()).map(expand_abbreviation).collect();
        let mut found: Vec<&Place> = self
            .places
            .iter()
            .filter(|place| words.iter().all(|w| place.folded.split(' ').any(|n| n.starts_with(w.as_str()))))
            .collect();
        let exact = fold(typed);
        found.sort_by(|a, b| {
            (b.folded == exact)
                .cmp(&(a.folded == exact))
                .then(a.level.cmp(&b.level))
                .then(b.population.cmp(&a.population))
                .then(a.name.cmp(&b.name))
        });
        found.truncate(limit);
        found
    }

    /// The place a free-text territory names, when exactly one place has that name
    /// (accents and case aside): used to give codes to territories written as text.
    pub fn find_by_name(&self, name: &str) -> Option<&Place> {
        let folded = fold(name);
        let mut matches = self.places.iter().filter(|p| p.folded == folded);
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }
}

/// A territory as a node's settings write it: place codes separated by commas
/// (`region:76`, `epci:200046977`) are named from the reference; any other text is kept.
pub fn describe(setting: &str) -> String {
    let places: Option<Vec<String>> =
        setting.split(',').map(|code| reference().resolve(code).ok().map(Place::display_name)).collect();
    match places {
        Some(names) if !setting.trim().is_empty() => names.join(", "),
        _ => setting.to_owned(),
    }
}

/// Lower case, no accents, punctuation as spaces: "L'Isle-sur-la-Sorgue" → "l isle sur la sorgue".
fn fold(text: &str) -> String {
    let plain = deunicode(text).to_lowercase();
    plain.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn expand_abbreviation(word: &str) -> String {
    match word {
        "st" => "saint".to_owned(),
        "ste" => "sainte".to_owned(),
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_reference_holds_every_level_of_the_cog() {
        let counts: HashMap<Level, usize> = reference().counts().into_iter().collect();
        assert_eq!(counts[&Level::Region], 18);
        assert_eq!(counts[&Level::Departement], 101);
        assert!(counts[&Level::Epci] > 1200, "{counts:?}");
        assert!(counts[&Level::Commune] > 34_000, "{counts:?}");
    }

    #[test]
    fn a_commune_knows_its_epci_departement_region_and_country() {
        let foix = reference().get("commune:09122").expect("Foix");
        assert_eq!(foix.name, "Foix");
        assert_eq!(foix.display_name(), "Foix (09)");
        assert_eq!(&foix.parents[1..], ["departement:09", "region:76", FRANCE]);
        assert!(foix.parents[0].starts_with("epci:"), "{:?}", foix.parents);
        assert_eq!(reference().get("departement:974").map(|d| d.parents[0].as_str()), Some("region:04"));
    }

    #[test]
    fn bare_codes_are_read_at_the_level_their_shape_says() {
        assert_eq!(Reference::canonical("09122"), Ok("commune:09122".into()));
        assert_eq!(Reference::canonical("2a004"), Ok("commune:2A004".into()));
        assert_eq!(Reference::canonical("200066231"), Ok("epci:200066231".into()));
        assert_eq!(Reference::canonical("09"), Ok("departement:09".into()));
        assert_eq!(Reference::canonical("region:76"), Ok("region:76".into()));
        assert_eq!(Reference::canonical("commune:09"), Err(CodeError::WrongLevel(Level::Commune)));
        assert_eq!(Reference::canonical("ville:09122"), Err(CodeError::Malformed));
        assert_eq!(Reference::canonical("Ariège"), Err(CodeError::Malformed));
        assert_eq!(reference().resolve("commune:99999").err(), Some(CodeError::Unknown));
    }

    #[test]
    fn search_finds_places_by_the_first_letters_of_their_words() {
        let names =
            |typed: &str| -> Vec<String> { reference().search(typed, 5).iter().map(|p| p.code.clone()).collect() };
        assert_eq!(names("ariege").first().map(String::as_str), Some("departement:09"));
        assert_eq!(names("Foix").first().map(String::as_str), Some("commune:09122"));
        assert!(names("st giron").contains(&"commune:09261".to_owned()), "{:?}", names("st giron"));
        assert_eq!(names("occit").first().map(String::as_str), Some("region:76"));
        assert!(names("").is_empty());
    }

    #[test]
    fn a_setting_of_codes_is_named_and_any_other_text_kept() {
        assert_eq!(describe("region:76"), "Occitanie");
        assert_eq!(describe("epci:200046977, departement:09"), "Métropole de Lyon, Ariège (09)");
        assert_eq!(describe("Pays d'Aix"), "Pays d'Aix");
        assert_eq!(describe(""), "");
    }

    #[test]
    fn a_name_gives_a_place_only_when_no_other_place_has_it() {
        assert_eq!(reference().find_by_name("ariège").map(|p| p.code.as_str()), Some("departement:09"));
        assert!(reference().find_by_name("Saint-Martin").is_none(), "several communes share the name");
    }
}
