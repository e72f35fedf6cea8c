//! The fields of each kind of item (project sheet, good practice, experience) and the
//! structures they are made of (funding lines, stages, steps, useful effects, the six
//! registers…). Re-exported by [`super::item`], where the envelope shared by the kinds is.

use super::details::{Objective, Reference, Staffing};
use super::Lang;
use serde::{Deserialize, Serialize};

/// A useful effect: always for a beneficiary.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UsefulEffect {
    pub beneficiary: String,
    pub effect: String,
    /// `effect_kind` code: direct | externalite.
    pub kind: String,
    /// `evidence_level` code: hypothese | observe | evalue.
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    /// `organisation_type` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siren: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rna: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `organisation_type` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siren: Option<String>,
    /// `partner_relationship` code: consortium, financier, prestataire, marche_public…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    pub funder: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_eur: Option<f64>,
    /// `funding_type` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_type: Option<String>,
    /// `funding_status` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// The years the line covers (partial dates: `2025` to `2030`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Aid rate applied to the eligible base, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_percent: Option<f64>,
    /// The expenses the rate applies to (not the aid itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible_base_eur: Option<f64>,
    /// `tax_basis` code for the amounts of this line: ht | ttc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_basis: Option<String>,
    /// Share of the total budget this line covers, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_percent: Option<f64>,
    /// What the money pays for (animation, investissement…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Groups lines of one plan or scenario ("Plan 2025-2027", "Scénario bas").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
}

/// A stage of a project's history. Dates are partial ISO dates: `2021`, `2021-03`, `2021-03-15`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A work package or action group (DYNAMO's Gt1…Gt7).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPackage {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    pub indicator: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// `event_format` code: focus_group, conference, atelier, visite, webinaire…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    /// Structures that hosted it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<String>,
    /// Number of participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Fiche projet.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectSheet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<Organisation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    /// The situation and the call the project answers (context, problem, aims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The framing the project claims (triple performance, innovation loops…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approach: Option<String>,
    /// `phase` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// `project_status` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perimeter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Partner>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consortium: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_cost_eur: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<FundingLine>,
    /// Objectives, each at an optional level (finalité, supra-objectif, stratégique…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<super::details::ObjectiveShape>)]
    pub objectives: Vec<Objective>,
    /// The working hypotheses the project tests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hypotheses: Vec<String>,
    /// The risks and limits the project assumes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_packages: Vec<WorkPackage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_means: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub staffing: Vec<Staffing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical_means: Option<String>,
    /// URIs of good practices used as methods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices_used: Vec<String>,
    /// Methods used that are not items of the network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_methods: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualitative_results: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_figures: Vec<KeyFigure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub useful_effects: Vec<UsefulEffect>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluation_dimensions: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Governance, participation and the economic model, in the six registers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registers: Option<SixRegisters>,
}

/// One step of a method, in order; `section` groups steps ("démarche initiale"…).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourcesNeeded {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technical: Option<String>,
}

impl ResourcesNeeded {
    pub fn is_empty(&self) -> bool {
        self.human.is_none() && self.financial.is_none() && self.technical.is_none()
    }
}

/// Bonne pratique / méthode.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoodPractice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_actors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tools_and_supports: Vec<String>,
    #[serde(default, skip_serializing_if = "ResourcesNeeded::is_empty")]
    pub resources_needed: ResourcesNeeded,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success_factors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pitfalls: Vec<String>,
    /// `maturity` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferability: Option<String>,
    /// URIs of experiences and project sheets that used this practice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// What an experience reports on: an item (local or remote URI) or a free label.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct About {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `speaker_role` code.
    #[serde(default)]
    pub role: String,
}

/// The six registers of an economic model (ATEMIS).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SixRegisters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_proposition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contracting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding_and_value_sharing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<String>,
}

impl SixRegisters {
    /// The JSON keys of the registers, in the order of [`SixRegisters::labelled`].
    pub const KEYS: [&'static str; 6] =
        ["value_proposition", "resources", "organisation", "contracting", "funding_and_value_sharing", "governance"];

    /// The registers in their canonical order with their labels (`register-…` in
    /// `labels.ftl`), for display.
    pub fn labelled(&self, lang: Lang) -> [(String, Option<&str>); 6] {
        let label = |key| crate::i18n::format(lang, key, &[]);
        [
            (label("register-value_proposition"), self.value_proposition.as_deref()),
            (label("register-resources"), self.resources.as_deref()),
            (label("register-organisation"), self.organisation.as_deref()),
            (label("register-contracting"), self.contracting.as_deref()),
            (label("register-funding_and_value_sharing"), self.funding_and_value_sharing.as_deref()),
            (label("register-governance"), self.governance.as_deref()),
        ]
    }
}

/// Retour d'expérience.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<About>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulties: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_figures: Vec<KeyFigure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub useful_effects: Vec<UsefulEffect>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success_factors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registers: Option<SixRegisters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costs: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<FundingLine>,
    /// URIs of good practices used or produced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practices: Vec<String>,
    /// Methods used that are not items of the network.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_methods: Vec<Reference>,
}
