//! What a peer sends or serves, read once into a typed activity that says who vouches for
//! it. The same rules hold on every path that brings a remote object in (the inbox,
//! backfill and anti-entropy from an outbox, Announce resolution): ids are plain http(s)
//! URLs with no credentials, the actor is the one who vouches (the signer, or the owner of
//! the outbox it was read from), an object belongs to the server of the actor that
//! creates, updates or deletes it, and only an object addressed to Public may become a
//! replica. Pure: no I/O; the operations apply what passes.

use super::vocab::{id_of, origin_of, type_of};
use crate::i18n::Message;
use serde_json::Value;
use url::Url;

/// The three spellings of the public collection.
const PUBLIC_SPELLINGS: [&str; 3] = ["https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"];

/// Who vouches for an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voucher {
    /// Delivered to the inbox with a valid HTTP Signature by this actor.
    Signature { signer: String },
    /// Read from this actor's outbox, fetched from its own origin.
    Outbox { owner: String },
}

/// An inbound activity whose ids are well formed; not yet vouched for.
#[derive(Debug, Clone, PartialEq)]
pub struct InboundActivity {
    pub id: String,
    pub actor: String,
    /// The `type` as sent (for the inbox log).
    pub type_name: String,
    pub kind: InboundKind,
    /// The activity as sent (a Follow is echoed in its Accept).
    pub raw: Value,
}

/// The activities a node acts on; anything else is recorded and ignored.
#[derive(Debug, Clone, PartialEq)]
pub enum InboundKind {
    Follow {
        object: Option<String>,
    },
    Accept {
        follow: Option<String>,
    },
    Reject {
        follow: Option<String>,
    },
    /// `follow` when what is undone is a Follow (given embedded or by id).
    Undo {
        follow: bool,
    },
    Create(Change),
    Update(Change),
    /// `object` is an item id, or the actor itself when an account is deleted.
    Delete {
        object: String,
    },
    Announce {
        object: String,
        public: bool,
    },
    Other,
}

/// The object of a Create or an Update.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub object_id: String,
    /// The object as sent, when embedded; `None` when given by id (to be fetched).
    pub embedded: Option<Value>,
    /// Addressed to Public (see [`is_public`]). A Create that is not is refused; an
    /// Update that is not withdraws the replica we hold, and is refused otherwise.
    pub public: bool,
}

/// An activity with the authority of whoever vouches for it checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Vouched {
    pub activity: InboundActivity,
    pub voucher: Voucher,
}

/// Why an inbound activity or object is refused; each has a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{}", crate::msg!("federation-invalid_activity"))]
    Malformed,
    #[error("{}", crate::msg!("federation-invalid_activity-no_object"))]
    MissingObject,
    #[error("{}", crate::msg!("federation-userinfo_in_id", field = *.field, url = .url))]
    UserinfoInId { field: &'static str, url: String },
    #[error("{}", crate::msg!("federation-fragment_in_id", field = *.field, url = .url))]
    FragmentInId { field: &'static str, url: String },
    #[error("{}", crate::msg!("federation-unsupported_scheme", field = *.field, url = .url))]
    UnsupportedScheme { field: &'static str, url: String },
    #[error("{}", crate::msg!("federation-insecure_id", field = *.field, url = .url))]
    InsecureId { field: &'static str, url: String },
    #[error("{}", crate::msg!("federation-actor_mismatch", signer = .signer, actor = .actor))]
    ActorMismatch { signer: String, actor: String },
    #[error("{}", crate::msg!("federation-not_the_owner", actor = .actor, owner = .owner))]
    NotTheOwner { owner: String, actor: String },
    /// Why, as a `federation-origin_mismatch-…` message.
    #[error("{0}")]
    OriginMismatch(Message),
    #[error("{}", crate::msg!("federation-not_public"))]
    NotPublic,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Malformed | Refusal::MissingObject => "invalid_activity",
            Refusal::UserinfoInId { .. } => "userinfo_in_id",
            Refusal::FragmentInId { .. } => "fragment_in_id",
            Refusal::UnsupportedScheme { .. } => "unsupported_scheme",
            Refusal::InsecureId { .. } => "insecure_id",
            Refusal::ActorMismatch { .. } => "actor_mismatch",
            Refusal::NotTheOwner { .. } => "not_the_owner",
            Refusal::OriginMismatch(_) => "origin_mismatch",
            Refusal::NotPublic => "not_public",
        }
    }
}

/// Which URL schemes ids may use: https always, plain http only where the node allows it
/// (development and tests).
#[derive(Debug, Clone, Copy)]
pub struct IdRules {
    pub allow_http: bool,
}

impl IdRules {
    /// Checks one id: an http(s) URL with a host, no credentials, and no fragment unless
    /// `fragment_allowed` (activity ids may carry one, as Mastodon's do).
    pub fn check(&self, field: &'static str, url: &str, fragment_allowed: bool) -> Result<(), Refusal> {
        let Ok(parsed) = Url::parse(url) else {
            return Err(Refusal::UnsupportedScheme { field, url: url.to_owned() });
        };
        let url = url.to_owned();
        match parsed.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            "http" => return Err(Refusal::InsecureId { field, url }),
            _ => return Err(Refusal::UnsupportedScheme { field, url }),
        }
        if parsed.host_str().is_none() {
            return Err(Refusal::UnsupportedScheme { field, url });
        }
        if !parsed.username().is_empty() || parsed.password().is_some() {
            return Err(Refusal::UserinfoInId { field, url });
        }
        if parsed.fragment().is_some() && !fragment_allowed {
            return Err(Refusal::FragmentInId { field, url });
        }
        Ok(())
    }
}

/// Reads an activity: its shape, and every id it names. Authority is checked after, by
/// [`InboundActivity::vouched_by`], once we know who vouches for it.
pub fn parse_activity(value: &Value, rules: IdRules) -> Result<InboundActivity, Refusal> {
    let id = value.get("id").and_then(Value::as_str).filter(|id| origin_of(id).is_some());
    let actor = value.get("actor").and_then(id_of).filter(|actor| origin_of(actor).is_some());
    let (Some(id), Some(type_name), Some(actor)) = (id, type_of(value), actor) else {
        return Err(Refusal::Malformed);
    };
    rules.check("id", id, true)?;
    rules.check("actor", actor, false)?;
    let object = value.get("object").unwrap_or(&Value::Null);
    let object_id = || -> Result<String, Refusal> {
        let object_id = id_of(object).ok_or(Refusal::MissingObject)?;
        rules.check("object", object_id, false)?;
        Ok(object_id.to_owned())
    };
    let kind = match type_name {
        "Follow" => InboundKind::Follow { object: id_of(object).map(str::to_owned) },
        "Accept" | "Reject" => {
            let follow = id_of(object).filter(|_| type_of(object) != Some("Undo")).map(str::to_owned);
            if type_name == "Accept" {
                InboundKind::Accept { follow }
            } else {
                InboundKind::Reject { follow }
            }
        }
        "Undo" => InboundKind::Undo { follow: type_of(object) == Some("Follow") || object.is_string() },
        "Create" | "Update" => {
            if let Some(author) = object.get("attributedTo").and_then(id_of) {
                rules.check("attributedTo", author, false)?;
            }
            let change = Change {
                object_id: object_id()?,
                embedded: object.is_object().then(|| object.clone()),
                public: is_public(object, value),
            };
            if type_name == "Create" {
                InboundKind::Create(change)
            } else {
                InboundKind::Update(change)
            }
        }
        "Delete" => InboundKind::Delete { object: object_id()? },
        "Announce" => InboundKind::Announce { object: object_id()?, public: is_public(&Value::Null, value) },
        _ => InboundKind::Other,
    };
    Ok(InboundActivity {
        id: id.to_owned(),
        actor: actor.to_owned(),
        type_name: type_name.to_owned(),
        kind,
        raw: value.clone(),
    })
}

impl InboundActivity {
    /// Checks the authority of `voucher` over this activity: the actor is the one who
    /// vouches, the activity is on the actor's server, a created, updated or deleted
    /// object is on the actor's server (and so is its author), and a created object is
    /// addressed to Public. (An Update that is not public passes: see [`Change::public`].)
    pub fn vouched_by(self, voucher: Voucher) -> Result<Vouched, Refusal> {
        match &voucher {
            Voucher::Signature { signer } if *signer != self.actor => {
                return Err(Refusal::ActorMismatch { signer: signer.clone(), actor: self.actor.clone() })
            }
            Voucher::Outbox { owner } if *owner != self.actor => {
                return Err(Refusal::NotTheOwner { owner: owner.clone(), actor: self.actor.clone() })
            }
            _ => {}
        }
        if origin_of(&self.id) != origin_of(&self.actor) {
            return Err(Refusal::OriginMismatch(crate::msg!("federation-origin_mismatch-activity")));
        }
        match &self.kind {
            InboundKind::Create(change) | InboundKind::Update(change) => {
                self.check_object_origin(&change.object_id)?;
                if let Some(author) = change.embedded.as_ref().and_then(|o| o.get("attributedTo")).and_then(id_of) {
                    if origin_of(author) != origin_of(&self.actor) {
                        return Err(Refusal::OriginMismatch(crate::msg!("federation-origin_mismatch-author")));
                    }
                }
                // An Update that narrows the audience is the origin taking an item out of
                // public view: the operation withdraws a replica we hold, if any.
                if !change.public && matches!(self.kind, InboundKind::Create(_)) {
                    return Err(Refusal::NotPublic);
                }
            }
            InboundKind::Delete { object } => self.check_object_origin(object)?,
            _ => {}
        }
        Ok(Vouched { activity: self, voucher })
    }

    fn check_object_origin(&self, object: &str) -> Result<(), Refusal> {
        if origin_of(object) != origin_of(&self.actor) {
            return Err(Refusal::OriginMismatch(crate::msg!(
                "federation-origin_mismatch-object",
                actor = &self.actor,
                kind = &self.type_name,
                object = object
            )));
        }
        Ok(())
    }
}

/// An object fetched from `uri` is that object's own word only if it carries that id, is
/// attributed to an actor on the same server, and is public. `activity_public` is what the
/// activity that named it said, for an object that carries no addressing of its own.
/// Returns the author.
pub fn check_fetched_object(
    uri: &str,
    object: &Value,
    activity_public: bool,
    rules: IdRules,
) -> Result<String, Refusal> {
    if object.get("id").and_then(Value::as_str) != Some(uri) {
        return Err(Refusal::OriginMismatch(crate::msg!("federation-origin_mismatch-fetched_id", uri = uri)));
    }
    let author = object.get("attributedTo").and_then(id_of).unwrap_or_default();
    rules.check("attributedTo", author, false)?;
    if origin_of(author).is_none() || origin_of(author) != origin_of(uri) {
        return Err(Refusal::OriginMismatch(crate::msg!("federation-origin_mismatch-fetched_author", uri = uri)));
    }
    let public = is_public(object, &Value::Null) || (activity_public && !carries_addressing(object));
    if !public {
        return Err(Refusal::NotPublic);
    }
    Ok(author.to_owned())
}

/// Addressed to Public: `object` says so in its `to` or `cc`; or, when the object carries
/// no addressing at all (given by id, or embedded without any), its `activity` does. An
/// object addressed only through `bto`, `bcc` or `audience`, or to followers, is not public,
/// whatever the activity says.
pub fn is_public(object: &Value, activity: &Value) -> bool {
    if carries_addressing(object) {
        names_public(object)
    } else {
        names_public(activity)
    }
}

fn carries_addressing(value: &Value) -> bool {
    ["to", "cc", "bto", "bcc", "audience"].iter().any(|field| !recipients(value, field).is_empty())
}

fn names_public(value: &Value) -> bool {
    ["to", "cc"].iter().flat_map(|field| recipients(value, field)).any(|r| PUBLIC_SPELLINGS.contains(&r))
}

/// The recipients in one addressing field: a string, an object with an id, or an array
/// of either.
fn recipients<'a>(value: &'a Value, field: &str) -> Vec<&'a str> {
    match value.get(field) {
        Some(Value::Array(items)) => items.iter().filter_map(id_of).collect(),
        Some(single) => id_of(single).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
