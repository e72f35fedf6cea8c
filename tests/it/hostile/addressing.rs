//! What a peer may not make public, and what the inbox does not read: Creates and Updates
//! addressed directly, to followers only or through `audience` only; bodies that are not
//! ActivityStreams JSON (415 before anything is parsed); and ids that carry credentials,
//! a fragment, another scheme, or plain http where only https is allowed. Each refused
//! with its status and code; nothing changes.

use super::inbox::{activity, article, Network};
use super::support::{run_cases, Case, RawRequest};
use serde_json::{json, Value};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

/// Mallory's well-formed Create (of her own public item), edited by `edit`, signed by her.
fn mallory_create_with(net: &Network, edit: &dyn Fn(&mut Value)) -> RawRequest {
    let mut create = net.mallory_create();
    edit(&mut create);
    net.signed_by(&net.mallory, &bytes(&create))
}

/// Sets the addressing of both the activity and its object.
fn addressed(to: Value, cc: Value) -> impl Fn(&mut Value) {
    move |a: &mut Value| {
        a["to"] = to.clone();
        a["cc"] = cc.clone();
        a["object"]["to"] = to.clone();
        a["object"]["cc"] = cc.clone();
    }
}

fn addressing_cases(net: &Network) -> Vec<Case> {
    let (mallory, victim) = (&net.mallory, &net.victim);
    let followers = json!([format!("{}/followers", mallory.base)]);
    vec![
        Case::new(
            "a direct Create (to the victim only)",
            mallory_create_with(net, &addressed(json!([victim.actor()]), json!([]))),
            422,
            "not_public",
        ),
        Case::new(
            "a followers-only Create",
            mallory_create_with(net, &addressed(followers.clone(), json!([]))),
            422,
            "not_public",
        ),
        Case::new(
            "a Create addressed through audience only",
            mallory_create_with(net, &|a| {
                a.as_object_mut().map(|m| m.remove("to"));
                a["audience"] = json!(PUBLIC);
                a["object"]["audience"] = json!(PUBLIC);
            }),
            422,
            "not_public",
        ),
        Case::new(
            "a Create in bto and bcc only",
            mallory_create_with(net, &|a| {
                a.as_object_mut().map(|m| m.remove("to"));
                a["object"]["bto"] = json!([PUBLIC]);
                a["object"]["bcc"] = json!([PUBLIC]);
            }),
            422,
            "not_public",
        ),
        Case::new(
            "a public activity carrying a followers-only object",
            mallory_create_with(net, &|a| a["object"]["to"] = followers.clone()),
            422,
            "not_public",
        ),
        Case::new(
            "a followers-only Update of Mallory's own item",
            mallory_create_with(net, &|a| {
                a["type"] = json!("Update");
                addressed(json!([format!("{}/followers", net.mallory.base)]), json!([]))(a);
            }),
            422,
            "not_public",
        ),
        Case::new(
            "a Create with no addressing at all",
            mallory_create_with(net, &|a| {
                a.as_object_mut().map(|m| m.remove("to"));
            }),
            422,
            "not_public",
        ),
    ]
}

fn content_type_cases(net: &Network) -> Vec<Case> {
    let create = || net.signed_by(&net.mallory, &bytes(&net.mallory_create()));
    vec![
        Case::new(
            "a signed text/plain body",
            create().header("content-type", "text/plain"),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "a signed text/html body",
            create().header("content-type", "text/html; charset=utf-8"),
            415,
            "unsupported_media_type",
        ),
        Case::new("a body with no Content-Type", create().without("content-type"), 415, "unsupported_media_type"),
        Case::new(
            "plain application/json",
            create().header("content-type", "application/json"),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "application/ld+json without the ActivityStreams profile",
            create().header("content-type", "application/ld+json"),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "application/ld+json with another profile",
            create().header("content-type", "application/ld+json; profile=\"https://example.org/other\""),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "a Content-Type that does not parse",
            create().header("content-type", "activity+json"),
            415,
            "unsupported_media_type",
        ),
    ]
}

fn id_cases(net: &Network) -> Vec<Case> {
    let mallory = &net.mallory;
    let with_userinfo = mallory.base.replace("http://", "http://mallory@");
    let object = |id: String| {
        mallory_create_with(net, &move |a| {
            a["object"]["id"] = json!(id.clone());
        })
    };
    vec![
        Case::new("an object id with userinfo", object(format!("{with_userinfo}/items/x")), 400, "userinfo_in_id"),
        Case::new(
            "an object id with a user and password",
            object(mallory.base.replace("http://", "http://a:b@") + "/items/x"),
            400,
            "userinfo_in_id",
        ),
        Case::new(
            "an actor id with userinfo",
            mallory_create_with(net, &|a| a["actor"] = json!(format!("{with_userinfo}/actor"))),
            400,
            "userinfo_in_id",
        ),
        Case::new(
            "an object id with a fragment",
            object(format!("{}/items/x#part", mallory.base)),
            400,
            "fragment_in_id",
        ),
        Case::new(
            "an actor id with a fragment",
            mallory_create_with(net, &|a| a["actor"] = json!(format!("{}/actor#me", net.mallory.base))),
            400,
            "fragment_in_id",
        ),
        Case::new(
            "an object id with an ftp scheme",
            object(mallory.base.replace("http://", "ftp://") + "/items/x"),
            400,
            "unsupported_scheme",
        ),
        Case::new(
            "an Announce of an object with userinfo",
            net.signed_by(
                mallory,
                &bytes(&activity(
                    "Announce",
                    &mallory.actor(),
                    &Network::activity_id(mallory),
                    json!(format!("{with_userinfo}/items/x")),
                )),
            ),
            400,
            "userinfo_in_id",
        ),
        Case::new(
            "a Delete of an object with a fragment",
            net.signed_by(
                mallory,
                &bytes(&activity(
                    "Delete",
                    &mallory.actor(),
                    &Network::activity_id(mallory),
                    json!(format!("{}/items/x#part", mallory.base)),
                )),
            ),
            400,
            "fragment_in_id",
        ),
    ]
}

#[tokio::test]
async fn objects_not_addressed_to_public_are_refused_and_change_nothing() {
    let net = Network::start(&[]).await;
    run_cases(&net.victim, addressing_cases(&net)).await;
}

#[tokio::test]
async fn bodies_that_are_not_activitystreams_json_are_refused_before_parsing() {
    let net = Network::start(&[]).await;
    run_cases(&net.victim, content_type_cases(&net)).await;
}

#[tokio::test]
async fn ids_with_credentials_fragments_or_other_schemes_are_refused() {
    let net = Network::start(&[]).await;
    run_cases(&net.victim, id_cases(&net)).await;
}

#[tokio::test]
async fn the_activitystreams_profile_of_ld_json_is_accepted() {
    let net = Network::start(&[]).await;
    let create = net.signed_by(&net.mallory, &bytes(&net.mallory_create())).header(
        "content-type",
        "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"; charset=utf-8",
    );
    let answer = create.send(&net.victim.http, &net.victim.base).await;
    assert_eq!(answer.status, 202, "{}", answer.short());
}

#[tokio::test]
async fn a_public_create_by_a_followed_peer_becomes_a_public_replica() {
    // The control for every refusal above: the same Create, addressed to Public in the
    // object's cc only (as Mastodon addresses unlisted-to-public posts), is applied.
    let net = Network::start(&[]).await;
    let uri = format!("{}/items/publique", net.mallory.base);
    let mut create = activity(
        "Create",
        &net.mallory.actor(),
        &Network::activity_id(&net.mallory),
        article(&uri, &net.mallory.actor(), "Publique"),
    );
    create["object"]["cc"] = json!(["as:Public"]);
    create["object"]["to"] = json!([format!("{}/followers", net.mallory.base)]);
    let answer = net.signed_by(&net.mallory, &bytes(&create)).send(&net.victim.http, &net.victim.base).await;
    assert_eq!(answer.status, 202, "{}", answer.short());
    net.victim.settle().await;
    let served = net.victim.http.get(format!("{}/api/v1/items", net.victim.base)).send().await.expect("list");
    let text = served.text().await.expect("a body");
    assert!(text.contains(&uri), "the public replica is listed to anonymous readers: {text}");
}

#[tokio::test]
async fn an_update_that_narrows_the_audience_withdraws_the_replica_without_a_tombstone() {
    let net = Network::start(&[]).await;
    let (victim, ariege) = (&net.victim, &net.ariege);
    let followers = json!([format!("{}/followers", ariege.base)]);
    let mut narrowed = article(&net.replica_uri, &ariege.actor(), "Réservée aux abonnés");
    narrowed["to"] = followers.clone();
    narrowed["updated"] = json!((chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339());
    let mut update = activity("Update", &ariege.actor(), &Network::activity_id(ariege), narrowed);
    update["to"] = followers;
    let answer = net.signed_by(ariege, &bytes(&update)).send(&victim.http, &victim.base).await;
    assert_eq!(answer.status, 202, "the origin may narrow its own item: {}", answer.short());
    victim.settle().await;
    let uri = &net.replica_uri;
    let withdrawn = format!(
        "SELECT COUNT(*) FROM items WHERE uri = '{uri}' AND lifecycle = 'withdrawn' AND title = 'Une fiche de l''Ariège'"
    );
    assert_eq!(victim.count(&withdrawn).await, 1, "out of public view, and the narrowed text was not stored");
    assert_eq!(victim.count(&format!("SELECT COUNT(*) FROM tombstones WHERE uri = '{uri}'")).await, 0);

    // Narrowing an item the victim does not hold has nothing public to change.
    let mut other = update.clone();
    other["id"] = json!(Network::activity_id(ariege));
    other["object"]["id"] = json!(format!("{}/items/jamais-vue", ariege.base));
    let answer = net.signed_by(ariege, &bytes(&other)).send(&victim.http, &victim.base).await;
    assert_eq!((answer.status, answer.code.as_deref()), (422, Some("not_public")), "{}", answer.short());
}

#[tokio::test]
async fn a_node_that_fetches_over_https_only_refuses_plain_http_ids() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let strict =
        crate::harness::TestNode::with_settings(dir.path(), "stricte", &[("federation.allow_http", json!(false))])
            .await;
    let mallory = crate::harness::TestNode::with_settings(dir.path(), "mallory", &[]).await;
    let uri = format!("{}/items/en-clair", mallory.base);
    let create = activity(
        "Create",
        &mallory.actor(),
        &Network::activity_id(&mallory),
        article(&uri, &mallory.actor(), "En clair"),
    );
    let request = super::support::signed_post(
        &strict.base,
        "/inbox",
        mallory.keys(),
        &mallory.key_id(),
        &bytes(&create),
        chrono::Utc::now(),
    );
    let refused =
        run_cases(&strict, vec![Case::new("an http id under the production rule", request, 400, "insecure_id")]).await;
    assert_eq!(refused, 1);
}
