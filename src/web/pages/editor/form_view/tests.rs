//! The editor form as it is shown: values filled in from a document.

use super::*;
use serde_json::json;

fn error(path: &str) -> FieldError {
    FieldError { path: path.into(), code: "x", message: crate::msg!("page-editor-required") }
}

#[test]
fn errors_sit_beside_the_input_named_by_their_path() {
    let tree = json!({"project_sheet": {"funding": [{"funder": "A"}]}, "pillars": ["x"]});
    let errors = [
        error("title"),
        error("project_sheet.funding[0].amount_eur"),
        error("pillars[0]"),
        error("project_sheet.carrier"),
        error("$"),
    ];
    let mut form = build(Kind::ProjectSheet, &tree, &errors, true, 0, &Vocabularies::builtin());
    let found: Vec<&str> = targets(&mut form.sections).into_iter().filter(|t| t.3.is_some()).map(|t| t.0).collect();
    assert_eq!(found, ["title", "pillars", "project_sheet.carrier.name", "project_sheet.funding[0].amount_eur"]);
    assert_eq!(form.summary.len(), 5);
    assert_eq!(form.summary[0].href.as_deref(), Some("#f-title"));
    assert!(form.summary[4].href.is_none());
}

#[test]
fn lists_show_their_rows_plus_empty_ones() {
    let tree = json!({"authors": [{"name": "Camille"}]});
    let form = build(Kind::Experience, &tree, &[], false, 3, &Vocabularies::builtin());
    let authors = form.sections.iter().flat_map(|s| &s.parts).find_map(|p| match p {
        PartView::Group(g) if g.name == "authors" => Some(g),
        _ => None,
    });
    let authors = authors.expect("an authors group");
    assert_eq!(authors.rows.len(), 1 + EMPTY_ROWS + 3);
    assert_eq!(authors.rows[0].fields[0].value, "Camille");
    assert_eq!(authors.rows[0].fields[0].name, "authors[0].name");
}
