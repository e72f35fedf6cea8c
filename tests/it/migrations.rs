//! Upgrading a database written by an older node: the migrations of issue 13 and 14 keep
//! every item readable (its document now held once, in its current revision, and stored
//! packed) and give each index row its facet values.

use maillage::storage;
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::SqlitePool;
use std::str::FromStr;

/// The last migration before the document was held once.
const BEFORE_DOCUMENT_ONCE: i64 = 20261204000200;

async fn database_at(path: &std::path::Path, version: i64) -> SqlitePool {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))
        .expect("options")
        .create_if_missing(true);
    let pool = SqlitePool::connect_with(options).await.expect("a database");
    let mut migrator: Migrator = sqlx::migrate!("./migrations");
    migrator.migrations = migrator.migrations.iter().filter(|m| m.version <= version).cloned().collect();
    migrator.run(&pool).await.expect("the older migrations");
    pool
}

/// A published item row in Foix, at revision 2, as an older node wrote it.
async fn published_item_at_revision_2(pool: &SqlitePool, id: i64, kind: &str) {
    sqlx::query(
        "INSERT INTO items (id, uri, slug, kind, lifecycle, title, summary, territory, language, revision,
                            created_at, updated_at)
         VALUES (?, 'http://n.example/items/' || ?, 'item-' || ?, ?, 'published', 'Titre', 'Résumé', 'Foix', 'fr', 2,
                 '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')",
    )
    .bind(id)
    .bind(id)
    .bind(id)
    .bind(kind)
    .execute(pool)
    .await
    .expect("an item");
}

#[tokio::test]
async fn an_item_of_an_older_database_keeps_its_document_and_gets_its_facets() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("old.db");
    let old = database_at(&path, BEFORE_DOCUMENT_ONCE).await;
    published_item_at_revision_2(&old, 7, "experience").await;
    // Revision 2 was never written as a revision row: only item_contents held it.
    sqlx::query(
        "INSERT INTO item_contents (item_id, document, body_html) VALUES (7, '{\"current\":true}', '<p>x</p>')",
    )
    .execute(&old)
    .await
    .expect("its contents");
    sqlx::query(
        "INSERT INTO item_revisions (item_id, revision, lifecycle, document, edited_at, editor)
         VALUES (7, 1, 'draft', '{\"first\":true}', '2026-01-01T00:00:00.000Z', 'camille')",
    )
    .execute(&old)
    .await
    .expect("its first revision");
    sqlx::query(
        "INSERT INTO item_terms (item_id, vocabulary, code) VALUES (7, 'pillar', 'recyclage'), (7, 'food_theme', 'x')",
    )
    .execute(&old)
    .await
    .expect("its terms");
    sqlx::query("INSERT INTO search_docs (item_id, doc_id, revision, analyzer) VALUES (7, 99, 2, 2)")
        .execute(&old)
        .await
        .expect("its index row");
    old.close().await;

    let pool = storage::connect(&path).await.expect("the migrated database");
    let item = storage::items::find_item_by_id(&pool, 7).await.expect("a read").expect("the item");
    assert_eq!(item.document, "{\"current\":true}", "the current document moved to its revision row");
    assert_eq!(item.body_html, "<p>x</p>");
    let revisions = storage::item_revisions::list_revisions(&pool, 7).await.expect("revisions");
    let documents: Vec<(i64, &str)> = revisions.iter().map(|r| (r.revision, r.document.as_str())).collect();
    assert_eq!(documents, vec![(2, "{\"current\":true}"), (1, "{\"first\":true}")]);
    let facets: String =
        sqlx::query_scalar("SELECT facets FROM search_docs WHERE doc_id = 99").fetch_one(&pool).await.expect("facets");
    assert_eq!(facets, "kind=experience\u{1f}territory=Foix\u{1f}pillar=recyclage");
}

/// The last migration before documents and bodies were stored packed.
const BEFORE_PACKING: i64 = 20261204000600;

#[tokio::test]
async fn texts_stored_plain_by_an_older_node_read_the_same_and_are_packed() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("old.db");
    let old = database_at(&path, BEFORE_PACKING).await;
    published_item_at_revision_2(&old, 3, "good_practice").await;
    sqlx::query("INSERT INTO item_contents (item_id, body_html) VALUES (3, '<p>Compost partagé</p>')")
        .execute(&old)
        .await
        .expect("its body");
    sqlx::query(
        "INSERT INTO item_revisions (item_id, revision, lifecycle, document, edited_at, editor)
         VALUES (3, 1, 'draft', '{\"v\":1}', '2026-01-01T00:00:00.000Z', 'camille'),
                (3, 2, 'published', '{\"v\":\"é\"}', '2026-01-02T00:00:00.000Z', 'camille')",
    )
    .execute(&old)
    .await
    .expect("its revisions");
    old.close().await;

    let pool = storage::connect(&path).await.expect("the migrated database");
    let read = |pool: SqlitePool| async move {
        let item = storage::items::find_item_by_id(&pool, 3).await.expect("a read").expect("the item");
        let revisions = storage::item_revisions::list_revisions(&pool, 3).await.expect("revisions");
        (item.document, item.body_html, revisions.into_iter().map(|r| r.document).collect::<Vec<_>>())
    };
    let expected = (
        "{\"v\":\"é\"}".to_owned(),
        "<p>Compost partagé</p>".to_owned(),
        vec!["{\"v\":\"é\"}".into(), "{\"v\":1}".into()],
    );
    assert_eq!(read(pool.clone()).await, expected, "plain rows read as they are");

    assert_eq!(
        storage::item_revisions::pack_plain_texts(&pool, 1).await.expect("a batch"),
        2,
        "one revision and one body"
    );
    assert_eq!(storage::item_revisions::pack_plain_texts(&pool, 1).await.expect("a batch"), 1, "the last revision");
    assert_eq!(storage::item_revisions::pack_plain_texts(&pool, 1).await.expect("a batch"), 0, "nothing left");
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT typeof(document) FROM item_revisions UNION ALL SELECT typeof(body_html) FROM item_contents",
    )
    .fetch_all(&pool)
    .await
    .expect("storage classes");
    assert_eq!(kinds, vec!["blob", "blob", "blob"]);
    assert_eq!(read(pool.clone()).await, expected, "packed rows read the same");
}
