//! Onboarding an existing catalogue: `maillage import --mapping` reads the same sheets from
//! CSV, XLSX and ODS files made by the project (`tests/fixtures/spreadsheets/`), with the
//! documented mapping of an economiecirculaire.org export; labels, French dates and several
//! values per cell become fields; a re-run changes nothing; a dry run writes nothing; a
//! file with errors in several rows reports them all, by line, column and field, and
//! nothing is written.

use crate::harness::{repo_path, stderr_of, TestNode};
use maillage::content::ItemDocument;

const MAPPING: &str = "config/correspondance-economiecirculaire.toml";

async fn import(app: &TestNode, file: &str, extra: &[&str]) -> std::process::Output {
    let mapping = repo_path(MAPPING);
    let file = repo_path(&format!("tests/fixtures/spreadsheets/{file}"));
    let mut args = vec!["import", "--mapping", mapping.to_str().expect("UTF-8"), file.to_str().expect("UTF-8")];
    args.extend_from_slice(extra);
    app.run_cli(&args).await
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn imported(app: &TestNode, slug: &str) -> ItemDocument {
    app.get_ok(slug).await.document
}

#[tokio::test]
async fn a_csv_export_becomes_draft_items_with_its_labels_dates_and_lists_and_a_rerun_changes_nothing() {
    let app = TestNode::spawn().await;

    let first = import(&app, "fiches.csv", &[]).await;

    assert!(first.status.success(), "{}", stderr_of(&first));
    assert!(stdout_of(&first).contains("2 créée(s), 0 mise(s) à jour, 0 inchangée(s)"), "{}", stdout_of(&first));
    let legumerie = imported(&app, "legumerie-solidaire-du-pays-d-aix").await;
    assert_eq!(legumerie.kind, Some(maillage::content::Kind::ProjectSheet));
    assert_eq!(legumerie.lifecycle, maillage::content::Lifecycle::Draft);
    assert_eq!(legumerie.pillars, vec!["approvisionnement_durable", "consommation_responsable"]);
    let sheet = legumerie.project_sheet.expect("a project sheet");
    assert_eq!(sheet.start_date.as_deref(), Some("2023-09-01"));
    assert_eq!(sheet.carrier.expect("a carrier").name, "Pays d'Aix Associations");
    assert_eq!(sheet.funding.iter().map(|f| f.funder.as_str()).collect::<Vec<_>>(), vec!["Région Sud", "ADEME"]);
    let compost = imported(&app, "compost-de-quartier-a-foix").await;
    assert_eq!(compost.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["Dominique", "Alix"]);
    assert_eq!(compost.project_sheet.expect("a sheet").start_date.as_deref(), Some("2024"));

    let again = import(&app, "fiches.csv", &[]).await;
    assert!(stdout_of(&again).contains("0 créée(s), 0 mise(s) à jour, 2 inchangée(s)"), "{}", stdout_of(&again));
    assert_eq!(app.row_counts().await.item_revisions, 2, "a re-run writes no revision");
}

#[tokio::test]
async fn the_same_sheet_as_xlsx_and_as_ods_gives_the_same_items() {
    let from_csv = TestNode::spawn().await;
    assert!(import(&from_csv, "fiches.csv", &[]).await.status.success());
    for workbook in ["fiches.xlsx", "fiches.ods"] {
        let app = TestNode::spawn().await;
        let output = import(&app, workbook, &[]).await;
        assert!(output.status.success(), "{workbook}: {}", stderr_of(&output));
        for slug in ["legumerie-solidaire-du-pays-d-aix", "compost-de-quartier-a-foix"] {
            assert_eq!(imported(&app, slug).await, imported(&from_csv, slug).await, "{workbook}: {slug}");
        }
    }
}

#[tokio::test]
async fn a_dry_run_says_what_would_happen_and_writes_nothing() {
    let app = TestNode::spawn().await;

    let output = import(&app, "fiches.csv", &["--dry-run"]).await;

    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains(
            "essai à blanc, rien n'a été écrit : 2 à créer, 0 à mettre à jour, 0 inchangée(s), 0 problème(s)"
        ),
        "{}",
        stdout_of(&output)
    );
    assert_eq!(app.row_counts().await.items, 0);
    assert!(import(&app, "fiches.csv", &[]).await.status.success());
    let output = import(&app, "fiches.csv", &["--dry-run"]).await;
    assert!(stdout_of(&output).contains("0 à créer, 0 à mettre à jour, 2 inchangée(s)"), "{}", stdout_of(&output));
}

#[tokio::test]
async fn errors_in_several_rows_are_all_reported_by_line_column_and_field_and_nothing_is_written() {
    let app = TestNode::spawn().await;

    let output = import(&app, "fiches-erreurs.csv", &[]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(stderr.contains("3 problème(s), rien n'a été importé"), "{stderr}");
    assert!(
        stderr.contains("fiches-erreurs.csv : ligne 3, colonne « dates », champ project_sheet.start_date : « 31/02/2024 » n'est pas une date"),
        "{stderr}"
    );
    assert!(stderr.contains("fiches-erreurs.csv : ligne 4, colonne « piliers », champ pillars[0]"), "{stderr}");
    assert!(stderr.contains("Recyclage magique"), "{stderr}");
    assert!(
        stderr.contains(
            "fiches-erreurs.csv : ligne 5, colonne « titre », champ slug : La colonne clé « titre » est vide"
        ),
        "{stderr}"
    );
    assert_eq!(app.row_counts().await.items, 0, "not even the valid row");
}

#[tokio::test]
async fn a_mapping_naming_a_column_the_file_lacks_is_refused_with_the_file_columns() {
    let app = TestNode::spawn().await;
    let mapping = app.folder().join("correspondance.toml");
    std::fs::write(&mapping, "key = \"titre\"\n[columns]\n\"intitulé\" = \"title\"\n").expect("written");
    let file = repo_path("tests/fixtures/spreadsheets/fiches.csv");

    let output =
        app.run_cli(&["import", "--mapping", mapping.to_str().expect("UTF-8"), file.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(
        stderr
            .contains("colonne(s) absente(s) du fichier : intitulé ; colonnes du fichier : titre, structure porteuse"),
        "{stderr}"
    );
}
