//! The detailed facts of a real sheet that the first version of the model left to free
//! text: contacts (with the privacy rule for people), sources, labels and awards,
//! references to methods outside the network, levelled objectives, staffing and the
//! richer shapes of partners, events and funding lines use.
//!
//! Every field here is optional and absent from the JSON when empty, so documents written
//! before these fields existed read exactly as they were written.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A way to reach the people behind an item: a structure and/or a person.
///
/// A person's details are personal data: unless `public` is true, only the structure,
/// its website and the role leave the origin node (see [`Contact::public_part`]).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The structure to contact (association, collectivité, entreprise…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// A person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The editor agrees that the person, e-mail and phone are published and federated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public: bool,
}

impl Contact {
    /// What may be shown to anyone and sent to peers: everything when the contact is
    /// public; otherwise the structure, its website and the role, or nothing at all when
    /// the contact was only a person.
    pub fn public_part(&self) -> Option<Contact> {
        if self.public {
            return Some(self.clone());
        }
        if self.organisation.is_none() && self.website.is_none() {
            return None;
        }
        Some(Contact {
            organisation: self.organisation.clone(),
            website: self.website.clone(),
            role: self.role.clone(),
            ..Contact::default()
        })
    }

    /// True when some of this contact is withheld from the public.
    pub fn has_private_details(&self) -> bool {
        !self.public && (self.person.is_some() || self.email.is_some() || self.phone.is_some())
    }
}

/// Where the facts of an item come from: a page (URL) or a document named by its title.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The day the page was read (`AAAA-MM-JJ`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consulted: Option<String>,
}

/// A label, an award, a selection in a call for projects, or a brand.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recognition {
    pub name: String,
    /// `recognition_kind` code: label | laureat | prix | marque.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Partial date: when it was obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Partial date: until when it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// "2e vague, parmi une trentaine de lauréats".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// A method or resource outside the network, named and optionally linked.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One objective, at a level of the project's logic (finalité → opérationnel).
///
/// An objective without a level is written as a plain string, the shape every objective
/// had before levels existed; both shapes are read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Objective {
    pub text: String,
    /// `objective_level` code.
    pub level: Option<String>,
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveFields {
    text: String,
    /// `objective_level` code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<String>,
}

/// The two shapes of an objective on the wire, for the OpenAPI description.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum ObjectiveShape {
    Plain(String),
    Levelled(ObjectiveFields),
}

impl Objective {
    pub fn plain(text: impl Into<String>) -> Objective {
        Objective { text: text.into(), level: None }
    }
}

impl From<&str> for Objective {
    fn from(text: &str) -> Objective {
        Objective::plain(text)
    }
}

impl Serialize for Objective {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.level {
            None => serializer.serialize_str(&self.text),
            Some(level) => {
                ObjectiveFields { text: self.text.clone(), level: Some(level.clone()) }.serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Objective {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Objective, D::Error> {
        struct ObjectiveVisitor;
        impl<'de> Visitor<'de> for ObjectiveVisitor {
            type Value = Objective;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a map with `text` and `level`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Objective, E> {
                Ok(Objective::plain(text))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Objective, M::Error> {
                let fields = ObjectiveFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Objective { text: fields.text, level: fields.level })
            }
        }
        deserializer.deserialize_any(ObjectiveVisitor)
    }
}

/// Who works on a project and how much: "chargée de mission, 50 % ETP".
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Share of a full-time equivalent, in percent (50 = a half-time post).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fte_percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
}
