//! Hostile POSTs to a node's inbox: broken or forged signatures and digests, dates out of
//! the window, impersonation, and bodies that are not activities. Each is refused with
//! its status and code, and changes nothing. (Spoofed authority: `authority`.)
//!
//! The victim follows both the honest Ariège and the attacker Mallory, and holds a
//! replica of an Ariège item: had any refused activity got through, it would have been
//! applied and the database fingerprint would show it.

use super::support::{signed_post, Case, RawRequest};
use crate::fixtures::practice;
use crate::harness::{follow, TestNode};
use chrono::{Duration, Utc};
use maillage::federation::signatures::digest_header;
use reqwest::Method;
use serde_json::{json, Value};
use tempfile::TempDir;

pub struct Network {
    pub victim: TestNode,
    pub ariege: TestNode,
    pub mallory: TestNode,
    /// An Ariège item the victim holds a replica of.
    pub replica_uri: String,
    /// An item local to the victim.
    pub local_uri: String,
    _dir: TempDir,
}

impl Network {
    /// The victim, with `overrides`, following Ariège and Mallory; Ariège published one
    /// item that the victim replicated; everyone is idle.
    pub async fn start(overrides: &[(&str, Value)]) -> Network {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let victim = TestNode::with_settings(dir.path(), "victime", overrides).await;
        let ariege = TestNode::with_settings(dir.path(), "ariege", &[]).await;
        let mallory = TestNode::with_settings(dir.path(), "mallory", &[]).await;
        follow(&victim, &ariege).await;
        follow(&victim, &mallory).await;
        let local = victim.create(&document("locale", "Une fiche locale")).await;
        let replica = ariege.create(&document("tenue-par-ariege", "Une fiche de l'Ariège")).await;
        let replica_uri = replica["meta"]["uri"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("{}/items/tenue-par-ariege", ariege.base));
        let local_uri =
            local["meta"]["uri"].as_str().map(str::to_owned).unwrap_or_else(|| format!("{}/items/locale", victim.base));
        crate::harness::eventually("the victim holds Ariège's item", || async {
            victim.item(&replica_uri).await.is_some()
        })
        .await;
        victim.settle().await;
        Network { victim, ariege, mallory, replica_uri, local_uri, _dir: dir }
    }

    /// A fresh activity id on `node`'s host.
    pub fn activity_id(node: &TestNode) -> String {
        format!("{}/activities/{}", node.base, uuid::Uuid::new_v4())
    }

    /// `body` signed by `signer` (its own key and keyId), to the victim's shared inbox.
    pub fn signed_by(&self, signer: &TestNode, body: &[u8]) -> RawRequest {
        signed_post(&self.victim.base, "/inbox", signer.keys(), &signer.key_id(), body, Utc::now())
    }

    /// A well-formed activity by Mallory, signed by her: accepted as it is, so that a
    /// case that refuses it refuses it for its one flaw.
    pub fn mallory_create(&self) -> Value {
        let id = format!("{}/items/{}", self.mallory.base, uuid::Uuid::new_v4());
        activity(
            "Create",
            &self.mallory.actor(),
            &Network::activity_id(&self.mallory),
            article(&id, &self.mallory.actor(), "Créée par Mallory"),
        )
    }
}

pub fn document(slug: &str, title: &str) -> Value {
    serde_json::to_value(practice(slug, title, "Un corps de texte.")).expect("a document")
}

pub fn activity(kind: &str, actor: &str, id: &str, object: Value) -> Value {
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id,
        "type": kind,
        "actor": actor,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": object
    })
}

/// A maillage Article, as a peer would embed it in a Create or an Update.
pub fn article(id: &str, attributed_to: &str, title: &str) -> Value {
    let slug = id.rsplit('/').next().unwrap_or("fiche").to_owned();
    json!({
        "id": id,
        "type": "Article",
        "attributedTo": attributed_to,
        "name": title,
        "content": "<p>Un corps de texte.</p>",
        "updated": chrono::Utc::now().to_rfc3339(),
        "maillage": document(&slug, title)
    })
}

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

fn signature_and_transport_cases(net: &Network) -> Vec<Case> {
    let victim = &net.victim.base;
    let mallory = &net.mallory;
    let body = bytes(&net.mallory_create());
    let signed = || net.signed_by(mallory, &body);
    let signed_at = |date| signed_post(victim, "/inbox", mallory.keys(), &mallory.key_id(), &body, date);
    let other_body = bytes(&net.mallory_create());
    let all_signed = r#"headers="(request-target) host date digest""#;
    vec![
        Case::new("a body that does not match its Digest", signed().body(other_body.clone()), 401, "digest_mismatch"),
        Case::new("no Digest header", signed().without("digest"), 401, "digest_missing"),
        Case::new(
            "a Digest of another algorithm only",
            signed().header("digest", "SHA-512=AAAA"),
            401,
            "digest_missing",
        ),
        Case::new(
            "a Digest that is not base64",
            signed().header("digest", "SHA-256=!!!not base64"),
            401,
            "signature_malformed",
        ),
        Case::new(
            "a Digest that matches a body the signature does not cover",
            signed().body(other_body.clone()).header("digest", &digest_header(&other_body)),
            401,
            "signature_invalid",
        ),
        Case::new("no Signature header", signed().without("signature"), 401, "signature_missing"),
        Case::new(
            "a Date 13 hours old (stale)",
            signed_at(Utc::now() - Duration::hours(13)),
            401,
            "date_out_of_window",
        ),
        Case::new(
            "a Date 2 hours in the future",
            signed_at(Utc::now() + Duration::hours(2)),
            401,
            "date_out_of_window",
        ),
        Case::new(
            "a Date years ago (replay of an old capture)",
            signed_at(Utc::now() - Duration::days(3 * 365)),
            401,
            "date_out_of_window",
        ),
        Case::new("no Date header", signed().without("date"), 401, "date_missing"),
        Case::new(
            "a Date that is not an HTTP date",
            signed().header("date", "hier a midi"),
            401,
            "signature_malformed",
        ),
        Case::new(
            "algorithm ed25519",
            signed().tamper_signature(r#"algorithm="rsa-sha256""#, r#"algorithm="ed25519""#),
            401,
            "signature_algorithm_unsupported",
        ),
        Case::new(
            "algorithm hmac-sha256",
            signed().tamper_signature(r#"algorithm="rsa-sha256""#, r#"algorithm="hmac-sha256""#),
            401,
            "signature_algorithm_unsupported",
        ),
        Case::new(
            "algorithm rsa-sha1",
            signed().tamper_signature(r#"algorithm="rsa-sha256""#, r#"algorithm="rsa-sha1""#),
            401,
            "signature_algorithm_unsupported",
        ),
        Case::new(
            "host is not among the signed headers",
            signed().tamper_signature(all_signed, r#"headers="(request-target) date digest""#),
            401,
            "signature_header_not_signed",
        ),
        Case::new(
            "digest is not among the signed headers",
            signed().tamper_signature(all_signed, r#"headers="(request-target) host date""#),
            401,
            "signature_header_not_signed",
        ),
        Case::new(
            "date is not among the signed headers",
            signed().tamper_signature(all_signed, r#"headers="(request-target) host digest""#),
            401,
            "signature_header_not_signed",
        ),
        Case::new(
            "(request-target) is not among the signed headers",
            signed().tamper_signature(all_signed, r#"headers="host date digest""#),
            401,
            "signature_header_not_signed",
        ),
        Case::new(
            "no headers parameter at all (defaults to date only)",
            signed().tamper_signature(&format!("{all_signed},"), ""),
            401,
            "signature_header_not_signed",
        ),
        Case::new(
            "an RFC 9421 signature (Signature-Input)",
            signed()
                .header(
                    "signature-input",
                    r#"sig1=("@method" "@target-uri" "content-digest");keyid="x";alg="rsa-v1_5-sha256""#,
                )
                .header("signature", "sig1=:AAAA:"),
            401,
            "signature_rfc9421_unsupported",
        ),
        Case::new(
            "a signature that is not base64",
            signed().tamper_signature(r#"signature=""#, r#"signature="!!"#),
            401,
            "signature_malformed",
        ),
        Case::new("a signature without keyId", signed().tamper_signature("keyId=", "kid="), 401, "signature_malformed"),
        Case::new(
            "a signature made for another path",
            signed_post(victim, "/actor/inbox", mallory.keys(), &mallory.key_id(), &body, Utc::now()).at("/inbox"),
            401,
            "signature_invalid",
        ),
        Case::new(
            "a signature made for another host (a delivery to Ariège replayed here)",
            signed_post(&net.ariege.base, "/inbox", mallory.keys(), &mallory.key_id(), &body, Utc::now()),
            401,
            "signature_host_mismatch",
        ),
        Case::new(
            "a signature made for another name of this very server (localhost)",
            signed_post(
                &victim.replace("127.0.0.1", "localhost"),
                "/inbox",
                mallory.keys(),
                &mallory.key_id(),
                &body,
                Utc::now(),
            ),
            401,
            "signature_host_mismatch",
        ),
        Case::new(
            "a signature of a GET replayed on a POST",
            signed().header("signature", &get_signature_of(net)),
            401,
            "signature_header_not_signed",
        ),
    ]
}

/// The Signature header of a GET of the victim's inbox, signed by Mallory.
fn get_signature_of(net: &Network) -> String {
    let get =
        super::support::signed_get(&net.victim.base, "/inbox", net.mallory.keys(), &net.mallory.key_id(), Utc::now());
    get.headers.get("signature").and_then(|v| v.to_str().ok()).expect("signed").to_owned()
}

fn identity_cases(net: &Network) -> Vec<Case> {
    let (mallory, ariege) = (&net.mallory, &net.ariege);
    let posing_as_ariege = bytes(&activity(
        "Create",
        &ariege.actor(),
        &Network::activity_id(ariege),
        article(&format!("{}/items/usurpee", ariege.base), &ariege.actor(), "Usurpée"),
    ));
    let unreachable = "http://127.0.0.1:1";
    let from_unreachable = bytes(&activity(
        "Create",
        &format!("{unreachable}/actor"),
        &format!("{unreachable}/activities/1"),
        article(&format!("{unreachable}/items/x"), &format!("{unreachable}/actor"), "Injoignable"),
    ));
    let own = bytes(&net.mallory_create());
    vec![
        Case::new(
            "the actor is not the signer (Mallory signs as herself for Ariège)",
            net.signed_by(mallory, &posing_as_ariege),
            401,
            "actor_mismatch",
        ),
        Case::new(
            "the keyId of another actor (Ariège's keyId, Mallory's private key)",
            signed_post(&net.victim.base, "/inbox", mallory.keys(), &ariege.key_id(), &posing_as_ariege, Utc::now()),
            401,
            "signature_invalid",
        ),
        Case::new(
            "a keyId that is not the key of its actor document",
            signed_post(
                &net.victim.base,
                "/inbox",
                mallory.keys(),
                &format!("{}#another-key", mallory.actor()),
                &own,
                Utc::now(),
            ),
            401,
            "key_not_owned",
        ),
        Case::new(
            "a keyId on a host that cannot be reached",
            signed_post(
                &net.victim.base,
                "/inbox",
                mallory.keys(),
                &format!("{unreachable}/actor#main-key"),
                &from_unreachable,
                Utc::now(),
            ),
            401,
            "key_unavailable",
        ),
    ]
}

fn body_cases(net: &Network) -> Vec<Case> {
    let mallory = &net.mallory;
    let signed = |body: Vec<u8>| net.signed_by(mallory, &body);
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut activity = net.mallory_create();
        edit(&mut activity);
        signed(bytes(&activity))
    };
    let nested: Vec<u8> = [vec![b'['; 10_000], vec![b']'; 10_000]].concat();
    let mut invalid_utf8 = bytes(&net.mallory_create());
    let at = invalid_utf8.len() / 2;
    invalid_utf8.splice(at..at, [0xff, 0xfe, 0xc3]);
    vec![
        Case::new("a body that is not JSON", signed(b"type=Create&actor=mallory".to_vec()), 400, "invalid_json"),
        Case::new("a body that is not UTF-8", signed(invalid_utf8), 400, "invalid_json"),
        Case::new("10,000 nested arrays", signed(nested), 400, "invalid_json"),
        Case::new("a JSON array, not an activity", signed(b"[1, 2, 3]".to_vec()), 400, "invalid_activity"),
        Case::new("an empty body", signed(Vec::new()), 400, "invalid_json"),
        Case::new(
            "an activity id that is not a URL (urn:uuid)",
            with(&|a| a["id"] = json!(format!("urn:uuid:{}", uuid::Uuid::new_v4()))),
            400,
            "invalid_activity",
        ),
        Case::new(
            "an activity id with a javascript: scheme",
            with(&|a| a["id"] = json!("javascript:alert(1)")),
            400,
            "invalid_activity",
        ),
        Case::new("an activity id that is a number", with(&|a| a["id"] = json!(42)), 400, "invalid_activity"),
        Case::new("an activity without actor", with(&|a| a["actor"] = Value::Null), 400, "invalid_activity"),
        Case::new("an activity without type", with(&|a| a["type"] = Value::Null), 400, "invalid_activity"),
        Case::new("a Create without object", with(&|a| a["object"] = Value::Null), 400, "invalid_activity"),
    ]
}

#[tokio::test]
async fn forged_signatures_and_broken_transport_are_refused_and_change_nothing() {
    let net = Network::start(&[]).await;
    let cases = signature_and_transport_cases(&net);
    super::support::run_cases(&net.victim, cases).await;
}

#[tokio::test]
async fn impersonation_and_malformed_activities_are_refused_and_change_nothing() {
    let net = Network::start(&[]).await;
    let mut cases = identity_cases(&net);
    cases.extend(body_cases(&net));
    super::support::run_cases(&net.victim, cases).await;
}

/// The control: the same well-formed, signed activity that every case above spoils is
/// accepted and applied, so the refusals are due to the one flaw each case adds.
#[tokio::test]
async fn the_unspoiled_activity_is_accepted_and_applied() {
    let net = Network::start(&[]).await;
    let before = net.victim.snapshot().await;
    let activity = net.mallory_create();
    let answer = net.signed_by(&net.mallory, &bytes(&activity)).send(&net.victim.http, &net.victim.base).await;
    assert_eq!((answer.status, answer.json()["status"].as_str()), (202, Some("accepted")), "{}", answer.text);
    net.victim.settle().await;
    let after = net.victim.snapshot().await;
    after
        .changed_only(
            &before,
            &[
                ("inbox_log", 1),
                ("items", 1),
                ("item_revisions", 1),
                ("item_terms", after.rows("item_terms") - before.rows("item_terms")),
            ],
        )
        .expect("exactly one item was replicated");
}

#[tokio::test]
async fn an_oversized_inbox_body_is_refused_and_changes_nothing() {
    let net = Network::start(&[]).await;
    let mut activity = net.mallory_create();
    activity["object"]["content"] = json!("x".repeat(1_100_000));
    let case = Case::new(
        "a body over 1 MB to the inbox",
        net.signed_by(&net.mallory, &bytes(&activity)),
        413,
        "payload_too_large",
    );
    super::support::run_cases(&net.victim, vec![case]).await;
}

#[tokio::test]
async fn an_actor_that_is_not_a_url_is_an_invalid_activity() {
    let net = Network::start(&[]).await;
    let mut activity = net.mallory_create();
    activity["actor"] = json!("mallory");
    let case = Case::new(
        "an actor that is not a URL",
        net.signed_by(&net.mallory, &bytes(&activity)),
        400,
        "invalid_activity",
    );
    super::support::run_cases(&net.victim, vec![case]).await;
}

/// Unknown methods on the inbox are not a way in either.
#[tokio::test]
async fn the_inbox_only_takes_posts() {
    let net = Network::start(&[]).await;
    let before = net.victim.snapshot().await;
    for method in [Method::GET, Method::PUT, Method::DELETE] {
        let answer = RawRequest::new(method.clone(), "/inbox").send(&net.victim.http, &net.victim.base).await;
        assert!(matches!(answer.status, 404 | 405), "{method}: {}", answer.status);
    }
    assert!(net.victim.snapshot().await.changes_since(&before).is_empty());
}

/// Behind a reverse proxy the node listens on an internal address while peers sign for
/// its public host: the proxy passes `Host` on (deploy/nginx.conf), so what the peer
/// signed is what the node checks. A proxy that rewrote `Host` to the internal address
/// would get every delivery refused.
#[tokio::test]
async fn behind_a_reverse_proxy_a_signature_for_the_public_host_is_accepted() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let public = "https://territoire.example.org";
    let node = TestNode::with_settings(dir.path(), "public", &[("server.base_url", json!(format!("{public}/")))]).await;
    let mallory = TestNode::with_settings(dir.path(), "mallory", &[]).await;
    let create = |n: u32| {
        bytes(&activity(
            "Create",
            &mallory.actor(),
            &Network::activity_id(&mallory),
            article(&format!("{}/items/derriere-le-proxy-{n}", mallory.base), &mallory.actor(), "Par le proxy"),
        ))
    };

    let forwarded = signed_post(public, "/inbox", mallory.keys(), &mallory.key_id(), &create(1), Utc::now())
        .send(&node.http, &node.base)
        .await;
    let internal = signed_post(&node.base, "/inbox", mallory.keys(), &mallory.key_id(), &create(2), Utc::now())
        .send(&node.http, &node.base)
        .await;

    assert_eq!(forwarded.status, 202, "signed for the public host: {}", forwarded.text);
    assert_eq!(
        (internal.status, internal.code.as_deref()),
        (401, Some("signature_host_mismatch")),
        "signed for the internal address: {}",
        internal.text
    );
}
