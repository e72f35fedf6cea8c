//! Redirects of outgoing fetches: a GET follows a few, each hop checked against the same
//! policy as the first URL (scheme, federation policy, addresses) and signed anew; a
//! redirect loop stops at the cap; a delivery (POST) follows none. The refusals of
//! internal addresses under the production policy are unit tests of the client
//! (`federation::client`), since every test peer here lives on loopback.

use crate::federation::tiny_server::{Reply, TinyServer};
use crate::harness::TestNode;
use maillage::federation::client::{DeliveryOutcome, FederationClient, FetchError, FetchPolicy};
use maillage::federation::keys::NodeKeys;
use maillage::federation::policy::{FederationPolicy, PolicyMode};
use maillage::federation::redirect::MAX_REDIRECTS;
use serde_json::json;
use std::time::Duration;

/// A client with the development policy (http and loopback allowed) and `peers`.
fn dev_client(peers: FederationPolicy) -> FederationClient {
    let policy = FetchPolicy {
        peers,
        allow_http: true,
        allow_private_addresses: true,
        timeout: Duration::from_secs(5),
        max_response_bytes: 1 << 20,
    };
    let keys = NodeKeys::generate().expect("keys");
    FederationClient::new(keys, "http://127.0.0.1:1/actor#main-key".into(), policy).expect("a client")
}

#[tokio::test]
async fn a_redirect_to_an_allowed_loopback_url_is_followed_and_signed_for_the_new_host() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let origin = TestNode::with_settings(dir.path(), "origine", &[("federation.authorized_fetch", json!(true))]).await;
    let reader = TestNode::with_settings(dir.path(), "lecteur", &[]).await;
    origin.create(&super::inbox::document("locale", "Une fiche locale")).await;
    let (item, webfinger) = (
        format!("{}/items/locale", origin.base),
        format!("{}/.well-known/webfinger?resource=acct:{}", origin.base, origin.handle()),
    );
    let moved = TinyServer::start(move |seen, _| {
        if seen.target.starts_with("/.well-known/webfinger") {
            Reply::redirect(302, &webfinger)
        } else {
            Reply::redirect(301, &item)
        }
    })
    .await;

    // The origin requires signed GETs: the second hop succeeds only if it was signed
    // for the origin's host and path, not for the first hop's.
    let document = reader.node.client.fetch_json(&format!("{}/ancienne-adresse", moved.base)).await.expect("followed");
    assert_eq!(document["id"], format!("{}/items/locale", origin.base));
    assert_eq!(document["type"], "Article");

    let actor =
        maillage::federation::webfinger::resolve_handle(&reader.node.client, &format!("x@127.0.0.1:{}", moved.port))
            .await
            .expect("WebFinger followed its redirect");
    assert_eq!(actor, origin.actor());
    assert_eq!(moved.seen().len(), 2, "one request per fetch reached the redirecting server");
}

#[tokio::test]
async fn a_redirect_to_a_domain_the_federation_policy_excludes_is_refused_before_any_request() {
    let target = TinyServer::start(|_, _| Reply::json(&json!({ "id": "http://localhost/actor" }))).await;
    let elsewhere = format!("http://localhost:{}/actor", target.port);
    let location = elsewhere.clone();
    let redirecting = TinyServer::start(move |_, _| Reply::redirect(302, &location)).await;
    let client = dev_client(FederationPolicy::new(PolicyMode::Allowlist, &["127.0.0.1".into()]));

    let refused = client.fetch_json(&format!("{}/actor", redirecting.base)).await;

    match refused {
        Err(FetchError::Refused(hop, reason)) => {
            assert_eq!(hop, elsewhere, "the refusal names the hop");
            assert_eq!(reason.to_string(), "hôte bloqué par la politique de fédération (federation.policy)");
        }
        other => panic!("the redirect must be refused, got {other:?}"),
    }
    assert!(target.seen().is_empty(), "the excluded host got no request");
}

#[tokio::test]
async fn a_redirect_loop_stops_at_the_cap() {
    let looping = TinyServer::start(|seen, _| Reply::redirect(307, &format!("{}x", seen.target))).await;
    let client = dev_client(FederationPolicy::default());
    let start = format!("{}/boucle", looping.base);

    let refused = client.fetch_json(&start).await;

    assert!(matches!(&refused, Err(FetchError::TooManyRedirects(url)) if *url == start), "got {refused:?}");
    assert_eq!(looping.seen().len(), MAX_REDIRECTS + 1, "the first request and MAX_REDIRECTS hops, no more");
}

/// An open redirect on one server must not let another pass its documents off as the
/// first one's.
#[tokio::test]
async fn a_redirected_document_may_not_claim_an_id_on_the_server_that_redirected() {
    let (claimed, own) = (std::sync::Arc::new(std::sync::Mutex::new(String::new())), "/propre.json");
    let served = claimed.clone();
    let other = TinyServer::start(move |seen, base| {
        let id = if seen.target == own { format!("{base}{own}") } else { served.lock().expect("id").clone() };
        Reply::json(&json!({ "id": id, "type": "Organization" }))
    })
    .await;
    let other_base = other.base.clone();
    let redirecting =
        TinyServer::start(move |seen, _| Reply::redirect(302, &format!("{other_base}{}", seen.target))).await;
    *claimed.lock().expect("id") = format!("{}/actor", redirecting.base);
    let client = dev_client(FederationPolicy::default());

    let spoofed = client.fetch_json(&format!("{}/actor", redirecting.base)).await;
    let honest = client.fetch_json(&format!("{}{own}", redirecting.base)).await;

    assert!(
        matches!(&spoofed, Err(FetchError::Refused(_, reason))
            if reason.to_string() == "l'id du document redirigé est sur un autre serveur"),
        "got {spoofed:?}"
    );
    assert_eq!(honest.expect("a document with its own id")["id"], format!("{}{own}", other.base));
}

#[tokio::test]
async fn a_delivery_does_not_follow_a_redirect() {
    let target = TinyServer::start(|_, _| Reply::status(202)).await;
    let location = format!("{}/inbox", target.base);
    let redirecting = TinyServer::start(move |_, _| Reply::redirect(307, &location)).await;
    let client = dev_client(FederationPolicy::default());

    let outcome = client.deliver(&format!("{}/inbox", redirecting.base), br#"{"type":"Create"}"#).await;

    assert!(matches!(outcome, DeliveryOutcome::Rejected { status: Some(307), .. }), "got {outcome:?}");
    let seen = redirecting.seen();
    assert_eq!((seen.len(), seen[0].method.as_str()), (1, "POST"));
    assert!(seen[0].header("signature").is_some() && seen[0].body == br#"{"type":"Create"}"#);
    assert!(target.seen().is_empty(), "the signed body was not sent on to another host");
}
