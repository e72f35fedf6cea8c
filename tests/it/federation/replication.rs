use super::network::{eventually, follow, full_project_sheet, TestNode};
use maillage::content::{ItemDocument, Lifecycle};

fn document_of(value: &serde_json::Value) -> ItemDocument {
    let mut value = value.clone();
    value.as_object_mut().expect("an object").remove("meta");
    serde_json::from_value(value).expect("a document")
}

#[tokio::test]
async fn a_replica_follows_every_step_of_a_sheet_published_edited_and_retracted_at_its_origin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let marseille = TestNode::start(dir.path(), "marseille").await;
    let ariege = TestNode::start(dir.path(), "ariege").await;
    follow(&marseille, &ariege).await;

    // Publish on Ariège: Marseille holds an identical replica.
    let created = ariege.create(&full_project_sheet("plateforme-aix")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();
    eventually("the replica arrives", || async { marseille.item(&uri).await.is_some() }).await;
    let original = ariege.item(&uri).await.expect("original");
    let replica = marseille.item(&uri).await.expect("replica");
    assert_eq!(replica.document, document_of(&created));
    assert_eq!(replica.document, original.document);
    assert_eq!(replica.updated_at, original.updated_at);
    assert_eq!(replica.origin.as_deref(), Some(ariege.actor().as_str()));

    // Edit: the replica is updated to the same fields and the same `updated`.
    ariege.patch("plateforme-aix", &serde_json::json!({ "title": "Plateforme circulaire du Pays d'Aix", "project_sheet": { "status": "realise" } })).await;
    eventually("the edit arrives", || async {
        marseille.item(&uri).await.is_some_and(|r| r.document.title == "Plateforme circulaire du Pays d'Aix")
    })
    .await;
    let original = ariege.item(&uri).await.expect("original");
    let replica = marseille.item(&uri).await.expect("replica");
    assert_eq!(replica.document, original.document);
    assert_eq!(replica.updated_at, original.updated_at);

    // The replica is found by search on the follower, accents folded.
    let found = marseille
        .http
        .get(format!("{}/api/v1/items?q=ecologie+industrielle", marseille.base))
        .send()
        .await
        .expect("search");
    let found: serde_json::Value = found.json().await.expect("json");
    assert!(found["items"].as_array().expect("items").iter().any(|i| i["meta"]["id"] == uri.as_str()), "{found}");

    // Retract: the replica becomes a tombstone and later updates are refused.
    ariege.retract("plateforme-aix").await;
    eventually("the retraction arrives", || async {
        marseille.item(&uri).await.is_some_and(|r| r.lifecycle == Lifecycle::Withdrawn)
    })
    .await;
    assert_eq!(marseille.count(&format!("SELECT COUNT(*) FROM tombstones WHERE uri = '{uri}'")).await, 1);
}

#[tokio::test]
async fn a_follower_that_stops_following_receives_nothing_more() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lyon = TestNode::start(dir.path(), "lyon").await;
    let toulouse = TestNode::start(dir.path(), "toulouse").await;
    follow(&lyon, &toulouse).await;
    maillage::operations::outbound::follow::unfollow(
        &lyon.node,
        &toulouse.actor(),
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await
    .expect("unfollow");
    let lyon_actor = lyon.actor();
    eventually("the Undo arrives", || async {
        toulouse.count(&format!("SELECT COUNT(*) FROM followers WHERE actor_uri = '{lyon_actor}'")).await == 0
    })
    .await;
    let created = toulouse.create(&full_project_sheet("apres-desabonnement")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();
    // Nothing is queued for Lyon: Toulouse has no follower left.
    assert_eq!(toulouse.count("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'").await, 0);
    assert!(lyon.item(&uri).await.is_none());
}
