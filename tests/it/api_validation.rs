//! What the API refuses, and how it says so: one entry per field, a stable code, the exact
//! path; and a refused request stores nothing.

use crate::fixtures::dynamo_project_sheet;
use crate::harness::{sorted, ApiErrorBody, Served, TestNode};
use maillage::content::Lifecycle;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn dynamo_json() -> Value {
    serde_json::to_value(dynamo_project_sheet()).expect("serializable")
}

#[tokio::test]
async fn a_published_project_sheet_missing_required_fields_is_refused_field_by_field() {
    // Arrange
    let app = TestNode::spawn().await;
    let before = app.row_counts().await;
    let incomplete = json!({
        "kind": "project_sheet",
        "lifecycle": "published",
        "title": "Une fiche trop vite publiée",
        // A perimeter without a code: its scale cannot be derived.
        "territory": {"name": "Pays de Foix"},
        "project_sheet": {"carrier": {"name": "PETR de l'Ariège"}, "location": "Foix"}
    });

    // Act
    let error = ApiErrorBody::from(app.create_item(&incomplete).await).await;

    // Assert
    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.code, "validation_failed");
    assert_eq!(
        error.sorted_fields(),
        sorted(&[
            ("summary", "required"),
            ("body", "required"),
            ("license", "required"),
            ("authors", "required"),
            ("territory.scale", "required"),
            ("project_sheet.status", "required"),
            ("project_sheet.perimeter", "required"),
            ("project_sheet.start_date", "required"),
        ])
    );
    assert!(error.message.contains('8'), "the message counts the fields: {}", error.message);
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn an_unknown_pillar_is_reported_at_its_index() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["pillars"] = json!(["recyclage", "economie_magique"]);

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
    assert_eq!(error.sorted_fields(), vec![("pillars[1]", "unknown_code")]);
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn an_unknown_funding_type_is_reported_inside_its_funding_line() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["project_sheet"]["funding"][0]["funding_type"] = json!("loto");

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!(error.sorted_fields(), vec![("project_sheet.funding[0].funding_type", "unknown_code")]);
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn several_mistakes_are_reported_together() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["summary"] = json!("r".repeat(501));
    sheet["documents"][0]["url"] = json!("https://moi:secret@www.example.org/dossier.pdf");
    sheet["project_sheet"]["total_cost_eur"] = json!(-10);
    sheet["project_sheet"]["start_date"] = json!("2025-13");

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!(
        error.sorted_fields(),
        sorted(&[
            ("summary", "too_long"),
            ("documents[0].url", "invalid_url"),
            ("project_sheet.total_cost_eur", "invalid_number"),
            ("project_sheet.start_date", "invalid_date"),
        ])
    );
}

#[tokio::test]
async fn a_wrong_json_type_is_refused_with_its_path() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["project_sheet"]["funding"][1]["amount_eur"] = json!("deux cent cinquante mille");

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.code, "validation_failed");
    assert_eq!(error.sorted_fields(), vec![("project_sheet.funding[1].amount_eur", "invalid_type")]);
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn an_unknown_field_is_refused_rather_than_silently_dropped() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["territory"]["departement"] = json!("09");

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.fields.len(), 1, "{error:?}");
    assert_eq!(error.fields[0].1, "unknown_field");
    assert!(error.fields[0].0.starts_with("territory"), "{error:?}");
}

#[tokio::test]
async fn an_unknown_kind_is_an_unknown_code() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["kind"] = json!("fiche_projet");

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!(error.sorted_fields(), vec![("kind", "unknown_code")]);
}

#[tokio::test]
async fn malformed_json_is_a_bad_request() {
    let app = TestNode::spawn().await;

    for body in ["{\"kind\": \"project_sheet\", \"title\": ", "{\"kind\": \"project_sheet\" \"title\": \"x\"}", ""] {
        let error = ApiErrorBody::from(app.create_item_raw("application/json", body).await).await;
        assert_eq!((error.status, error.code.as_str()), (StatusCode::BAD_REQUEST, "invalid_json"), "{body:?}");
    }
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_body_that_is_not_declared_as_json_is_an_unsupported_media_type() {
    let app = TestNode::spawn().await;
    let json = dynamo_json().to_string();

    for content_type in ["text/plain", "application/x-www-form-urlencoded", "text/markdown"] {
        let error = ApiErrorBody::from(app.create_item_raw(content_type, json.clone()).await).await;
        assert_eq!(
            (error.status, error.code.as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{content_type}"
        );
    }
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn json_with_a_charset_or_a_json_suffix_type_is_accepted() {
    let app = TestNode::spawn().await;
    let mut second = dynamo_json();
    second["slug"] = json!("dynamo-bis");

    let first = app.create_item_raw("application/json; charset=utf-8", dynamo_json().to_string()).await;
    let second = app.create_item_raw("application/activity+json", second.to_string()).await;

    assert_eq!(first.status(), StatusCode::CREATED);
    assert_eq!(second.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_draft_may_be_incomplete() {
    let app = TestNode::spawn().await;
    let draft = json!({
        "kind": "project_sheet",
        "title": "Une idée de légumerie",
        "project_sheet": {"status": "a_venir"}
    });

    let created = Served::expect(app.create_item(&draft).await, StatusCode::CREATED).await;

    assert_eq!(created.document.lifecycle, Lifecycle::Draft);
    assert_eq!(created.slug(), "une-idee-de-legumerie");
    assert_eq!(created.document.summary, "");
    assert_eq!(app.row_counts().await.items, 1);
}

#[tokio::test]
async fn a_draft_still_needs_a_title_and_valid_codes() {
    let app = TestNode::spawn().await;
    let draft = json!({"kind": "experience", "title": " ", "pillars": ["recyclage", "pillier"]});

    let error = ApiErrorBody::from(app.create_item(&draft).await).await;

    assert_eq!(error.sorted_fields(), sorted(&[("title", "required"), ("pillars[1]", "unknown_code")]));
}

#[tokio::test]
async fn a_document_without_a_kind_is_refused() {
    let app = TestNode::spawn().await;

    let error = ApiErrorBody::from(app.create_item(&json!({"title": "Sans type"})).await).await;

    assert_eq!(error.sorted_fields(), vec![("kind", "required")]);
}

#[tokio::test]
async fn an_oversized_body_is_refused_and_stores_nothing() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["body"] = json!("x".repeat(2 * 1024 * 1024));

    let response = app.create_item(&sheet).await;

    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn an_oversized_body_is_refused_with_a_json_error() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_json();
    sheet["body"] = json!("x".repeat(2 * 1024 * 1024));

    let error = ApiErrorBody::from(app.create_item(&sheet).await).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"));
}
