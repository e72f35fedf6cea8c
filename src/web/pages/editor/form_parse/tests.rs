//! The editor form as it is read back: fields to a document, errors per field.

use super::*;
use serde_json::json;

/// The shapes a small form would declare.
fn types(shape: &str) -> FieldType {
    match shape {
        "pillars" | "tags" | "good_practice.steps[].tools" => FieldType::List,
        "project_sheet.funding[].amount_eur" | "territory.lat" => FieldType::Number,
        _ => FieldType::Text,
    }
}

fn tree(pairs: &[(&str, &str)]) -> Value {
    build_tree(pairs.iter().copied(), types)
}

#[test]
fn dotted_and_indexed_paths_become_nested_objects_and_arrays() {
    let t = tree(&[
        ("title", "Compost partagé"),
        ("territory.name", "Pays d'Aix"),
        ("project_sheet.funding[0].funder", "Région Sud"),
        ("project_sheet.funding[0].amount_eur", "12 500,50"),
        ("project_sheet.funding[1].funder", "ADEME"),
    ]);
    assert_eq!(
        t,
        json!({
            "title": "Compost partagé",
            "territory": {"name": "Pays d'Aix"},
            "project_sheet": {"funding": [{"funder": "Région Sud", "amount_eur": 12500.5}, {"funder": "ADEME"}]}
        })
    );
}

#[test]
fn repeated_names_and_lines_become_arrays() {
    let t = tree(&[("pillars", "recyclage"), ("pillars", "ecoconception"), ("tags", "compost\r\n\r\n  quartier \r\n")]);
    assert_eq!(t, json!({"pillars": ["recyclage", "ecoconception"], "tags": ["compost", "quartier"]}));
}

#[test]
fn empty_inputs_are_absent_and_empty_rows_vanish_with_rows_renumbered() {
    let t = tree(&[
        ("summary", "   "),
        ("project_sheet.funding[0].funder", ""),
        ("project_sheet.funding[0].amount_eur", ""),
        ("project_sheet.funding[1].funder", ""),
        ("project_sheet.funding[2].funder", "Département"),
        ("good_practice.steps[0].tools", "\n"),
    ]);
    assert_eq!(t, json!({"project_sheet": {"funding": [{"funder": "Département"}]}}));
}

#[test]
fn an_unreadable_number_is_kept_as_typed_and_reported_at_its_path() {
    let t = tree(&[
        ("title", "Essai"),
        ("kind", "project_sheet"),
        ("project_sheet.funding[0].funder", "X"),
        ("project_sheet.funding[0].amount_eur", "beaucoup"),
    ]);
    assert_eq!(t["project_sheet"]["funding"][0]["amount_eur"], json!("beaucoup"));
    let decoded = decode(&t, types);
    assert_eq!(decoded.errors.len(), 1);
    assert_eq!(decoded.errors[0].path, "project_sheet.funding[0].amount_eur");
    assert_eq!(decoded.document.map(|d| d.title), Some("Essai".to_owned()));
}

#[test]
fn a_missing_required_sub_field_is_reported_where_its_input_is() {
    let t = tree(&[("kind", "experience"), ("authors[0].role", "rédactrice")]);
    let decoded = decode(&t, types);
    assert!(decoded.document.is_none());
    assert_eq!(decoded.errors[0].path, "authors[0].name");
}

#[test]
fn malformed_names_are_skipped_and_never_panic() {
    let t = tree(&[
        ("a[", "x"),
        ("b[x]", "x"),
        ("C", "x"),
        ("d[99999]", "x"),
        ("..", "x"),
        ("e[0]", "ok"),
        ("e.f", "over"),
    ]);
    assert_eq!(t, json!({"e": {"f": "over"}}));
}

#[test]
fn a_scalar_and_an_object_at_the_same_path_do_not_panic() {
    let t = tree(&[("territory", "Aix"), ("territory.name", "Aix"), ("title[0]", "x"), ("title", "y")]);
    assert_eq!(t, json!({"territory": {"name": "Aix"}, "title": "y"}));
}

#[test]
fn controls_are_read_apart_from_the_document() {
    let parsed = parse_form(b"_csrf=abc&_action=preview&_extra_rows=3&title=Bonjour+%C3%A0+tous", types);
    assert_eq!(parsed.csrf, "abc");
    assert_eq!(parsed.action, FormAction::Preview);
    assert_eq!(parsed.extra_rows, 3);
    assert_eq!(parsed.tree, json!({"title": "Bonjour à tous"}));
}

#[test]
fn values_are_found_again_by_input_name() {
    let t = json!({"project_sheet": {"funding": [{"funder": "A"}, {"funder": "B"}]}});
    assert_eq!(value_at(&t, "project_sheet.funding[1].funder"), Some(&json!("B")));
    assert_eq!(value_at(&t, "project_sheet.funding[2].funder"), None);
    assert_eq!(value_at(&t, "nope["), None);
}

#[test]
fn french_numbers_are_read() {
    assert_eq!(parse_number("1 234,50"), Some(1234.5));
    assert_eq!(parse_number("1\u{202f}000"), Some(1000.0));
    assert_eq!(parse_number("-3.5"), Some(-3.5));
    assert_eq!(parse_number("douze"), None);
    assert_eq!(parse_number("NaN"), None);
}
