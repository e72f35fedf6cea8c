//! Files through the command line: `maillage import` attaches the files an item file names
//! by relative path (checked like uploads, errors naming file, line and field), and an
//! export carries the files of its items so that an import on an empty node serves the
//! same bytes.

use crate::export_import::{documents_of, export, markdown_files};
use crate::harness::{stderr_of, TestNode};
use crate::media_files::{download, jpeg, pdf, upload};

const SHEET: &str = "---
kind: good_practice
slug: jardin-partage
title: Un jardin partagé
summary: Des parcelles pour les habitants.
license: CC-BY-4.0
authors:
  - name: Claire Martin
territory:
  name: Foix
  scale: commune
lifecycle: draft
media:
  - path: photos/jardin.jpg
    title: Le jardin
    alt: Des parcelles au soleil
    license: CC-BY-4.0
    cover: true
  - path: bilan.pdf
    title: Bilan 2024
---
Le jardin a ouvert en 2024.
";

#[tokio::test]
async fn an_imported_item_carries_the_files_its_front_matter_names() {
    let app = TestNode::spawn().await;
    let folder = app.folder().join("fiches");
    std::fs::create_dir_all(folder.join("photos")).expect("folders");
    std::fs::write(folder.join("photos/jardin.jpg"), jpeg(800, 600, 10)).expect("photo");
    std::fs::write(folder.join("bilan.pdf"), pdf("bilan")).expect("pdf");
    let file = folder.join("jardin.md");
    std::fs::write(&file, SHEET).expect("item file");

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;
    assert!(output.status.success(), "{}", stderr_of(&output));

    let http = reqwest::Client::new();
    let item: serde_json::Value = http
        .get(format!("{}/api/v1/items/jardin-partage", app.base))
        .bearer_auth(&app.token)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    let media = item["media"].as_array().expect("media");
    assert_eq!(media.len(), 2);
    assert_eq!((media[0]["kind"].as_str(), media[0]["cover"].as_bool()), (Some("image"), Some(true)));
    assert_eq!(media[0]["file"]["width"], 800);
    assert_eq!(media[1]["file"]["media_type"], "application/pdf");
    let (status, _, bytes) =
        download(&http, &format!("{}/media/{}", app.base, media[1]["file"]["sha256"].as_str().expect("sha"))).await;
    assert_eq!((status, bytes), (200, pdf("bilan")));

    // Importing the same file again changes nothing.
    let before = app.row_counts().await;
    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn a_refused_file_names_the_item_file_the_line_and_the_field_and_nothing_is_imported() {
    let app = TestNode::spawn().await;
    let folder = app.folder().join("fiches");
    std::fs::create_dir_all(folder.join("photos")).expect("folders");
    std::fs::write(folder.join("photos/jardin.jpg"), b"<svg onload='x'/>").expect("not a photo");
    std::fs::write(folder.join("bilan.pdf"), pdf("bilan")).expect("pdf");
    let file = folder.join("jardin.md");
    std::fs::write(&file, SHEET).expect("item file");
    let before = app.row_counts().await;

    let output = app.run_cli(&["import", file.to_str().expect("UTF-8")]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("jardin.md") && stderr.contains("ligne 14") && stderr.contains("media[0].path"),
        "{stderr}"
    );
    assert!(stderr.contains("media_svg_refused"), "{stderr}");
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn an_export_carries_the_files_and_an_import_on_an_empty_node_serves_the_same_bytes() {
    let origin = TestNode::spawn().await;
    origin.create_ok(&crate::fixtures::practice("pratique", "Une pratique", "Un corps.")).await;
    let http = reqwest::Client::new();
    let (status, item) = upload(
        &http,
        &origin.base,
        &origin.token,
        "pratique",
        &[("title", "Photo"), ("alt", "Un champ"), ("cover", "true")],
        ("champ.jpg", &jpeg(900, 600, 80)),
    )
    .await;
    assert_eq!(status, 201, "{item}");
    let dir = origin.folder().join("export");
    export(&origin, "markdown", &dir).await;
    let empty = TestNode::spawn().await;

    let files: Vec<_> = markdown_files(&dir);
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().expect("UTF-8")));
    let output = empty.run_cli(&args).await;
    assert!(output.status.success(), "{}", stderr_of(&output));

    assert_eq!(documents_of(&empty).await, documents_of(&origin).await);
    for part in ["file", "thumbnail"] {
        let sha = item["media"][0][part]["sha256"].as_str().expect("a digest");
        let there = download(&http, &format!("{}/media/{sha}", origin.base)).await;
        let here = download(&http, &format!("{}/media/{sha}", empty.base)).await;
        assert_eq!(here.0, 200);
        assert_eq!(here.2, there.2, "the {part} is the same bytes");
    }
}

#[tokio::test]
async fn a_backup_carries_the_files_and_a_restore_puts_them_back() {
    let app = TestNode::spawn().await;
    app.create_ok(&crate::fixtures::practice("pratique", "Une pratique", "Un corps.")).await;
    let http = reqwest::Client::new();
    let report = pdf("rapport sauvegardé");
    let (status, item) =
        upload(&http, &app.base, &app.token, "pratique", &[("title", "Rapport")], ("rapport.pdf", &report)).await;
    assert_eq!(status, 201, "{item}");
    let sha = item["media"][0]["file"]["sha256"].as_str().expect("a digest").to_owned();
    let backup = app.folder().join("sauvegarde.db");
    let output = app.run_cli(&["backup", backup.to_str().expect("UTF-8")]).await;
    assert!(output.status.success(), "{}", stderr_of(&output));
    let copy = std::fs::read(app.folder().join("sauvegarde.db.media").join(&sha[..2]).join(&sha))
        .expect("the file is in the backup");
    assert_eq!(copy, report);

    // Restored into another node folder: the database and its files.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let database = elsewhere.path().join("maillage.db");
    let output = crate::harness::run_maillage(
        &["restore", backup.to_str().expect("UTF-8")],
        &[("MAILLAGE__DATABASE__PATH", database.to_str().expect("UTF-8"))],
    )
    .await;
    assert!(output.status.success(), "{}", stderr_of(&output));
    let restored = std::fs::read(elsewhere.path().join("maillage.db.media").join(&sha[..2]).join(&sha))
        .expect("the file is restored");
    assert_eq!(restored, report);
}
