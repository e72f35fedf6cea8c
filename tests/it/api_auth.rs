//! Writes need a live API token; reading published items does not.

use crate::fixtures::dynamo_project_sheet;
use crate::harness::{ApiErrorBody, Served, TestNode};
use maillage::operations::people::accounts;
use reqwest::StatusCode;
use serde_json::json;

fn assert_unauthorized(error: &ApiErrorBody) {
    assert_eq!((error.status, error.code.as_str()), (StatusCode::UNAUTHORIZED, "unauthorized"), "{error:?}");
}

#[tokio::test]
async fn creating_an_item_without_a_token_is_unauthorized_and_stores_nothing() {
    let app = TestNode::spawn().await;
    let before = app.row_counts().await;

    let error = ApiErrorBody::from(app.public().create_item(&dynamo_project_sheet()).await).await;

    assert_unauthorized(&error);
    assert_eq!(app.row_counts().await, before);
    assert_eq!(before.items, 0);
}

#[tokio::test]
async fn an_unknown_token_is_unauthorized() {
    let app = TestNode::spawn().await;

    for token in [format!("mlg_{}", "0".repeat(64)), "n-importe-quoi".to_owned(), format!("{}x", app.token)] {
        let error = ApiErrorBody::from(app.with_token(&token).create_item(&dynamo_project_sheet()).await).await;
        assert_unauthorized(&error);
    }
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_revoked_token_is_unauthorized() {
    // Arrange: a second token that works, then is revoked.
    let app = TestNode::spawn().await;
    let old = accounts::create_api_token(
        &app.node,
        "ancien outil",
        &maillage::operations::people::scopes::Scopes::all(),
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await
    .expect("a token");
    let mut sheet = dynamo_project_sheet();
    sheet.slug = Some("avant-revocation".into());
    Served::expect(app.with_token(&old).create_item(&sheet).await, StatusCode::CREATED).await;
    let tokens = accounts::list_api_tokens(&app.node).await.expect("tokens");
    let id = tokens.iter().find(|t| t.name == "ancien outil").expect("the old token is listed").id;
    accounts::revoke_api_token(&app.node, id, &maillage::operations::people::audit::Actor::Cli("tests"))
        .await
        .expect("revoked");

    // Act
    let error = ApiErrorBody::from(app.with_token(&old).create_item(&dynamo_project_sheet()).await).await;

    // Assert: refused, and the node's other token still works.
    assert_unauthorized(&error);
    assert_eq!(app.row_counts().await.items, 1);
    app.create_ok(&dynamo_project_sheet()).await;
}

#[tokio::test]
async fn a_token_must_come_as_a_bearer_token() {
    let app = TestNode::spawn().await;
    let client = reqwest::Client::new();

    for header in [format!("Token {}", app.token), format!("Basic {}", app.token), app.token.clone()] {
        let response = client
            .post(format!("{}/api/v1/items", app.base))
            .header("authorization", header)
            .json(&dynamo_project_sheet())
            .send()
            .await
            .expect("sent");
        assert_unauthorized(&ApiErrorBody::from(response).await);
    }
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn replacing_patching_and_retracting_need_a_token_too() {
    let app = TestNode::spawn().await;
    let created = app.create_ok(&dynamo_project_sheet()).await;
    let before = app.row_counts().await;
    let visitor = app.public();

    let put = ApiErrorBody::from(visitor.put_item("dynamo-ariege", &dynamo_project_sheet()).await).await;
    let patch = ApiErrorBody::from(visitor.patch_item("dynamo-ariege", &json!({"title": "Piraté"})).await).await;
    let delete = ApiErrorBody::from(visitor.retract_item("dynamo-ariege").await).await;

    for error in [&put, &patch, &delete] {
        assert_unauthorized(error);
    }
    assert_eq!(app.row_counts().await, before);
    assert_eq!(app.get_ok("dynamo-ariege").await.document, created.document);
}

#[tokio::test]
async fn a_bad_token_is_refused_even_on_a_public_read() {
    // A client that sends a token expects to be recognised: a wrong one is an error, not
    // a silent downgrade to the public view.
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;

    let error = ApiErrorBody::from(app.with_token("mlg_faux").get_item("dynamo-ariege").await).await;

    assert_unauthorized(&error);
}
