//! The item document: the envelope shared by the three kinds, and each kind's own fields.
//!
//! `ItemDocument` is the one shape an item has in the JSON API, in import/export files and
//! in storage. It deserializes leniently typed (strings for codes and dates) so that every
//! mistake can be reported per field by [`super::validate`], which turns it into a
//! [`super::ValidItem`]. Codes refer to [`super::vocabulary`] terms.

pub use super::details::{Contact, Objective, Recognition, Reference, Source, Staffing};
pub use super::kinds::*;
use super::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The three kinds of item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ProjectSheet,
    GoodPractice,
    Experience,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::ProjectSheet, Kind::GoodPractice, Kind::Experience];

    pub fn code(self) -> &'static str {
        match self {
            Kind::ProjectSheet => "project_sheet",
            Kind::GoodPractice => "good_practice",
            Kind::Experience => "experience",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The French label (feeds, exports and Articles speak French).
    pub fn label(self) -> String {
        self.label_in(Lang::Fr)
    }

    /// The label in `lang` (`kind-…` in `labels.ftl`).
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Kind::ProjectSheet => "kind-project_sheet",
            Kind::GoodPractice => "kind-good_practice",
            Kind::Experience => "kind-experience",
        };
        crate::i18n::format(lang, key, &[])
    }
}

/// Where an item is in its life. Only `published` and `archived` items are public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    #[default]
    Draft,
    Published,
    Archived,
    Withdrawn,
}

impl Lifecycle {
    pub const ALL: [Lifecycle; 4] = [Lifecycle::Draft, Lifecycle::Published, Lifecycle::Archived, Lifecycle::Withdrawn];

    pub fn code(self) -> &'static str {
        match self {
            Lifecycle::Draft => "draft",
            Lifecycle::Published => "published",
            Lifecycle::Archived => "archived",
            Lifecycle::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Lifecycle> {
        Lifecycle::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The French label (exports speak French).
    pub fn label(self) -> String {
        self.label_in(Lang::Fr)
    }

    /// The label in `lang` (`lifecycle-…` in `labels.ftl`).
    pub fn label_in(self, lang: Lang) -> String {
        let key = match self {
            Lifecycle::Draft => "lifecycle-draft",
            Lifecycle::Published => "lifecycle-published",
            Lifecycle::Archived => "lifecycle-archived",
            Lifecycle::Withdrawn => "lifecycle-withdrawn",
        };
        crate::i18n::format(lang, key, &[])
    }

    /// Visible to the public and to peers.
    pub fn is_public(self) -> bool {
        matches!(self, Lifecycle::Published | Lifecycle::Archived)
    }
}

/// An item as written by an editor, an import file or a peer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemDocument {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    pub kind: Option<Kind>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub authors: Vec<Author>,
    #[serde(default)]
    pub territory: Territory,
    #[serde(default)]
    pub pillars: Vec<String>,
    #[serde(default)]
    pub activity_domains: Vec<String>,
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub food_themes: Vec<String>,
    #[serde(default)]
    pub target_audiences: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub documents: Vec<DocumentLink>,
    /// Pictures and documents stored by the node (see [`super::media`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<super::media::MediaFile>,
    #[serde(default)]
    pub inspired_by: Vec<String>,
    /// Who to reach about the item; a person's details stay on the origin unless public.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// The pages or documents the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Labels, awards, selections and brands the initiative holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognitions: Vec<Recognition>,
    /// Who wrote this page (may differ from the initiative's authors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_author: Option<String>,
    /// Who reviews this page for the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_moderator: Option<String>,
    #[serde(default)]
    pub lifecycle: Lifecycle,
    /// Kept when given (imports of older material); set at first publication otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_sheet: Option<ProjectSheet>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good_practice: Option<GoodPractice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    /// Read-only facts a node adds when it serves an item (id, url, revision…); accepted
    /// and ignored on input so that what a client reads it can send back.
    #[serde(default, skip_serializing)]
    #[schema(value_type = Option<Object>)]
    pub meta: Option<serde_json::Value>,
}

fn default_language() -> String {
    "fr".to_owned()
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub language: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The territory as people read it: the label, or the names of the places the codes
    /// name (derived, see `content::territory`).
    #[serde(default)]
    pub name: String,
    /// Places of the administrative reference, with their level: `commune:09122`,
    /// `epci:200067791`, `departement:09`, `region:76`, `country:FR`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// A perimeter that has no code (PETR, pays, bassin de vie, quartier…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A `scale` vocabulary code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insee_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub epci_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentLink {
    pub title: String,
    pub url: String,
    /// `document_kind` code: document, video, web_page, dataset, presentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}
