//! Activities that claim authority they do not have: Create, Update or Delete of an
//! object on another server, an Announce that embeds a forged copy, replays of an
//! activity id, and slugs that would take a local page. The authority of an object is
//! its origin; nothing a third party says about it lands.

use super::inbox::{activity, article, Network};
use super::support::{run_cases, Case, RawRequest};
use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{json, Value};

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

fn authority_cases(net: &Network) -> Vec<Case> {
    let (mallory, ariege, victim) = (&net.mallory, &net.ariege, &net.victim);
    let by_mallory = |kind: &str, object: Value| {
        net.signed_by(mallory, &bytes(&activity(kind, &mallory.actor(), &Network::activity_id(mallory), object)))
    };
    let forged_replica = article(&net.replica_uri, &ariege.actor(), "Contenu falsifié par Mallory");
    let other_port = format!("http://127.0.0.1:{}", mallory.port.wrapping_add(1));
    let https_twin = mallory.base.replace("http://", "https://");
    vec![
        Case::new(
            "a Create of an object on another host",
            by_mallory("Create", article(&format!("{}/items/nouvelle", ariege.base), &ariege.actor(), "Fausse")),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "an Update of Ariège's item (held as a replica) by Mallory",
            by_mallory("Update", forged_replica.clone()),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "an Update of Ariège's item given by id only",
            by_mallory("Update", json!(net.replica_uri)),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Delete of Ariège's item by Mallory",
            by_mallory("Delete", json!(net.replica_uri)),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Delete of Ariège's item as a Tombstone",
            by_mallory("Delete", json!({"id": net.replica_uri, "type": "Tombstone"})),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Delete of an item local to the victim",
            by_mallory("Delete", json!(net.local_uri)),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "an Update of an item local to the victim",
            by_mallory("Update", article(&net.local_uri, &victim.actor(), "Écrasée")),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Delete of the victim's own actor",
            by_mallory("Delete", json!(victim.actor())),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Create of an object on Mallory's host attributed to Ariège",
            by_mallory("Create", article(&format!("{}/items/attribuee", mallory.base), &ariege.actor(), "Attribuée")),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Create of an object on the same host, another port",
            by_mallory("Create", article(&format!("{other_port}/items/x"), &mallory.actor(), "Port")),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Create of an object on the same host over https",
            by_mallory("Create", article(&format!("{https_twin}/items/x"), &mallory.actor(), "Schéma")),
            403,
            "origin_mismatch",
        ),
        Case::new(
            "a Create whose object id is not a URL",
            by_mallory("Create", article("urn:isbn:978-2-07-036822-8", &mallory.actor(), "Sans URL")),
            400,
            "unsupported_scheme",
        ),
        Case::new(
            "an activity whose id is on another host than its actor",
            net.signed_by(
                mallory,
                &bytes(&activity(
                    "Create",
                    &mallory.actor(),
                    &Network::activity_id(ariege),
                    article(&format!("{}/items/y", mallory.base), &mallory.actor(), "Id ailleurs"),
                )),
            ),
            403,
            "origin_mismatch",
        ),
    ]
}

#[tokio::test]
async fn spoofed_origins_are_refused_and_change_nothing() {
    let net = Network::start(&[]).await;
    run_cases(&net.victim, authority_cases(&net)).await;
    // The replica still holds what Ariège wrote.
    let title = net
        .victim
        .count(&format!(
            "SELECT COUNT(*) FROM items WHERE uri = '{}' AND title = 'Une fiche de l''Ariège'",
            net.replica_uri
        ))
        .await;
    assert_eq!(title, 1);
}

#[tokio::test]
async fn a_replayed_activity_is_a_duplicate_and_is_applied_once() {
    let net = Network::start(&[]).await;
    let (victim, ariege) = (&net.victim, &net.ariege);
    let id = Network::activity_id(ariege);
    let uri = format!("{}/items/rejouee", ariege.base);
    let original = activity("Create", &ariege.actor(), &id, article(&uri, &ariege.actor(), "Version d'origine"));
    // The same activity id again, with other content (a replay with a tampered body,
    // correctly signed by the same actor).
    let mut altered = original.clone();
    altered["object"]["name"] = json!("Version rejouée");
    altered["object"]["maillage"]["title"] = json!("Version rejouée");
    altered["object"]["updated"] = json!((Utc::now() + Duration::minutes(5)).to_rfc3339());
    let before = victim.snapshot().await;

    let first = net.signed_by(ariege, &bytes(&original)).send(&victim.http, &victim.base).await;
    let second = net.signed_by(ariege, &bytes(&original)).send(&victim.http, &victim.base).await;
    let third = net.signed_by(ariege, &bytes(&altered)).send(&victim.http, &victim.base).await;

    let statuses = [&first, &second, &third].map(|a| (a.status, a.json()["status"].as_str().map(str::to_owned)));
    assert_eq!(
        statuses,
        [(202, Some("accepted".into())), (202, Some("duplicate".into())), (202, Some("duplicate".into()))],
        "{} / {} / {}",
        first.text,
        second.text,
        third.text
    );
    victim.settle().await;
    let after = victim.snapshot().await;
    let terms = after.rows("item_terms") - before.rows("item_terms");
    after
        .changed_only(&before, &[("inbox_log", 1), ("items", 1), ("item_revisions", 1), ("item_terms", terms)])
        .expect("applied once");
    let title = victim.item(&uri).await.map(|i| i.document.title);
    assert_eq!(title.as_deref(), Some("Version d'origine"));
}

/// An Announce carries no authority: the node fetches the object from its origin and
/// applies what the origin serves, never the embedded copy.
#[tokio::test]
async fn an_announce_with_an_embedded_forged_object_is_refetched_from_its_origin() {
    let net = Network::start(&[]).await;
    let (victim, mallory, ariege) = (&net.victim, &net.mallory, &net.ariege);
    let before = victim.snapshot().await;
    let mut forged = article(&net.replica_uri, &ariege.actor(), "Contenu falsifié par Mallory");
    forged["updated"] = json!((Utc::now() + Duration::days(1)).to_rfc3339());
    let missing_uri = format!("{}/items/jamais-publiee", ariege.base);
    let invented = article(&missing_uri, &ariege.actor(), "Inventée par Mallory");

    let mut answers = Vec::new();
    let ids = [Network::activity_id(mallory), Network::activity_id(mallory)];
    for (id, object) in ids.iter().zip([forged, invented]) {
        let announce = activity("Announce", &mallory.actor(), id, object);
        answers.push(net.signed_by(mallory, &bytes(&announce)).send(&victim.http, &victim.base).await);
    }

    for answer in &answers {
        assert_eq!((answer.status, answer.json()["status"].as_str()), (202, Some("accepted")), "{}", answer.text);
    }
    victim.settle().await;
    let after = victim.snapshot().await;
    after.changed_only(&before, &[("inbox_log", 2)]).expect("only the two Announces were recorded");
    let forged_rows = victim.count("SELECT COUNT(*) FROM items WHERE title LIKE '%Mallory%'").await;
    let forged_documents = victim.stored_documents().await.into_iter().filter(|d| d.contains("Mallory")).count();
    assert_eq!((forged_rows, forged_documents), (0, 0), "the forged content never lands");
    let mut outcomes = Vec::new();
    for id in &ids {
        let outcome: Option<String> = sqlx::query_scalar("SELECT outcome FROM inbox_log WHERE activity_id = ?")
            .bind(id)
            .fetch_one(&victim.node.pool)
            .await
            .expect("the Announce was recorded");
        outcomes.push(outcome.unwrap_or_default());
    }
    assert!(outcomes[0] == "stale", "the origin served the version already held: {outcomes:?}");
    assert!(outcomes[1] == "not_an_item", "the origin does not have the invented item: {outcomes:?}");
}

/// A followed peer's own items may carry any slug: a replica never takes a local item's
/// page, and a slug that is a path is refused when the activity is applied.
#[tokio::test]
async fn replicated_slugs_cannot_hijack_local_pages_or_traverse_paths() {
    let net = Network::start(&[]).await;
    let (victim, mallory) = (&net.victim, &net.mallory);
    let before = victim.snapshot().await;
    let mut sent = Vec::new();
    for (slug, title) in [("locale", "Détournée par Mallory"), ("../../edit", "Traversée par Mallory")] {
        let uri = format!("{}/items/{}", mallory.base, uuid::Uuid::new_v4());
        let mut object = article(&uri, &mallory.actor(), title);
        object["maillage"]["slug"] = json!(slug);
        let create = activity("Create", &mallory.actor(), &Network::activity_id(mallory), object);
        let answer = net.signed_by(mallory, &bytes(&create)).send(&victim.http, &victim.base).await;
        assert_eq!(answer.status, 202, "{slug}: {}", answer.text);
        sent.push(uri);
    }
    victim.settle().await;

    let after = victim.snapshot().await;
    let terms = after.rows("item_terms") - before.rows("item_terms");
    after
        .changed_only(&before, &[("inbox_log", 2), ("items", 1), ("item_revisions", 1), ("item_terms", terms)])
        .expect("only the replica with a plain slug is stored");
    assert!(victim.item(&sent[1]).await.is_none(), "a path is not a slug");
    let page = RawRequest::new(Method::GET, "/items/locale")
        .header("accept", "text/html")
        .send(&victim.http, &victim.base)
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.text.contains("Une fiche locale") && !page.text.contains("Détournée"),
        "the local page is still the local item"
    );
}
