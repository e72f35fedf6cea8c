//! The counts kept on write (`public_counts`) always equal a count of the items: after
//! publishing, editing, withdrawing and archiving, locally and from replicas.

use crate::fixtures::{dynamo_project_sheet, practice, tav_marseille_experience, useful_effects_method};
use crate::helpers::spawn_app;
use maillage::content::Lifecycle;
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
    let app = spawn_app().await;
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
