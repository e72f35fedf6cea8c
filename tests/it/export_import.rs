//! `maillage export` and `maillage import` (the real binary): an export holds every field,
//! export → import on an empty node reproduces every document, and importing the same
//! export again changes nothing.

use crate::fixtures::{draft, dynamo_project_sheet, tav_marseille_experience, useful_effects_method};
use crate::harness::{stderr_of, TestNode};
use maillage::content::files::{parse_json_file, parse_markdown_file};
use maillage::content::ItemDocument;
use std::collections::BTreeMap;
use std::path::Path;

/// A node holding the three rich items and a draft; returns their documents as the API
/// serves them, by slug.
async fn node_with_content() -> (TestNode, BTreeMap<String, ItemDocument>) {
    let app = TestNode::spawn().await;
    for doc in [dynamo_project_sheet(), useful_effects_method(), tav_marseille_experience(), draft("idee", "Une idée")]
    {
        app.create_ok(&doc).await;
    }
    let documents = documents_of(&app).await;
    (app, documents)
}

/// Every local item of a node (drafts included), as read with its token.
pub(crate) async fn documents_of(app: &TestNode) -> BTreeMap<String, ItemDocument> {
    let mut documents = BTreeMap::new();
    for lifecycle in ["published", "draft", "archived", "withdrawn"] {
        for item in app.list_ok(&[("lifecycle", lifecycle), ("per_page", "100")]).await.items {
            documents.insert(item.slug().to_owned(), item.document);
        }
    }
    documents
}

pub(crate) async fn export(app: &TestNode, format: &str, out: &Path) {
    let output = app.run_cli(&["export", "--format", format, "--out", out.to_str().expect("UTF-8 path")]).await;
    assert!(output.status.success(), "export failed: {}", stderr_of(&output));
}

async fn import(app: &TestNode, files: &[&Path]) {
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.to_str().expect("UTF-8 path")));
    let output = app.run_cli(&args).await;
    assert!(output.status.success(), "import failed: {}", stderr_of(&output));
}

pub(crate) fn markdown_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the export folder exists")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn the_api_serves_the_rich_fixtures_unchanged() {
    // The baseline of the export tests: what the API serves is what was sent.
    let (_app, documents) = node_with_content().await;

    assert_eq!(documents["dynamo-ariege"], dynamo_project_sheet());
    let mut method = useful_effects_method();
    method.published = documents["methode-effets-utiles"].published;
    assert!(method.published.is_some());
    assert_eq!(documents["methode-effets-utiles"], method);
    assert_eq!(documents["tav-marseille-effets-utiles"], tav_marseille_experience());
    assert_eq!(documents.len(), 4);
}

#[tokio::test]
async fn a_json_export_holds_every_document_exactly() {
    let (app, documents) = node_with_content().await;
    let file = app.folder().join("export.json");

    export(&app, "json", &file).await;

    let exported = parse_json_file(&std::fs::read_to_string(&file).expect("the export file")).expect("a valid export");
    let exported: BTreeMap<String, ItemDocument> = exported
        .into_iter()
        .map(|item| (item.document.slug.clone().expect("an exported item has its slug"), item.document))
        .collect();
    assert_eq!(exported, documents);
}

#[tokio::test]
async fn a_markdown_export_holds_every_document_exactly_one_file_per_item() {
    let (app, documents) = node_with_content().await;
    let dir = app.folder().join("export");

    export(&app, "markdown", &dir).await;

    let files = markdown_files(&dir);
    let names: Vec<String> =
        files.iter().map(|f| f.file_name().expect("a name").to_string_lossy().into_owned()).collect();
    let expected_names: Vec<String> = documents.keys().map(|slug| format!("{slug}.md")).collect();
    assert_eq!(names, expected_names);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("an exported file");
        let doc = parse_markdown_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let slug = doc.slug.clone().expect("an exported item has its slug");
        assert_eq!(doc, documents[&slug], "{}", file.display());
    }
}

#[tokio::test]
async fn a_json_export_imported_on_an_empty_node_reproduces_every_document() {
    // Arrange
    let (origin, documents) = node_with_content().await;
    let file = origin.folder().join("export.json");
    export(&origin, "json", &file).await;
    let empty = TestNode::spawn().await;

    // Act
    import(&empty, &[&file]).await;

    // Assert
    assert_eq!(documents_of(&empty).await, documents);
    let counts = empty.row_counts().await;
    assert_eq!((counts.items, counts.item_revisions), (4, 4));
}

#[tokio::test]
async fn a_markdown_export_imported_on_an_empty_node_reproduces_every_document() {
    let (origin, documents) = node_with_content().await;
    let dir = origin.folder().join("export");
    export(&origin, "markdown", &dir).await;
    let files = markdown_files(&dir);
    let empty = TestNode::spawn().await;

    import(&empty, &files.iter().map(|f| f.as_path()).collect::<Vec<_>>()).await;

    assert_eq!(documents_of(&empty).await, documents);
    let imported = empty.get_ok("dynamo-ariege").await;
    assert_eq!(
        imported.meta["id"],
        format!("{}/items/dynamo-ariege", empty.base).as_str(),
        "the importing node is the new origin"
    );
}

#[tokio::test]
async fn importing_an_export_again_keeps_every_item_unchanged() {
    // Arrange
    let (app, documents) = node_with_content().await;
    let json = app.folder().join("export.json");
    let markdown = app.folder().join("export");
    export(&app, "json", &json).await;
    export(&app, "markdown", &markdown).await;
    let before = app.row_counts().await;

    // Act
    import(&app, &[&json]).await;
    import(&app, &markdown_files(&markdown).iter().map(|f| f.as_path()).collect::<Vec<_>>()).await;

    // Assert
    assert_eq!(app.row_counts().await, before);
    for slug in documents.keys() {
        assert_eq!(app.get_ok(slug).await.revision(), 1, "{slug}");
    }
    assert_eq!(documents_of(&app).await, documents);
}

#[tokio::test]
async fn importing_a_changed_file_updates_the_item_with_a_new_revision() {
    let (app, _) = node_with_content().await;
    let file = app.folder().join("dynamo.json");
    let mut changed = dynamo_project_sheet();
    changed.project_sheet.as_mut().expect("sheet").status = Some("realise".into());
    std::fs::write(&file, serde_json::to_string_pretty(&changed).expect("serializable")).expect("written");

    import(&app, &[&file]).await;

    let item = app.get_ok("dynamo-ariege").await;
    assert_eq!(item.revision(), 2);
    assert_eq!(item.document, changed);
    let revisions: Vec<serde_json::Value> = app.revisions("dynamo-ariege").await.json().await.expect("JSON");
    assert_eq!(revisions[0]["editor"], "cli:import", "the newest revision comes first");
}

#[tokio::test]
async fn an_import_reports_how_many_items_it_created_updated_and_left_unchanged() {
    let (app, _) = node_with_content().await;
    let json = app.folder().join("export.json");
    export(&app, "json", &json).await;

    let output = app.run_cli(&["import", json.to_str().expect("UTF-8 path")]).await;

    assert!(output.status.success(), "{}", stderr_of(&output));
    let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), stderr_of(&output));
    assert!(said.contains("0 créée(s), 0 mise(s) à jour, 4 inchangée(s)"), "stdout+stderr: {said:?}");
}

#[tokio::test]
async fn the_demo_items_survive_a_markdown_export_and_an_import_on_an_empty_node() {
    let origin = TestNode::spawn().await;
    for document in crate::federation::seed_items::demo_items() {
        origin.create_ok(&document).await;
    }
    let documents = documents_of(&origin).await;
    assert_eq!(documents.len(), 11);
    let dir = origin.folder().join("export");
    export(&origin, "markdown", &dir).await;
    let empty = TestNode::spawn().await;

    import(&empty, &markdown_files(&dir).iter().map(|f| f.as_path()).collect::<Vec<_>>()).await;

    assert_eq!(documents_of(&empty).await, documents);
}

#[tokio::test]
async fn withheld_contact_details_stay_in_the_node_s_own_export() {
    // The export is the node's backup and migration path: it keeps what editors see.
    let mut sheet = dynamo_project_sheet();
    sheet.contacts[0].public = false;
    let (app, _) = node_with_content().await;
    app.put_item("dynamo-ariege", &sheet).await;
    let file = app.folder().join("export.json");

    export(&app, "json", &file).await;

    let text = std::fs::read_to_string(&file).expect("the export file");
    assert!(text.contains("alimentation@petr-ariege.example.org"), "the e-mail is kept");
    let empty = TestNode::spawn().await;
    import(&empty, &[&file]).await;
    assert_eq!(empty.get_ok("dynamo-ariege").await.document.contacts, sheet.contacts);
}
