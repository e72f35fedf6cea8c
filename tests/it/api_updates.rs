//! Changing an item: PUT replaces, PATCH merges, every change is a revision, and an
//! identical document changes nothing.

use crate::fixtures::{dynamo_project_sheet, useful_effects_method};
use crate::harness::{next_millisecond, ApiErrorBody, Served, TestNode};
use maillage::content::item::Kind;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn put_replaces_the_whole_document_and_bumps_the_revision() {
    // Arrange
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let mut replacement = dynamo_project_sheet();
    replacement.title = "DYNAMO, deuxième année".into();
    replacement.tags = Vec::new();
    replacement.project_sheet.as_mut().expect("sheet").funding.truncate(1);
    next_millisecond().await;

    // Act
    let replaced = Served::expect(app.put_item("dynamo-ariege", &replacement).await, StatusCode::OK).await;

    // Assert
    assert_eq!(replaced.revision(), 2);
    assert_eq!(replaced.document, replacement);
    let read = app.get_ok("dynamo-ariege").await;
    assert_eq!(read.document, replacement);
    assert_eq!(read.revision(), 2);
    assert!(read.updated() > read.created(), "{}", read.meta);
}

#[tokio::test]
async fn put_without_a_slug_keeps_the_slug_of_the_url() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let mut replacement = dynamo_project_sheet();
    replacement.slug = None;
    replacement.summary = "Un nouveau résumé.".into();

    let replaced = Served::expect(app.put_item("dynamo-ariege", &replacement).await, StatusCode::OK).await;

    assert_eq!(replaced.slug(), "dynamo-ariege");
    assert_eq!(replaced.document.summary, "Un nouveau résumé.");
}

#[tokio::test]
async fn patch_changes_one_field_and_keeps_every_other() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    let patched = Served::expect(
        app.patch_item("dynamo-ariege", &json!({"project_sheet": {"status": "realise"}})).await,
        StatusCode::OK,
    )
    .await;

    let mut expected = dynamo_project_sheet();
    expected.project_sheet.as_mut().expect("sheet").status = Some("realise".into());
    assert_eq!(patched.document, expected);
    assert_eq!(patched.revision(), 2);
    assert_eq!(app.get_ok("dynamo-ariege").await.document, expected);
}

#[tokio::test]
async fn a_patch_with_null_removes_a_field_and_replaces_lists_whole() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    let patched = Served::expect(
        app.patch_item("dynamo-ariege", &json!({"territory": {"lat": null, "lon": null}, "tags": ["SYAM"]})).await,
        StatusCode::OK,
    )
    .await;

    let mut expected = dynamo_project_sheet();
    expected.territory.lat = None;
    expected.territory.lon = None;
    expected.tags = vec!["SYAM".into()];
    assert_eq!(patched.document, expected);
}

#[tokio::test]
async fn a_patch_that_breaks_the_item_is_refused_and_changes_nothing() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let before = app.row_counts().await;

    let wrong_code =
        ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!({"pillars": ["zero_dechet"]})).await).await;
    let wrong_type =
        ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!({"territory": {"lat": "nord"}})).await).await;
    let removed_required = ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!({"license": null})).await).await;

    assert_eq!(wrong_code.sorted_fields(), vec![("pillars[0]", "unknown_code")]);
    assert_eq!(wrong_type.sorted_fields(), vec![("territory.lat", "invalid_type")]);
    assert_eq!(removed_required.sorted_fields(), vec![("license", "required")]);
    assert_eq!(app.row_counts().await, before);
    assert_eq!(app.get_ok("dynamo-ariege").await.revision(), 1);
}

#[tokio::test]
async fn a_patch_must_be_a_json_object() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    let error = ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!(["title", "x"])).await).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::BAD_REQUEST, "invalid_patch"));
}

#[tokio::test]
async fn changing_the_slug_is_refused_and_changes_nothing() {
    // Arrange
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let before = app.row_counts().await;
    let mut renamed = dynamo_project_sheet();
    renamed.slug = Some("dynamo-09".into());

    // Act
    let by_put = ApiErrorBody::from(app.put_item("dynamo-ariege", &renamed).await).await;
    let by_patch = ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!({"slug": "dynamo-09"})).await).await;

    // Assert
    for error in [&by_put, &by_patch] {
        assert_eq!((error.status, error.code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
        assert_eq!(error.sorted_fields(), vec![("slug", "slug_immutable")]);
    }
    assert_eq!(app.row_counts().await, before);
    assert_eq!(app.get_ok("dynamo-ariege").await.revision(), 1);
    assert_eq!(app.get_item("dynamo-09").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn changing_the_kind_is_refused() {
    let app = TestNode::spawn().await;
    app.create_ok(&useful_effects_method()).await;
    let mut other_kind = useful_effects_method();
    other_kind.kind = Some(Kind::Experience);

    let error = ApiErrorBody::from(app.put_item("methode-effets-utiles", &other_kind).await).await;

    assert_eq!(error.sorted_fields(), vec![("kind", "kind_immutable")]);
    assert_eq!(app.get_ok("methode-effets-utiles").await.document.kind, Some(Kind::GoodPractice));
}

#[tokio::test]
async fn sending_back_what_was_read_changes_nothing() {
    // A client reads an item (with its meta and the stamped publication date) and PUTs it
    // back unchanged: no new revision.
    let app = TestNode::spawn().await;
    app.create_ok(&useful_effects_method()).await;
    let as_read: Value = app.get_item("methode-effets-utiles").await.json().await.expect("JSON");
    let before = app.row_counts().await;

    let response = Served::expect(app.put_item("methode-effets-utiles", &as_read).await, StatusCode::OK).await;

    assert_eq!(response.revision(), 1);
    assert_eq!(response.meta["updated"], as_read["meta"]["updated"]);
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn an_empty_patch_changes_nothing() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    let patched = Served::expect(app.patch_item("dynamo-ariege", &json!({})).await, StatusCode::OK).await;

    assert_eq!(patched.revision(), 1);
}

#[tokio::test]
async fn the_revisions_endpoint_lists_every_version() {
    // Arrange: three versions.
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let mut second = dynamo_project_sheet();
    second.title = "DYNAMO, version 2".into();
    Served::expect(app.put_item("dynamo-ariege", &second).await, StatusCode::OK).await;
    Served::expect(app.patch_item("dynamo-ariege", &json!({"title": "DYNAMO, version 3"})).await, StatusCode::OK).await;

    // Act
    let response = app.revisions("dynamo-ariege").await;

    // Assert
    assert_eq!(response.status(), StatusCode::OK);
    let revisions: Vec<Value> = response.json().await.expect("a JSON array");
    let summary: Vec<(i64, &str, &str)> = revisions
        .iter()
        .map(|r| {
            (
                r["revision"].as_i64().expect("revision"),
                r["document"]["title"].as_str().expect("title"),
                r["editor"].as_str().expect("editor"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (3, "DYNAMO, version 3", "api:tests"),
            (2, "DYNAMO, version 2", "api:tests"),
            (1, "DYNAMO : pour un système alimentaire qui change en Ariège", "api:tests"),
        ],
        "newest first"
    );
    let first: maillage::content::ItemDocument =
        serde_json::from_value(revisions[2]["document"].clone()).expect("a revision holds a whole document");
    assert_eq!(first, dynamo_project_sheet());
    assert!(revisions.iter().all(|r| r["lifecycle"] == "published"));
    assert_eq!(app.row_counts().await.item_revisions, 3);
}

#[tokio::test]
async fn updating_an_unknown_item_is_not_found_and_creates_nothing() {
    let app = TestNode::spawn().await;

    let put = ApiErrorBody::from(app.put_item("dynamo-ariege", &dynamo_project_sheet()).await).await;
    let patch = ApiErrorBody::from(app.patch_item("dynamo-ariege", &json!({"title": "x"})).await).await;
    let delete = ApiErrorBody::from(app.retract_item("dynamo-ariege").await).await;

    for error in [&put, &patch, &delete] {
        assert_eq!((error.status, error.code.as_str()), (StatusCode::NOT_FOUND, "not_found"));
    }
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_replacement_without_a_publication_date_keeps_the_first_one() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let mut replacement = dynamo_project_sheet();
    replacement.published = None;
    replacement.title = "DYNAMO, deuxième année".into();

    let replaced = Served::expect(app.put_item("dynamo-ariege", &replacement).await, StatusCode::OK).await;

    assert_eq!(replaced.document.published, dynamo_project_sheet().published);
}

#[tokio::test]
async fn a_draft_is_stamped_when_it_is_published_not_when_it_was_written() {
    let app = TestNode::spawn().await;
    let mut doc = useful_effects_method();
    doc.lifecycle = maillage::content::Lifecycle::Draft;
    let written = app.create_ok(&doc).await;
    assert_eq!(written.document.published, None);

    let published = Served::expect(
        app.patch_item("methode-effets-utiles", &json!({"lifecycle": "published"})).await,
        StatusCode::OK,
    )
    .await;

    let at = published.document.published.expect("stamped at publication");
    assert!(at >= written.created(), "{at} is after the draft was written");
    assert_eq!(app.public().get_item("methode-effets-utiles").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn an_archived_item_stays_public() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    Served::expect(app.patch_item("dynamo-ariege", &json!({"lifecycle": "archived"})).await, StatusCode::OK).await;

    assert_eq!(app.public().get_item("dynamo-ariege").await.status(), StatusCode::OK);
    assert_eq!(app.public().list_ok(&[]).await.slugs(), vec!["dynamo-ariege"]);
    assert_eq!(app.public().list_ok(&[("lifecycle", "archived")]).await.total, 1);
}
