//! Markdown files with a YAML front matter, and their round trips.

use super::*;

const HANDWRITTEN: &str = "---
kind: good_practice
slug: compostage-partage
title: Le compostage partagé en pied d'immeuble
summary: Une méthode éprouvée.
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

# Le compostage

Un corps en **Markdown**.
";

#[test]
fn a_handwritten_markdown_file_parses_and_is_valid() {
    let doc = parse_markdown_file(HANDWRITTEN).expect("a well-formed file");

    assert_eq!(doc.kind, Some(Kind::GoodPractice));
    assert_eq!(doc.slug.as_deref(), Some("compostage-partage"));
    assert_eq!(doc.body, "# Le compostage\n\nUn corps en **Markdown**.");
    assert_eq!(doc.good_practice.as_ref().map(|g| g.steps.len()), Some(1));
    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_accepted() {
    let text = format!("\u{feff}{}", HANDWRITTEN.replace('\n', "\r\n"));

    let doc = parse_markdown_file(&text).expect("CRLF and BOM");

    assert_eq!(doc.title, "Le compostage partagé en pied d'immeuble");
    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn every_kind_survives_a_markdown_round_trip_unchanged() {
    for doc in [project_sheet(), good_practice(), experience()] {
        let text = to_markdown_file(&doc).expect("serializable");
        let back = parse_markdown_file(&text).unwrap_or_else(|e| panic!("{:?}: {e}\n{text}", doc.kind));
        assert_eq!(back, doc, "{:?}\n{text}", doc.kind);
    }
}

#[test]
fn trailing_blank_lines_are_not_part_of_a_markdown_body() {
    // Files end with a newline (and editors add more); a stored body never does.
    let text = format!("{HANDWRITTEN}\n\n  \n");

    let doc = parse_markdown_file(&text).expect("parses");

    assert_eq!(doc.body, "# Le compostage\n\nUn corps en **Markdown**.");
}

#[test]
fn multi_line_fields_that_look_like_yaml_or_a_front_matter_end_survive_a_markdown_round_trip() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).human_means = Some("Ligne 1\n---\nkind: experience\n  - indentée".into());
    doc.summary = "« Guillemets » : deux-points, # dièse, - tiret, 'apostrophes', \"doubles\"".into();
    doc.tags = vec!["no".into(), "null".into(), "~".into(), "1e3".into(), "0x10".into(), "true".into()];

    let back = parse_markdown_file(&to_markdown_file(&doc).expect("serializable")).expect("parses");

    assert_eq!(back, doc);
}

#[test]
fn a_validated_document_survives_a_markdown_round_trip_whatever_the_blank_lines_around_its_body() {
    for body in ["\n\nTexte", "Texte\n\n", "Texte  ", "    du code indenté\n", "\r\nTexte\r\n"] {
        let mut doc = experience();
        doc.body = body.into();
        let valid = validate(doc, &vocab()).expect("valid").into_document();

        let back = parse_markdown_file(&to_markdown_file(&valid).expect("serializable")).expect("parses");

        assert_eq!(back, valid, "{body:?}");
    }
}

#[test]
fn a_minimal_draft_survives_a_markdown_round_trip() {
    let doc = draft(Kind::ProjectSheet, "Idée");

    let back = parse_markdown_file(&to_markdown_file(&doc).expect("serializable")).expect("parses");

    assert_eq!(back, doc);
}

#[test]
fn a_markdown_file_without_front_matter_is_refused_at_line_1() {
    let error = parse_markdown_file("# Titre\n\nTexte").expect_err("no front matter");
    assert_eq!((error.line, error.error.code), (Some(1), "missing_front_matter"));

    let error = parse_markdown_file("---\nkind: experience\ntitle: x\n\nTexte").expect_err("not closed");
    assert_eq!((error.line, error.error.code), (Some(1), "missing_front_matter"));
}

#[test]
fn a_wrong_type_in_the_front_matter_gives_the_file_line_and_the_path() {
    let text = HANDWRITTEN.replace("  name: Marseille\n", "  name: Marseille\n  lat: nord\n");
    let line = 1 + text.lines().position(|l| l == "  lat: nord").expect("inserted");

    let error = parse_markdown_file(&text).expect_err("lat is a number");

    assert_eq!(error.error.path, "territory.lat");
    assert_eq!(error.error.code, "invalid_type");
    assert_eq!(error.line, Some(line));
}

#[test]
fn an_unknown_front_matter_key_is_refused() {
    let text = HANDWRITTEN.replace("lifecycle: published\n", "lifecycle: published\nauteur: Camille\n");

    let error = parse_markdown_file(&text).expect_err("auteur is not a field");

    assert_eq!(error.error.code, "unknown_field");
    assert!(error.error.message.to_string().contains("auteur"), "{}", error.error.message);
}

#[test]
fn the_line_of_a_field_is_found_in_yaml_and_json_sources() {
    let line = line_of_field(HANDWRITTEN, "good_practice.maturity");
    assert_eq!(line, Some(1 + HANDWRITTEN.lines().position(|l| l == "  maturity: eprouvee").expect("present")));

    let json = "{\n  \"kind\": \"experience\",\n  \"pillars\": [\"x\"]\n}";
    assert_eq!(line_of_field(json, "pillars[0]"), Some(3));
    assert_eq!(line_of_field(json, "$"), None);
}

#[test]
fn a_file_error_reads_as_line_field_message_and_code() {
    let text = HANDWRITTEN.replace("  scale: commune", "  scale: [commune]");

    let error = parse_markdown_file(&text).expect_err("scale is a string");
    let shown = error.to_string();

    assert!(
        shown.starts_with("ligne 12, champ territory.scale : Type incorrect : reçu une liste, attendu un texte."),
        "{shown}"
    );
    assert!(shown.ends_with("(invalid_type)"), "{shown}");
    assert!(!shown.contains("line"), "one line number, in French: {shown}");
}
