//! Every message a person reads says, in French, what is wrong and how to write it: API
//! query parameters (named, with the value and the format), unknown vocabulary codes in
//! filters (422 with the allowed codes, never a silent empty list), malformed JSON bodies
//! (our own words, with line and column) and import files (every error of a file at once,
//! with one line numbering, dates with their format). Nothing is written on a refusal.

use crate::harness::{stderr_of, ApiErrorBody, TestNode};
use reqwest::StatusCode;

async fn refused(app: &TestNode, query: &[(&str, &str)]) -> (ApiErrorBody, serde_json::Value) {
    let response = app.public().list_items(query).await;
    let status = response.status();
    let body: serde_json::Value = response.json().await.expect("a JSON error");
    let error = ApiErrorBody {
        status,
        code: body["error"]["code"].as_str().unwrap_or_default().to_owned(),
        message: body["error"]["message"].as_str().unwrap_or_default().to_owned(),
        fields: Vec::new(),
    };
    (error, body)
}

#[tokio::test]
async fn a_query_parameter_of_the_wrong_type_is_named_with_the_value_and_the_format() {
    let app = TestNode::spawn().await;

    let (error, body) = refused(&app, &[("page", "huit")]).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::BAD_REQUEST, "invalid_query"));
    assert_eq!(error.message, "Paramètre `page` invalide : « huit » reçu, un nombre entier attendu.");
    assert_eq!(body["error"]["fields"][0]["path"], "page");
}

#[tokio::test]
async fn an_unknown_code_in_a_filter_is_a_422_listing_the_allowed_codes() {
    let app = TestNode::spawn().await;

    let (error, body) = refused(&app, &[("pillar", "recyclage-magique")]).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
    let field = &body["error"]["fields"][0];
    assert_eq!((field["path"].as_str(), field["code"].as_str()), (Some("pillar"), Some("unknown_code")));
    let message = field["message"].as_str().expect("a message");
    assert!(message.starts_with("« recyclage-magique » n'est pas un code de pillar ; codes possibles : "), "{message}");
    let vocab = maillage::content::Vocabularies::builtin();
    for term in &vocab.get("pillar").expect("pillars").terms {
        assert!(message.contains(&term.code), "{} is listed: {message}", term.code);
    }
}

#[tokio::test]
async fn the_catalogue_says_it_ignores_an_unknown_filter_code_instead_of_showing_nothing() {
    let app = TestNode::spawn().await;
    app.create_ok(&crate::fixtures::dynamo_project_sheet()).await;

    let html = reqwest::get(format!("{}/catalogue?domain=inconnu", app.base))
        .await
        .expect("a page")
        .text()
        .await
        .expect("a body");

    assert!(html.contains("« inconnu » n&#x27;est pas un code connu pour le filtre domain"), "{html}");
    assert!(html.contains("DYNAMO"), "the list is not filtered by an unknown code: {html}");
}

#[tokio::test]
async fn a_malformed_json_body_is_answered_in_french_with_its_line_and_column() {
    let app = TestNode::spawn().await;

    let response = app.create_item_raw("application/json", "{\n  \"kind\": \"experience\",\n  \"title\": \n}").await;

    let error = ApiErrorBody::from(response).await;
    assert_eq!((error.status, error.code.as_str()), (StatusCode::BAD_REQUEST, "invalid_json"));
    assert!(
        error.message.starts_with("JSON mal formé, ligne 4, colonne 1 : une valeur est attendue"),
        "{}",
        error.message
    );
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_wrong_type_in_a_body_is_named_in_french() {
    let app = TestNode::spawn().await;

    let response = app.create_item(&serde_json::json!({ "kind": "experience", "title": ["deux", "titres"] })).await;

    let error = ApiErrorBody::from(response).await;
    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.fields, vec![("title".to_owned(), "invalid_type".to_owned())]);
    let body = app.create_item(&serde_json::json!({ "kind": "experience", "title": ["x"] })).await.text().await;
    let body = body.expect("a body");
    assert!(body.contains("Type incorrect : reçu une liste, attendu un texte."), "{body}");
    assert!(!body.contains("invalid type"), "{body}");
}

#[tokio::test]
async fn an_import_reports_every_error_of_a_json_array_with_lines_and_writes_nothing() {
    let app = TestNode::spawn().await;
    let file = app.folder().join("lot.json");
    std::fs::write(
        &file,
        "[\n  {\n    \"kind\": \"experience\",\n    \"title\": [\"une liste\"]\n  },\n  {\n    \"kind\": \"good_practice\",\n    \"title\": \"Une date mal écrite\",\n    \"last_reviewed\": \"14/03/2025\"\n  }\n]\n",
    )
    .expect("written");

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    let name = file.display();
    assert!(stderr.contains("2 problème(s), rien n'a été importé"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{name} : ligne 4, élément 1, champ title : Type incorrect : reçu une liste, attendu un texte. (invalid_type)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{name} : ligne 9, élément 2, champ last_reviewed : Date invalide : format accepté AAAA-MM-JJ"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("invalid type:") && !stderr.contains(" line "), "no parser English: {stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_markdown_import_error_has_one_line_number_the_one_an_editor_shows() {
    let app = TestNode::spawn().await;
    let file = app.folder().join("fiche.md");
    let text = "---\nkind: good_practice\ntitle: x\nterritory:\n  name: Foix\n  scale: [commune]\n---\nTexte\n";
    std::fs::write(&file, text).expect("written");

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&format!(
            "{} : ligne 6, champ territory.scale : Type incorrect : reçu une liste, attendu un texte.",
            file.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("line"), "{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}
