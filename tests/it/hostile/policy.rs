//! The federation policy and authorized fetch: blocked or unlisted domains can neither
//! deliver nor read, the node never follows them, and with authorized fetch on an
//! unsigned read gets nothing. Every node listens on 127.0.0.1; the outsider calls itself
//! `localhost`, which is another domain for the policy.

use super::inbox::{activity, article};
use super::support::{run_cases, signed_get, signed_post, Case, RawRequest};
use crate::harness::{follow, Host, TestNode};
use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{json, Value};

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

fn id_on(node_base: &str) -> String {
    format!("{node_base}/activities/{}", uuid::Uuid::new_v4())
}

/// The refusals every policy that excludes `outsider` owes it.
fn blocked_cases(label: &'static str, victim: &TestNode, outsider: &TestNode, honest: &TestNode) -> Vec<Case> {
    let create = bytes(&activity(
        "Create",
        &outsider.actor(),
        &id_on(&outsider.base),
        article(&format!("{}/items/{}", outsider.base, uuid::Uuid::new_v4()), &outsider.actor(), "Du dehors"),
    ));
    let follow = bytes(&activity("Follow", &outsider.actor(), &id_on(&outsider.base), json!(victim.actor())));
    let sub = outsider.base.replace("localhost", "noeud.localhost");
    let from_subdomain = bytes(&activity("Follow", &format!("{sub}/actor"), &id_on(&sub), json!(victim.actor())));
    let shouting = outsider.base.replace("localhost", "LOCALHOST");
    let from_upper_case =
        bytes(&activity("Follow", &format!("{shouting}/actor"), &id_on(&shouting), json!(victim.actor())));
    let honest_follow = bytes(&activity("Follow", &honest.actor(), &id_on(&honest.base), json!(victim.actor())));
    let post =
        |body: &[u8], key_id: &str| signed_post(&victim.base, "/inbox", outsider.keys(), key_id, body, Utc::now());
    let get = |path: &str| signed_get(&victim.base, path, outsider.keys(), &outsider.key_id(), Utc::now());
    let names: [&'static str; 8] = match label {
        "blocklist" => [
            "blocklist: a Create from a blocked domain",
            "blocklist: a Follow from a blocked domain",
            "blocklist: a Follow from a subdomain of a blocked domain",
            "blocklist: a blocked domain written in capitals",
            "blocklist: an admitted actor's activity signed with a key on a blocked domain",
            "blocklist: a signed GET of an item from a blocked domain",
            "blocklist: a signed GET of the outbox from a blocked domain",
            "blocklist: a signed GET of the followers from a blocked domain",
        ],
        _ => [
            "allowlist: a Create from an unlisted domain",
            "allowlist: a Follow from an unlisted domain",
            "allowlist: a Follow from a subdomain of an unlisted domain",
            "allowlist: an unlisted domain written in capitals",
            "allowlist: a listed actor's activity signed with a key on an unlisted domain",
            "allowlist: a signed GET of an item from an unlisted domain",
            "allowlist: a signed GET of the outbox from an unlisted domain",
            "allowlist: a signed GET of the followers from an unlisted domain",
        ],
    };
    vec![
        Case::new(names[0], post(&create, &outsider.key_id()), 403, "domain_blocked"),
        Case::new(names[1], post(&follow, &outsider.key_id()), 403, "domain_blocked"),
        Case::new(names[2], post(&from_subdomain, &format!("{sub}/actor#main-key")), 403, "domain_blocked"),
        Case::new(names[3], post(&from_upper_case, &format!("{shouting}/actor#main-key")), 403, "domain_blocked"),
        Case::new(names[4], post(&honest_follow, &outsider.key_id()), 403, "domain_blocked"),
        Case::new(names[5], get("/items/locale"), 403, "domain_blocked"),
        Case::new(names[6], get("/actor/outbox"), 403, "domain_blocked"),
        Case::new(names[7], get("/followers"), 403, "domain_blocked"),
    ]
}

/// The node refuses to follow an excluded peer, by handle or by actor URL, and stores
/// nothing about it.
async fn refuses_to_follow(victim: &TestNode, outsider: &TestNode) {
    let before = victim.snapshot().await;
    for target in [outsider.handle(), outsider.actor()] {
        let answer = RawRequest::new(Method::POST, "/api/v1/following")
            .header("authorization", &format!("Bearer {}", victim.token))
            .header("content-type", "application/json")
            .body(bytes(&json!({ "target": target })))
            .send(&victim.http, &victim.base)
            .await;
        assert_eq!(answer.status, 409, "following {target}: {}", answer.text);
        assert!(
            matches!(answer.code.as_deref(), Some("unresolvable_handle" | "unreachable_actor")),
            "following {target}: {}",
            answer.text
        );
    }
    let changes = victim.snapshot().await.changes_since(&before);
    assert!(changes.is_empty(), "refused follows changed {changes:?}");
    assert_eq!(
        victim.count("SELECT COUNT(*) FROM remote_actors WHERE uri LIKE 'http://localhost%'").await,
        0,
        "nothing was fetched from the excluded peer"
    );
}

#[tokio::test]
async fn a_blocklist_keeps_blocked_domains_out_both_ways() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::with_settings(
        dir.path(),
        "victime",
        &[("federation.policy", json!("blocklist")), ("federation.domains", json!(["localhost"]))],
    )
    .await;
    let outsider = TestNode::builder(dir.path(), "dehors").host(Host::Localhost).start().await;
    let honest = TestNode::with_settings(dir.path(), "ariege", &[]).await;
    follow(&victim, &honest).await;
    victim.create(&super::inbox::document("locale", "Une fiche locale")).await;
    victim.settle().await;

    run_cases(&victim, blocked_cases("blocklist", &victim, &outsider, &honest)).await;
    refuses_to_follow(&victim, &outsider).await;
}

#[tokio::test]
async fn an_allowlist_admits_only_its_domains() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::with_settings(
        dir.path(),
        "victime",
        &[("federation.policy", json!("allowlist")), ("federation.domains", json!(["127.0.0.1"]))],
    )
    .await;
    let outsider = TestNode::builder(dir.path(), "dehors").host(Host::Localhost).start().await;
    let honest = TestNode::with_settings(dir.path(), "ariege", &[]).await;
    follow(&victim, &honest).await;
    victim.create(&super::inbox::document("locale", "Une fiche locale")).await;
    victim.settle().await;

    run_cases(&victim, blocked_cases("allowlist", &victim, &outsider, &honest)).await;
    refuses_to_follow(&victim, &outsider).await;
    // A listed peer still gets in.
    let answer = signed_get(&victim.base, "/items/locale", honest.keys(), &honest.key_id(), Utc::now())
        .send(&victim.http, &victim.base)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
}

#[tokio::test]
async fn with_authorized_fetch_unsigned_or_badly_signed_reads_get_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::with_settings(dir.path(), "victime", &[("federation.authorized_fetch", json!(true))]).await;
    let peer = TestNode::with_settings(dir.path(), "ariege", &[]).await;
    victim.create(&super::inbox::document("locale", "Une fiche locale")).await;
    victim.settle().await;
    let unsigned = |path: &str| RawRequest::new(Method::GET, path).header("accept", "application/activity+json");
    let signed = |path: &str| signed_get(&victim.base, path, peer.keys(), &peer.key_id(), Utc::now());
    let cases = vec![
        Case::new("authorized fetch: an unsigned GET of an item", unsigned("/items/locale"), 401, "signature_required"),
        Case::new(
            "authorized fetch: an unsigned GET of an item, ld+json",
            unsigned("/items/locale").header("accept", "application/ld+json"),
            401,
            "signature_required",
        ),
        Case::new(
            "authorized fetch: an unsigned GET of the outbox",
            unsigned("/actor/outbox"),
            401,
            "signature_required",
        ),
        Case::new(
            "authorized fetch: an unsigned GET of an outbox page",
            unsigned("/actor/outbox?page=true"),
            401,
            "signature_required",
        ),
        Case::new(
            "authorized fetch: an unsigned GET of the followers",
            unsigned("/followers"),
            401,
            "signature_required",
        ),
        Case::new(
            "authorized fetch: an unsigned GET of the following",
            unsigned("/following"),
            401,
            "signature_required",
        ),
        Case::new(
            "authorized fetch: a GET with a stale signature",
            signed_get(&victim.base, "/items/locale", peer.keys(), &peer.key_id(), Utc::now() - Duration::hours(13)),
            401,
            "date_out_of_window",
        ),
        Case::new(
            "authorized fetch: a GET signed for another item",
            signed("/items/autre").at("/items/locale"),
            401,
            "signature_invalid",
        ),
        Case::new(
            "authorized fetch: a GET signed for another host",
            signed_get(&peer.base, "/items/locale", peer.keys(), &peer.key_id(), Utc::now()),
            401,
            "signature_host_mismatch",
        ),
        Case::new(
            "authorized fetch: a GET signed with another actor's keyId",
            signed_get(&victim.base, "/items/locale", peer.keys(), &victim.key_id(), Utc::now()),
            401,
            "signature_invalid",
        ),
        Case::new(
            "authorized fetch: a GET whose signature leaves out the host",
            signed("/items/locale")
                .tamper_signature(r#"headers="(request-target) host date""#, r#"headers="(request-target) date""#),
            401,
            "signature_header_not_signed",
        ),
    ];
    run_cases(&victim, cases).await;

    // The actor stays public (peers need its key), and a good signature reads.
    let actor = unsigned("/actor").send(&victim.http, &victim.base).await;
    assert_eq!(actor.status, 200, "{}", actor.text);
    let item = signed("/items/locale").send(&victim.http, &victim.base).await;
    assert_eq!(item.status, 200, "{}", item.text);
    assert_eq!(item.json()["type"], "Article");
}
