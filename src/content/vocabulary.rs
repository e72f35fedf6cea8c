//! Controlled vocabularies (pillars, domains, resources, scales, statuses…).
//!
//! They ship as data (`vocabularies.json`, compiled into the binary) with stable codes,
//! French labels and English ones, so that the same code means the same thing on every node. This module
//! owns loading and looking them up; it knows nothing of items or storage.

use super::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const VOCABULARIES_JSON: &str = include_str!("vocabularies.json");

/// One term of a vocabulary: a stable code and its French and English labels.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Term {
    pub code: String,
    pub label: String,
    pub label_en: String,
    /// Pillars are grouped (offre, demande, déchets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Resources may be immaterial (trust, skills…).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub immaterial: bool,
    /// Licences link to their legal text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A named list of terms.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Vocabulary {
    pub label: String,
    pub label_en: String,
    pub terms: Vec<Term>,
}

impl Term {
    pub fn label_in(&self, lang: Lang) -> &str {
        lang.pick(&self.label, &self.label_en)
    }
}

impl Vocabulary {
    pub fn label_in(&self, lang: Lang) -> &str {
        lang.pick(&self.label, &self.label_en)
    }

    pub fn term(&self, code: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.code == code)
    }
}

/// The vocabularies this build knows, by name (`pillar`, `activity_domain`, …).
#[derive(Debug, Clone)]
pub struct Vocabularies(Arc<BTreeMap<String, Vocabulary>>);

/// Names of the vocabularies items refer to, as constants so a typo is a compile error.
pub mod names {
    pub const PILLAR: &str = "pillar";
    pub const ACTIVITY_DOMAIN: &str = "activity_domain";
    pub const RESOURCE: &str = "resource";
    pub const FOOD_THEME: &str = "food_theme";
    pub const TARGET_AUDIENCE: &str = "target_audience";
    pub const SCALE: &str = "scale";
    /// Not a vocabulary: the places of an item's territory, as facets (`region:76`).
    pub const PLACE: &str = "place";
    pub const ORGANISATION_TYPE: &str = "organisation_type";
    pub const PHASE: &str = "phase";
    pub const PROJECT_STATUS: &str = "project_status";
    pub const FUNDING_TYPE: &str = "funding_type";
    pub const FUNDING_STATUS: &str = "funding_status";
    pub const MATURITY: &str = "maturity";
    pub const EVIDENCE_LEVEL: &str = "evidence_level";
    pub const EFFECT_KIND: &str = "effect_kind";
    pub const SPEAKER_ROLE: &str = "speaker_role";
    pub const LICENSE: &str = "license";
    pub const LIFECYCLE: &str = "lifecycle";
    pub const KIND: &str = "kind";
    pub const OBJECTIVE_LEVEL: &str = "objective_level";
    pub const TAX_BASIS: &str = "tax_basis";
    pub const PARTNER_RELATIONSHIP: &str = "partner_relationship";
    pub const EVENT_FORMAT: &str = "event_format";
    pub const RECOGNITION_KIND: &str = "recognition_kind";
    pub const DOCUMENT_KIND: &str = "document_kind";
}

impl Vocabularies {
    /// The vocabularies compiled into the binary. Parsed once; the data is checked by a
    /// unit test, so a malformed file never reaches a release.
    pub fn builtin() -> Vocabularies {
        static BUILTIN: OnceLock<Vocabularies> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let map: BTreeMap<String, Vocabulary> = serde_json::from_str(VOCABULARIES_JSON).unwrap_or_default();
                Vocabularies(Arc::new(map))
            })
            .clone()
    }

    pub fn get(&self, name: &str) -> Option<&Vocabulary> {
        self.0.get(name)
    }

    pub fn contains(&self, name: &str, code: &str) -> bool {
        self.get(name).and_then(|v| v.term(code)).is_some()
    }

    /// The French label of a code, or the code itself when unknown (e.g. a replica that
    /// uses a term this node does not ship).
    pub fn label<'a>(&'a self, name: &str, code: &'a str) -> &'a str {
        self.label_in(name, code, Lang::Fr)
    }

    /// The label of a code in a language, or the code itself when unknown.
    pub fn label_in<'a>(&'a self, name: &str, code: &'a str, lang: Lang) -> &'a str {
        self.get(name).and_then(|v| v.term(code)).map(|t| t.label_in(lang)).unwrap_or(code)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vocabulary)> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_vocabularies_parse_and_hold_the_seven_ademe_pillars() {
        let map: BTreeMap<String, Vocabulary> =
            serde_json::from_str(VOCABULARIES_JSON).expect("vocabularies.json must parse");
        assert_eq!(map["pillar"].terms.len(), 7);
        let vocab = Vocabularies::builtin();
        assert_eq!(
            vocab.label(names::PILLAR, "ecologie_industrielle_territoriale"),
            "Écologie industrielle et territoriale"
        );
    }

    #[test]
    fn codes_are_unique_within_each_vocabulary() {
        for (name, vocabulary) in Vocabularies::builtin().iter() {
            let mut codes: Vec<_> = vocabulary.terms.iter().map(|t| &t.code).collect();
            let before = codes.len();
            codes.sort();
            codes.dedup();
            assert_eq!(before, codes.len(), "duplicate code in {name}");
        }
    }

    #[test]
    fn every_vocabulary_an_item_refers_to_is_shipped() {
        let vocab = Vocabularies::builtin();
        for name in [
            names::PILLAR,
            names::ACTIVITY_DOMAIN,
            names::RESOURCE,
            names::FOOD_THEME,
            names::TARGET_AUDIENCE,
            names::SCALE,
            names::ORGANISATION_TYPE,
            names::PHASE,
            names::PROJECT_STATUS,
            names::FUNDING_TYPE,
            names::FUNDING_STATUS,
            names::MATURITY,
            names::EVIDENCE_LEVEL,
            names::EFFECT_KIND,
            names::SPEAKER_ROLE,
            names::LICENSE,
            names::LIFECYCLE,
            names::KIND,
        ] {
            assert!(vocab.get(name).is_some(), "missing vocabulary {name}");
        }
    }
}
