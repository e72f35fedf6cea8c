use crate::fixtures::full_project_sheet;
use crate::harness::{follow, run_until_idle, TestNode};
use maillage::content::{ItemDocument, Lifecycle};

fn document_of(value: &serde_json::Value) -> ItemDocument {
    let mut value = value.clone();
    value.as_object_mut().expect("an object").remove("meta");
    serde_json::from_value(value).expect("a document")
}

#[tokio::test]
async fn a_replica_follows_every_step_of_a_sheet_published_edited_and_retracted_at_its_origin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let marseille = TestNode::start_stepped(dir.path(), "marseille").await;
    let ariege = TestNode::start_stepped(dir.path(), "ariege").await;
    follow(&marseille, &ariege).await;

    // Publish on Ariège: Marseille holds an identical replica.
    let created = ariege.create(&full_project_sheet("plateforme-aix")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();
    run_until_idle(&[&ariege, &marseille]).await;
    let original = ariege.item(&uri).await.expect("original");
    let replica = marseille.item(&uri).await.expect("replica");
    assert_eq!(replica.document, document_of(&created));
    assert_eq!(replica.document, original.document);
    assert_eq!(replica.updated_at, original.updated_at);
    assert_eq!(replica.origin.as_deref(), Some(ariege.actor().as_str()));

    // Edit: the replica is updated to the same fields and the same `updated`.
    ariege.patch("plateforme-aix", &serde_json::json!({ "title": "Plateforme circulaire du Pays d'Aix", "project_sheet": { "status": "realise" } })).await;
    run_until_idle(&[&ariege, &marseille]).await;
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
    run_until_idle(&[&ariege, &marseille]).await;
    let replica = marseille.item(&uri).await.expect("the replica");
    assert_eq!(replica.lifecycle, Lifecycle::Withdrawn, "the retraction arrived");
    assert_eq!(marseille.count(&format!("SELECT COUNT(*) FROM tombstones WHERE uri = '{uri}'")).await, 1);
}

#[tokio::test]
async fn a_follower_that_stops_following_receives_nothing_more() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lyon = TestNode::start_stepped(dir.path(), "lyon").await;
    let toulouse = TestNode::start_stepped(dir.path(), "toulouse").await;
    follow(&lyon, &toulouse).await;
    maillage::operations::outbound::follow::unfollow(
        &lyon.node,
        &toulouse.actor(),
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await
    .expect("unfollow");
    run_until_idle(&[&lyon, &toulouse]).await;
    let lyon_actor = lyon.actor();
    let followers = toulouse.peer_overview().await.followers;
    assert!(!followers.iter().any(|f| f.actor_uri == lyon_actor), "the Undo arrived");
    let created = toulouse.create(&full_project_sheet("apres-desabonnement")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();
    // Nothing is queued for Lyon: Toulouse has no follower left.
    assert_eq!(toulouse.pending_deliveries().await, 0);
    assert!(lyon.item(&uri).await.is_none());
}
