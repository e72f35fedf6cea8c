//! Spreadsheet rows read through a mapping, and the errors each row gets.

use super::*;

fn mapping() -> Mapping {
    toml::from_str(
        r#"
key = "identifiant"
[defaults]
lifecycle = "draft"
[columns]
"titre" = "title"
"nature" = { field = "kind", values = { "Fiche projet" = "project_sheet" } }
"piliers" = "pillars"
"début" = "project_sheet.start_date"
"coût" = "project_sheet.total_cost_eur"
"auteur" = "authors"
"#,
    )
    .expect("a mapping")
}

fn row(cells: &[(&str, &str)]) -> Row {
    Row { line: 2, cells: cells.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect() }
}

#[test]
fn a_row_becomes_a_document_with_labels_french_dates_and_amounts() {
    let doc = mapping()
        .document(
            &row(&[
                ("identifiant", "Fiche 42"),
                ("titre", "Un projet"),
                ("nature", "fiche projet"),
                ("piliers", "Recyclage ; economie de la fonctionnalite"),
                ("début", "14/03/2025"),
                ("coût", "1 234,50 €"),
                ("auteur", "Camille; Dominique"),
            ]),
            &Vocabularies::builtin(),
        )
        .expect("a document");
    assert_eq!(doc.slug.as_deref(), Some("fiche-42"));
    assert_eq!(doc.kind, Some(crate::content::Kind::ProjectSheet));
    assert_eq!(doc.pillars, vec!["recyclage", "economie_fonctionnalite"]);
    let sheet = doc.project_sheet.expect("a project sheet");
    assert_eq!((sheet.start_date.as_deref(), sheet.total_cost_eur), (Some("2025-03-14"), Some(1234.5)));
    assert_eq!(doc.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["Camille", "Dominique"]);
}

#[test]
fn every_problem_of_a_row_names_its_column() {
    let errors = mapping()
        .document(&row(&[("identifiant", ""), ("début", "31/31/2025"), ("coût", "beaucoup")]), &Vocabularies::builtin())
        .expect_err("three problems");
    let columns: Vec<_> = errors.iter().map(|e| e.column.clone().unwrap_or_default()).collect();
    assert_eq!(columns, vec!["coût", "début", "identifiant"]);
    assert!(errors[1].to_string().contains("formats acceptés JJ/MM/AAAA"), "{}", errors[1]);
}
