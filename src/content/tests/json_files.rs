//! JSON files and request bodies: one document or many, and where each error is.

use super::*;

#[test]
fn a_json_file_holds_one_document_or_an_array_of_them() {
    let one = serde_json::to_string_pretty(&project_sheet()).expect("serializable");
    let many =
        serde_json::to_string_pretty(&vec![project_sheet(), good_practice(), experience()]).expect("serializable");

    let documents = |text: &str| -> Vec<ItemDocument> {
        parse_json_file(text).expect("valid documents").into_iter().map(|item| item.document).collect()
    };
    assert_eq!(documents(&one), vec![project_sheet()]);
    assert_eq!(documents(&format!("\n  {many}")), vec![project_sheet(), good_practice(), experience()]);
}

#[test]
fn every_item_error_of_a_json_array_is_reported_with_its_line_in_the_file() {
    let text = "[\n  {\n    \"kind\": \"experience\",\n    \"title\": [\"une liste\"]\n  },\n  {\"kind\": \"good_practice\", \"title\": \"ok\"},\n  {\n    \"kind\": \"experience\",\n    \"last_reviewed\": \"12/13/2025\"\n  }\n]";

    let errors = parse_json_file(text).expect_err("two items are wrong");

    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].item, errors[0].error.code), (Some(4), Some(1), "invalid_type"));
    assert_eq!(errors[0].error.message.to_string(), "Type incorrect : reçu une liste, attendu un texte.");
    assert_eq!((errors[1].line, errors[1].item, errors[1].error.code), (Some(9), Some(3), "invalid_date"));
    assert!(
        errors[1].to_string().starts_with("ligne 9, élément 3, champ last_reviewed : Date invalide"),
        "{}",
        errors[1]
    );
    assert!(errors[1].error.message.to_string().contains("AAAA-MM-JJ"), "{}", errors[1].error.message);
}

#[test]
fn the_line_of_a_field_in_an_array_item_is_its_line_in_the_file() {
    let text = "[\n  {\"kind\": \"experience\"},\n  {\n    \"kind\": \"experience\",\n    \"pillars\": [\"x\"]\n  }\n]";

    let items = parse_json_file(text).expect("well-formed");

    assert_eq!((items[0].first_line, items[1].first_line), (2, 3));
    assert_eq!(items[1].line_of("pillars[0]"), Some(5));
}

#[test]
fn a_document_read_from_the_api_can_be_sent_back_with_its_meta() {
    let mut value = serde_json::to_value(experience()).expect("serializable");
    value["meta"] = serde_json::json!({"id": "http://127.0.0.1:8080/items/x", "revision": 3});

    let doc = parse_json_document(value.to_string().as_bytes()).expect("meta is accepted");

    assert!(doc.meta.is_some());
    assert_eq!(validate(doc, &vocab()).expect("valid").into_document(), experience());
}

#[test]
fn the_meta_echo_is_never_written_back() {
    let mut doc = experience();
    doc.meta = Some(serde_json::json!({"revision": 3}));

    let json = serde_json::to_value(&doc).expect("serializable");

    assert!(json.get("meta").is_none(), "{json}");
}

#[test]
fn a_minimal_json_document_gets_the_default_language_and_lifecycle() {
    let doc = parse_json_document(br#"{"kind": "experience", "title": "Retour"}"#).expect("minimal");

    assert_eq!(doc.language, "fr");
    assert_eq!(doc.lifecycle, Lifecycle::Draft);
}

fn json_error(value: serde_json::Value) -> FieldError {
    parse_json_document(value.to_string().as_bytes()).expect_err("must not parse").error
}

#[test]
fn a_wrong_json_type_is_reported_with_its_path() {
    let error = json_error(serde_json::json!({
        "kind": "project_sheet",
        "title": "x",
        "project_sheet": {"funding": [{"funder": "A"}, {"funder": "B", "amount_eur": "beaucoup"}]}
    }));
    assert_eq!((error.path.as_str(), error.code), ("project_sheet.funding[1].amount_eur", "invalid_type"));

    let error = json_error(serde_json::json!({"kind": "good_practice", "title": 42}));
    assert_eq!((error.path.as_str(), error.code), ("title", "invalid_type"));

    let error = json_error(serde_json::json!({"kind": "good_practice", "title": "x", "pillars": "recyclage"}));
    assert_eq!((error.path.as_str(), error.code), ("pillars", "invalid_type"));

    let error = json_error(
        serde_json::json!({"kind": "good_practice", "title": "x", "territory": {"name": "Foix", "lat": "nord"}}),
    );
    assert_eq!((error.path.as_str(), error.code), ("territory.lat", "invalid_type"));
}

#[test]
fn an_unknown_field_is_reported_with_its_name_and_place() {
    let error = json_error(serde_json::json!({"kind": "experience", "title": "x", "experience": {"registres": {}}}));

    assert_eq!(error.code, "unknown_field");
    assert!(error.path.starts_with("experience"), "{}", error.path);
    assert!(error.message.to_string().contains("registres"), "{}", error.message);
}

#[test]
fn an_unknown_kind_or_lifecycle_is_an_unknown_code() {
    let error = json_error(serde_json::json!({"kind": "fiche", "title": "x"}));
    assert_eq!((error.path.as_str(), error.code), ("kind", "unknown_code"));

    let error = json_error(serde_json::json!({"kind": "experience", "title": "x", "lifecycle": "publie"}));
    assert_eq!((error.path.as_str(), error.code), ("lifecycle", "unknown_code"));
}

#[test]
fn a_missing_field_inside_a_list_entry_is_required() {
    let error =
        json_error(serde_json::json!({"kind": "experience", "title": "x", "documents": [{"title": "Sans lien"}]}));

    assert_eq!((error.path.as_str(), error.code), ("documents[0]", "required"));
    assert!(error.message.to_string().contains("url"), "{}", error.message);
}

#[test]
fn malformed_json_is_reported_with_its_line() {
    let text = "[\n  {\n    \"kind\": \"experience\"\n    \"title\": \"virgule oubliée\"\n  }\n]";

    let errors = parse_json_file(text).expect_err("a comma is missing");

    let error = &errors[0];
    assert_eq!(error.error.code, "invalid_json");
    assert_eq!(error.line, Some(4));
    assert!(error.to_string().starts_with("ligne 4"), "{error}");
    assert!(
        error.error.message.to_string().starts_with("JSON mal formé, ligne 4, colonne 5 : "),
        "{}",
        error.error.message
    );
    assert!(
        !error.error.message.to_string().contains("expected"),
        "the parser's English stays out: {}",
        error.error.message
    );
}

#[test]
fn a_truncated_json_file_is_malformed() {
    let errors = parse_json_file("{\"kind\": \"experience\",").expect_err("truncated");

    assert_eq!(errors[0].error.code, "invalid_json");
}
