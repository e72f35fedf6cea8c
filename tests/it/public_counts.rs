//! The counts kept on write (`public_counts`) and the in-memory facet sets always equal a
//! count of the items: after publishing, editing, withdrawing and archiving.

use crate::fixtures::{dynamo_project_sheet, practice, tav_marseille_experience, useful_effects_method};
use crate::harness::TestNode;
use maillage::content::Lifecycle;
use maillage::storage::facet_sets::FacetIndex;
use maillage::storage::search::{all_facet_counts, search_items, ItemQuery};
use sqlx::SqlitePool;

type Counts = Vec<(String, String, String, i64)>;

async fn maintained(pool: &SqlitePool) -> Counts {
    sqlx::query_as("SELECT origin, facet, value, n FROM public_counts WHERE n <> 0 ORDER BY 1, 2, 3")
        .fetch_all(pool)
        .await
        .expect("maintained counts")
}

async fn counted(pool: &SqlitePool) -> Counts {
    sqlx::query_as(
        "WITH p AS (SELECT * FROM items WHERE lifecycle IN ('published', 'archived'))
         SELECT COALESCE(origin, '') AS o, 'all' AS f, '' AS v, COUNT(*) FROM p GROUP BY o
         UNION ALL SELECT COALESCE(origin, ''), 'kind', kind, COUNT(*) FROM p GROUP BY 1, 3
         UNION ALL SELECT COALESCE(origin, ''), 'territory', territory, COUNT(*) FROM p GROUP BY 1, 3
         UNION ALL SELECT COALESCE(p.origin, ''), t.vocabulary, t.code, COUNT(*) FROM p JOIN item_terms t ON t.item_id = p.id
                   GROUP BY 1, 2, 3
         ORDER BY 1, 2, 3",
    )
    .fetch_all(pool)
    .await
    .expect("live counts")
}

#[tokio::test]
async fn the_counts_kept_on_write_equal_a_count_of_the_items_after_every_kind_of_change() {
    let app = TestNode::spawn().await;
    let pool = &app.node.pool;
    assert_eq!(maintained(pool).await, counted(pool).await, "empty node");

    for doc in [dynamo_project_sheet(), useful_effects_method(), tav_marseille_experience()] {
        app.create_ok(&doc).await;
    }
    let mut draft = practice("brouillon", "Un brouillon", "Texte.");
    draft.lifecycle = Lifecycle::Draft;
    app.create_ok(&draft).await;
    assert_eq!(maintained(pool).await, counted(pool).await, "after publishing");
    assert!(maintained(pool).await.iter().any(|(_, f, v, n)| f == "all" && v.is_empty() && *n == 3));

    // Edit: another territory and other pillars; publish the draft; archive; withdraw.
    let mut dynamo = dynamo_project_sheet();
    dynamo.territory.name = "Couserans".into();
    dynamo.pillars = vec!["recyclage".into()];
    app.put_item("dynamo-ariege", &dynamo).await;
    let mut published = draft.clone();
    published.lifecycle = Lifecycle::Published;
    app.put_item("brouillon", &published).await;
    let mut archived = useful_effects_method();
    archived.lifecycle = Lifecycle::Archived;
    app.put_item("methode-effets-utiles", &archived).await;
    app.retract_item("tav-marseille-effets-utiles").await;

    assert_eq!(maintained(pool).await, counted(pool).await, "after edits");
    let all: Vec<_> = maintained(pool).await.into_iter().filter(|(_, f, _, _)| f == "all").collect();
    assert_eq!(all, vec![(String::new(), "all".to_owned(), String::new(), 3)]);

    // No operation deletes an item, but the counts survive a row deleted by hand.
    sqlx::query("DELETE FROM items WHERE slug = 'dynamo-ariege'").execute(pool).await.expect("a delete");
    assert_eq!(maintained(pool).await, counted(pool).await, "after a delete");
}

/// The same query listed and counted through `sets` and in SQL (sets that never load).
async fn through_sets_and_in_sql(pool: &SqlitePool, sets: &FacetIndex, query: &ItemQuery) {
    let in_sql = FacetIndex::default();
    let page = |page: maillage::storage::search::Page| (page.total, page.rows.iter().map(|r| r.id).collect::<Vec<_>>());
    let pages = (
        page(search_items(pool, sets, query).await.expect("a list")),
        page(search_items(pool, &in_sql, query).await.expect("a list")),
    );
    assert_eq!(pages.0, pages.1, "total and page of {query:?}");
    let facets = (
        all_facet_counts(pool, sets, query).await.expect("facets"),
        all_facet_counts(pool, &in_sql, query).await.expect("facets"),
    );
    assert_eq!(facets.0, facets.1, "facets of {query:?}");
}

#[tokio::test]
async fn the_facet_sets_count_filtered_lists_as_sql_does_after_every_kind_of_change() {
    let app = TestNode::spawn().await;
    let pool = &app.node.pool;
    let sets = &app.node.facets;
    sets.load(pool).await.expect("the sets load");
    for doc in [dynamo_project_sheet(), useful_effects_method(), tav_marseille_experience()] {
        app.create_ok(&doc).await;
    }
    let mut dynamo = dynamo_project_sheet();
    dynamo.territory.name = "Couserans".into();
    dynamo.pillars = vec!["recyclage".into()];
    app.put_item("dynamo-ariege", &dynamo).await;
    let mut archived = useful_effects_method();
    archived.lifecycle = Lifecycle::Archived;
    app.put_item("methode-effets-utiles", &archived).await;
    app.retract_item("tav-marseille-effets-utiles").await;

    assert_eq!(sets.agrees_with(pool).await.expect("a read"), Some(true), "single values equal public_counts");
    let queries = [
        ItemQuery { kind: Some("project_sheet".into()), pillar: Some("recyclage".into()), ..ItemQuery::default() },
        ItemQuery { territory: Some("Couserans".into()), kind: Some("project_sheet".into()), ..ItemQuery::default() },
        ItemQuery { kind: Some("good_practice".into()), local_only: true, ..ItemQuery::default() },
        ItemQuery { kind: Some("experience".into()), pillar: Some("absent".into()), ..ItemQuery::default() },
        ItemQuery { pillar: Some("recyclage".into()), offset: 1, ..ItemQuery::default() },
    ];
    for query in &queries {
        through_sets_and_in_sql(pool, sets, &ItemQuery { limit: 20, ..query.clone() }).await;
    }
    let two_filters = sets.read(|s| s.total(&[("kind", "project_sheet"), ("pillar", "recyclage")], false)).flatten();
    assert_eq!(two_filters, Some(1), "the sets answered (they are loaded), and the project is in recyclage");
}
