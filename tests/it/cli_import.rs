//! `maillage import` refuses a bad batch as a whole and says where each problem is: the
//! file, the line and the field.

use crate::harness::{stderr_of, TestNode};
use std::path::PathBuf;

const VALID_PRACTICE: &str = "---
kind: good_practice
slug: compostage-partage
title: Le compostage partagé en pied d'immeuble
summary: Une méthode éprouvée par les bailleurs sociaux.
lifecycle: published
license: CC-BY-4.0
authors:
  - name: Camille
territory:
  name: Marseille
  scale: commune
good_practice:
  problem: Les biodéchets partent à l'incinération.
  objectives: [Réduire les déchets]
  steps:
    - name: Trouver un site
  resources_needed:
    human: Un guide composteur
  maturity: eprouvee
  transferability: Partout où il y a un pied d'immeuble.
---

# Le compostage partagé

Trois bacs, un guide composteur, des voisins.
";

fn write(app: &TestNode, name: &str, text: &str) -> PathBuf {
    let path = app.folder().join(name);
    std::fs::write(&path, text).expect("Failed to write a test file");
    path
}

/// The 1-based line of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    1 + text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle} not in the file"))
}

#[tokio::test]
async fn a_valid_markdown_file_is_imported() {
    let app = TestNode::spawn().await;
    let file = write(&app, "compostage.md", VALID_PRACTICE);

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    assert!(output.status.success(), "{}", stderr_of(&output));
    let item = app.get_ok("compostage-partage").await;
    assert_eq!(item.document.body, "# Le compostage partagé\n\nTrois bacs, un guide composteur, des voisins.");
    assert_eq!(item.document.good_practice.expect("a good practice").maturity.as_deref(), Some("eprouvee"));
}

#[tokio::test]
async fn a_markdown_file_with_a_bad_code_names_the_file_line_and_field_and_nothing_is_imported() {
    // Arrange: a valid file, and a file whose maturity is not a known code.
    let app = TestNode::spawn().await;
    let valid = write(&app, "compostage.md", VALID_PRACTICE);
    let bad_text = VALID_PRACTICE
        .replace("slug: compostage-partage", "slug: compostage-bis")
        .replace("maturity: eprouvee", "maturity: tres_avancee");
    let bad = write(&app, "compostage-bis.md", &bad_text);

    // Act
    let output = app.run_cli(&["import", valid.to_str().expect("UTF-8"), bad.to_str().expect("UTF-8")]).await;

    // Assert
    assert!(!output.status.success(), "the import must fail");
    let stderr = stderr_of(&output);
    let expected = format!(
        "{} : ligne {}, champ good_practice.maturity",
        bad.display(),
        line_of(&bad_text, "maturity: tres_avancee")
    );
    assert!(stderr.contains(&expected), "expected «{expected}» in:\n{stderr}");
    assert!(stderr.contains("tres_avancee") && stderr.contains("unknown_code"), "{stderr}");
    assert!(!stderr.contains(&format!("{} :", valid.display())), "the valid file has no problem: {stderr}");
    assert_eq!(app.row_counts().await.items, 0, "nothing is imported, not even the valid file");
}

#[tokio::test]
async fn every_problem_of_every_file_is_listed_at_once() {
    let app = TestNode::spawn().await;
    let first = write(&app, "a.md", &VALID_PRACTICE.replace("scale: commune", "scale: canton"));
    let second = write(&app, "b.md", &VALID_PRACTICE.replace("license: CC-BY-4.0", "license: GPL"));

    let output = app.run_cli(&["import", first.to_str().expect("UTF-8"), second.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(stderr.contains(&format!("{} : ligne 12, champ territory.scale", first.display())), "{stderr}");
    assert!(stderr.contains(&format!("{} : ligne 7, champ license", second.display())), "{stderr}");
    assert!(stderr.contains("2 problème(s)"), "{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_wrong_type_in_a_front_matter_names_the_line() {
    let app = TestNode::spawn().await;
    let text = VALID_PRACTICE.replace("  scale: commune", "  scale: commune\n  lat: quarante-trois");
    let file = write(&app, "coordonnees.md", &text);

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    let expected = format!("{} : ligne {}, champ territory.lat", file.display(), line_of(&text, "lat: quarante-trois"));
    assert!(stderr.contains(&expected), "expected «{expected}» in:\n{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_json_syntax_error_names_the_file_and_the_line_and_nothing_is_imported() {
    let app = TestNode::spawn().await;
    let valid = write(&app, "compostage.md", VALID_PRACTICE);
    let broken = "[\n  {\n    \"kind\": \"experience\",\n    \"title\": \"Virgule oubliée\"\n    \"lifecycle\": \"draft\"\n  }\n]\n";
    let json = write(&app, "items.json", broken);

    let output = app.run_cli(&["import", valid.to_str().expect("UTF-8"), json.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    let expected = format!("{} : ligne 5", json.display());
    assert!(stderr.contains(&expected), "expected «{expected}» in:\n{stderr}");
    assert!(stderr.contains("invalid_json"), "{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_bad_item_in_a_json_array_is_named_by_its_position() {
    let app = TestNode::spawn().await;
    let items = serde_json::json!([
        {"kind": "experience", "title": "Un brouillon"},
        {"kind": "experience", "title": "Un autre", "pillars": ["inconnu"]}
    ]);
    let file = write(&app, "items.json", &serde_json::to_string_pretty(&items).expect("JSON"));

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    let line = 1 + serde_json::to_string_pretty(&items)
        .expect("JSON")
        .lines()
        .position(|l| l.contains("\"pillars\""))
        .expect("present");
    let expected = format!("{} : ligne {line}, élément 2, champ pillars[0]", file.display());
    assert!(stderr.contains(&expected), "expected «{expected}» in:\n{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}

#[tokio::test]
async fn a_file_with_an_unknown_extension_or_that_does_not_exist_is_refused() {
    let app = TestNode::spawn().await;
    let text = write(&app, "notes.txt", VALID_PRACTICE);
    let missing = app.folder().join("absent.md");

    let output = app.run_cli(&["import", text.to_str().expect("UTF-8"), missing.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(stderr.contains("notes.txt") && stderr.contains("absent.md"), "{stderr}");
    assert_eq!(app.row_counts().await.items, 0);
}
