//! Retracting an item: it leaves the public view and search, stays readable with the token,
//! and keeps its history.

use crate::fixtures::{dynamo_project_sheet, useful_effects_method};
use crate::harness::{ApiErrorBody, Served, TestNode};
use maillage::content::Lifecycle;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_retracted_item_is_withdrawn_and_disappears_from_the_public_list_and_page() {
    // Arrange
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    app.create_ok(&useful_effects_method()).await;
    assert_eq!(app.public().list_ok(&[]).await.total, 2);

    // Act
    let retracted = Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;

    // Assert
    assert_eq!(retracted.document.lifecycle, Lifecycle::Withdrawn);
    let public_list = app.public().list_ok(&[]).await;
    assert_eq!(public_list.slugs(), vec!["methode-effets-utiles"]);
    assert_eq!(public_list.total, 1);
    let public_read = ApiErrorBody::from(app.public().get_item("dynamo-ariege").await).await;
    assert_eq!((public_read.status, public_read.code.as_str()), (StatusCode::GONE, "retracted"));
    assert!(public_read.message.starts_with("Cette fiche a été retirée le "), "{}", public_read.message);
}

#[tokio::test]
async fn a_retracted_item_page_answers_410_saying_when_and_by_which_node_in_both_languages() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;
    let node_name = app.node.settings.node.display_name.clone();
    let http = reqwest::Client::new();

    let french = http.get(format!("{}/items/dynamo-ariege", app.base)).send().await.expect("a response");
    assert_eq!(french.status(), StatusCode::GONE);
    let html = french.text().await.expect("a page");
    assert!(html.contains("Fiche retirée"), "{html}");
    // The date as the pages write it (day, French month name, year), then the node.
    let today = chrono::Utc::now().date_naive();
    let (day, year) = (today.format("retirée le %-d ").to_string(), today.format(" %Y par le nœud ").to_string());
    assert!(
        html.contains(&day) && html.contains(&year),
        "the date and the node: « {day}… {year}{node_name} » in {html}"
    );
    assert!(html.contains(&node_name), "the node that retracted it: {html}");
    assert!(html.contains("<title>Fiche retirée"), "{html}");

    let english = http.get(format!("{}/items/dynamo-ariege?lang=en", app.base)).send().await.expect("a response");
    assert_eq!(english.status(), StatusCode::GONE);
    let html = english.text().await.expect("a page");
    assert!(html.contains("Item withdrawn") && html.contains(&node_name), "{html}");

    // A draft stays a plain 404, and the error page is headed with the node's name.
    let missing = http.get(format!("{}/items/inconnue", app.base)).send().await.expect("a response");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let html = missing.text().await.expect("a page");
    assert!(html.contains(&node_name), "error pages carry the node's name: {html}");
}

#[tokio::test]
async fn a_retracted_item_remains_visible_with_the_token_and_keeps_its_revisions() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;

    let read = app.get_ok("dynamo-ariege").await;
    assert_eq!(read.document.lifecycle, Lifecycle::Withdrawn);
    let mut expected = dynamo_project_sheet();
    expected.lifecycle = Lifecycle::Withdrawn;
    assert_eq!(read.document, expected, "only the lifecycle changes");
    assert_eq!(read.revision(), 2);

    let revisions: Vec<Value> = app.revisions("dynamo-ariege").await.json().await.expect("JSON");
    let lifecycles: Vec<&str> = revisions.iter().map(|r| r["lifecycle"].as_str().expect("lifecycle")).collect();
    assert_eq!(lifecycles, vec!["withdrawn", "published"], "newest first");
    assert_eq!(app.public().revisions("dynamo-ariege").await.status(), StatusCode::NOT_FOUND);

    let withdrawn = app.list_ok(&[("lifecycle", "withdrawn")]).await;
    assert_eq!(withdrawn.slugs(), vec!["dynamo-ariege"]);
}

#[tokio::test]
async fn a_retracted_item_is_no_longer_found_by_a_public_search() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    assert_eq!(app.public().list_ok(&[("q", "Ariège")]).await.total, 1);

    Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;

    assert_eq!(app.public().list_ok(&[("q", "Ariège")]).await.total, 0);
    let private = app.list_ok(&[("q", "Ariège")]).await;
    assert_eq!(private.slugs(), vec!["dynamo-ariege"], "the token holder still finds it");
    assert_eq!(private.items[0].document.lifecycle, Lifecycle::Withdrawn);
}

#[tokio::test]
async fn retracting_twice_changes_nothing_the_second_time() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;
    let before = app.row_counts().await;

    let again = Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;

    assert_eq!(again.revision(), 2);
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn a_retracted_item_can_be_published_again() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    Served::expect(app.retract_item("dynamo-ariege").await, StatusCode::OK).await;

    let republished = Served::expect(
        app.patch_item("dynamo-ariege", &serde_json::json!({"lifecycle": "published"})).await,
        StatusCode::OK,
    )
    .await;

    assert_eq!(republished.revision(), 3);
    assert_eq!(republished.document, dynamo_project_sheet());
    assert_eq!(app.public().get_item("dynamo-ariege").await.status(), StatusCode::OK);
}
