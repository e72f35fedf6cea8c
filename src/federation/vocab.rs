//! ActivityStreams wire vocabulary: contexts, the actor document, activities, and helpers
//! to read incoming JSON (ids may be strings or embedded objects).

use serde_json::{json, Value};

pub const AS_CONTEXT: &str = "https://www.w3.org/ns/activitystreams";
pub const SECURITY_CONTEXT: &str = "https://w3id.org/security/v1";
pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
/// The project's namespace: the same IRI on every node, so that expanded terms match.
pub const MAILLAGE_NS: &str = "https://w3id.org/maillage/ns#";
pub const ACTIVITY_JSON: &str = "application/activity+json";

/// The inline context of our Articles. Structured fields travel as one object,
/// `maillage`, whose scoped context resets the ActivityStreams terms and maps every key
/// into the maillage namespace: JSON-LD processors see declared terms, and a node reads
/// the object back as it was written, so a replica is lossless.
pub fn article_context() -> Value {
    let mut terms = maillage_terms();
    terms["Hashtag"] = json!("as:Hashtag");
    json!([AS_CONTEXT, terms])
}

/// The project's own terms (also served at `/ns`), mapped to schema.org where it has one.
pub fn maillage_terms() -> Value {
    json!({
        "mlg": MAILLAGE_NS,
        "schema": "http://schema.org/",
        "maillage": { "@id": "mlg:item", "@context": item_scoped_context() },
        "maillageDocument": { "@id": "mlg:document", "@context": item_scoped_context() },
        "maillageKind": "mlg:kind",
        "license": { "@id": "schema:license", "@type": "@id" },
        "areaServed": "schema:areaServed",
        "sha256": "mlg:sha256",
        "size": { "@id": "schema:contentSize" }
    })
}

/// Inside `maillage`: no ActivityStreams terms, every key in the maillage namespace,
/// except the keys schema.org already names (contacts, sources, labels, the page's author
/// and moderator, funding).
pub fn item_scoped_context() -> Value {
    json!([null, {
        "@vocab": MAILLAGE_NS,
        "schema": "http://schema.org/",
        "contacts": "schema:contactPoint",
        "email": "schema:email",
        "phone": "schema:telephone",
        "website": { "@id": "schema:url", "@type": "@id" },
        "sources": "schema:citation",
        "consulted": "schema:dateRead",
        "recognitions": "schema:award",
        "page_author": "schema:author",
        "page_moderator": "schema:editor",
        "funding": "schema:funding",
        "valid_until": "schema:validThrough",
        "speakers": "schema:performer"
    }])
}

/// The context of the actor document: Mastodon's extension terms declared inline.
pub fn actor_context() -> Value {
    json!([
        AS_CONTEXT,
        SECURITY_CONTEXT,
        {
            "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
            "toot": "http://joinmastodon.org/ns#",
            "discoverable": "toot:discoverable"
        }
    ])
}

/// What the actor document says about the node.
pub struct ActorDescription<'a> {
    pub id: &'a str,
    pub username: &'a str,
    pub name: &'a str,
    pub summary: &'a str,
    pub url: &'a str,
    pub inbox: &'a str,
    pub outbox: &'a str,
    pub followers: &'a str,
    pub following: &'a str,
    pub shared_inbox: &'a str,
    pub public_key_pem: &'a str,
    pub manually_approves_followers: bool,
}

impl ActorDescription<'_> {
    pub fn key_id(&self) -> String {
        format!("{}#main-key", self.id)
    }

    pub fn to_json(&self) -> Value {
        json!({
            "@context": actor_context(),
            "id": self.id,
            "type": "Organization",
            "preferredUsername": self.username,
            "name": self.name,
            "summary": self.summary,
            "url": self.url,
            "inbox": self.inbox,
            "outbox": self.outbox,
            "followers": self.followers,
            "following": self.following,
            "endpoints": { "sharedInbox": self.shared_inbox },
            "manuallyApprovesFollowers": self.manually_approves_followers,
            "discoverable": true,
            "publicKey": {
                "id": self.key_id(),
                "owner": self.id,
                "publicKeyPem": self.public_key_pem
            }
        })
    }
}

/// An activity addressed to the public and our followers.
pub fn public_activity(id: &str, kind: &str, actor: &str, followers: &str, object: Value, published: &str) -> Value {
    json!({
        "@context": article_context(),
        "id": id,
        "type": kind,
        "actor": actor,
        "published": published,
        "to": [PUBLIC],
        "cc": [followers],
        "object": object
    })
}

/// A Follow, Accept, Reject or Undo between two actors.
pub fn direct_activity(id: &str, kind: &str, actor: &str, to: &str, object: Value) -> Value {
    json!({
        "@context": AS_CONTEXT,
        "id": id,
        "type": kind,
        "actor": actor,
        "to": [to],
        "object": object
    })
}

pub fn tombstone(id: &str, deleted: &str) -> Value {
    json!({ "id": id, "type": "Tombstone", "formerType": "Article", "deleted": deleted })
}

/// The id of a value that is either an IRI string or an object with an `id`.
pub fn id_of(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Object(map) => map.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// The `type` of an object (the first one when it is an array).
pub fn type_of(value: &Value) -> Option<&str> {
    match value.get("type")? {
        Value::String(s) => Some(s),
        Value::Array(types) => types.first().and_then(Value::as_str),
        _ => None,
    }
}

/// Scheme, host and port of a URL, the unit of authority in the fediverse.
pub fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed.host_str()?;
    Some(parsed.origin().ascii_serialization())
}

/// `host[:port]` of a URL, the key of a peer in the delivery queue.
pub fn authority_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    Some(match parsed.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// The lowercase `scheme://authority/` prefixes an actor URI on `peer` (`host[:port]`, as
/// [`authority_of`] gives it) can start with: a port that is the scheme's default is
/// also matched when written out.
pub fn uri_prefixes_on(peer: &str) -> Vec<String> {
    let peer = peer.to_lowercase();
    let mut prefixes = vec![format!("https://{peer}/"), format!("http://{peer}/")];
    if !peer.contains(':') || peer.ends_with(']') {
        prefixes.push(format!("https://{peer}:443/"));
        prefixes.push(format!("http://{peer}:80/"));
    }
    prefixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peers_prefixes_match_exactly_the_uris_on_that_peer() {
        for uri in ["https://Example.org/users/a", "https://example.org:443/users/a", "http://127.0.0.1:8081/actor"] {
            let peer = authority_of(uri).expect("an authority");
            assert!(uri_prefixes_on(&peer).iter().any(|p| uri.to_lowercase().starts_with(p)), "{uri}");
        }
        let on = |peer: &str, uri: &str| uri_prefixes_on(peer).iter().any(|p| uri.starts_with(p));
        assert!(!on("example.org", "https://example.org.evil/users/a"));
        assert!(!on("127.0.0.1:8081", "http://127.0.0.1:80810/actor"));
        assert!(!on("127.0.0.1:8081", "http://127.0.0.1/actor"));
    }

    #[test]
    fn origins_include_the_port_and_ignore_the_path() {
        assert_eq!(origin_of("http://127.0.0.1:8081/items/x").as_deref(), Some("http://127.0.0.1:8081"));
        assert_ne!(origin_of("http://127.0.0.1:8081/a"), origin_of("http://127.0.0.1:8082/a"));
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn ids_are_read_from_strings_and_objects() {
        assert_eq!(id_of(&json!("https://a.test/x")), Some("https://a.test/x"));
        assert_eq!(id_of(&json!({"id": "https://a.test/y"})), Some("https://a.test/y"));
        assert_eq!(id_of(&json!(3)), None);
    }
}
