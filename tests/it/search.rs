//! Full-text search (`q`): accents folded, best match first, combined with facets.

use crate::fixtures::{draft, dynamo_project_sheet, practice};
use crate::harness::TestNode;
use maillage::content::ItemDocument;

#[tokio::test]
async fn a_search_without_accents_finds_a_title_with_accents() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("ecologie-port", "Écologie industrielle au port de Foix", "Des flux mutualisés.")).await;
    app.create_ok(&practice("jardins", "Jardins partagés", "Des potagers.")).await;

    for query in ["ecologie", "ECOLOGIE", "écologie", "Écologie"] {
        let listing = app.public().list_ok(&[("q", query)]).await;
        assert_eq!(listing.slugs(), vec!["ecologie-port"], "{query}");
    }
}

#[tokio::test]
async fn the_last_word_of_a_search_is_a_prefix() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compostage", "Le compostage partagé", "En pied d'immeuble.")).await;

    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.slugs(), vec!["compostage"]);
    assert_eq!(app.public().list_ok(&[("q", "partage compost")]).await.slugs(), vec!["compostage"]);
    assert_eq!(app.public().list_ok(&[("q", "compost partagé immeubles")]).await.total, 0, "every word must appear");
}

#[tokio::test]
async fn a_title_match_ranks_above_a_body_only_match() {
    // Arrange: the title match is the older item, so recency alone would put it second.
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compostage", "Le compostage de quartier", "Une démarche de voisinage.")).await;
    app.create_ok(&practice(
        "jardins",
        "Jardins familiaux",
        "Les jardiniers y parlent aussi de compostage, au fond du jardin.",
    ))
    .await;

    // Act
    let listing = app.public().list_ok(&[("q", "compostage")]).await;

    // Assert
    assert_eq!(listing.slugs(), vec!["compostage", "jardins"]);
    assert_eq!(listing.total, 2);
}

#[tokio::test]
async fn a_search_combines_with_a_facet_filter() {
    let app = TestNode::spawn().await;
    let recycling = ItemDocument {
        pillars: vec!["recyclage".into()],
        ..practice("compost-recyclage", "Compost et recyclage des biodéchets", "Texte.")
    };
    app.create_ok(&recycling).await;
    app.create_ok(&practice("compost-seul", "Compost de quartier", "Texte.")).await;
    app.create_ok(&ItemDocument {
        pillars: vec!["recyclage".into()],
        ..practice("ressourcerie", "Une ressourcerie", "Texte.")
    })
    .await;

    let listing = app.public().list_ok(&[("q", "compost"), ("pillar", "recyclage")]).await;

    assert_eq!(listing.slugs(), vec!["compost-recyclage"]);
    assert_eq!(listing.total, 1);
}

#[tokio::test]
async fn a_search_finds_the_words_of_structured_fields() {
    // The carrier, partners, funders and vocabulary labels are searchable, not only the text.
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    app.create_ok(&practice("autre", "Autre chose", "Texte.")).await;

    for query in ["Chambre d'agriculture", "Occitanie", "circuits courts", "SYAM"] {
        assert_eq!(app.public().list_ok(&[("q", query)]).await.slugs(), vec!["dynamo-ariege"], "{query}");
    }
}

#[tokio::test]
async fn a_search_ignores_drafts_and_neutralises_operators() {
    let app = TestNode::spawn().await;
    app.create_ok(&draft("compost-brouillon", "Compost en brouillon")).await;
    app.create_ok(&practice("compost", "Compost publié", "Texte.")).await;

    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.slugs(), vec!["compost"]);
    assert_eq!(app.public().list_ok(&[("q", "compost OR \"")]).await.total, 0, "OR is a word, not an operator");
    assert_eq!(app.public().list_ok(&[("q", " -- ; ")]).await.total, 0, "punctuation alone matches nothing");
}

#[tokio::test]
async fn a_search_follows_an_update_of_the_item() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("pratique", "Le compostage partagé", "Texte.")).await;

    let patch = serde_json::json!({"title": "La ressourcerie de quartier"});
    assert_eq!(app.patch_item("pratique", &patch).await.status(), reqwest::StatusCode::OK);

    assert_eq!(app.public().list_ok(&[("q", "compostage")]).await.total, 0);
    assert_eq!(app.public().list_ok(&[("q", "ressourcerie")]).await.slugs(), vec!["pratique"]);
}

#[tokio::test]
async fn inflections_compounds_and_elisions_find_each_other() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("agro", "Vers l'agroécologie paysanne", "Des pratiques agro-écologiques.")).await;
    app.create_ok(&practice("autre", "Jardins partagés", "Des potagers.")).await;

    for query in ["agro-écologie", "agroecologiques", "l'agroécologie", "paysannes", "pratique agro-écologique"] {
        assert_eq!(app.public().list_ok(&[("q", query)]).await.slugs(), vec!["agro"], "{query}");
    }
    assert_eq!(app.public().list_ok(&[("q", "\"pratiques agro-écologiques\"")]).await.slugs(), vec!["agro"]);
    assert_eq!(app.public().list_ok(&[("q", "\"paysanne agroécologie\"")]).await.total, 0, "a phrase keeps its order");
}

#[tokio::test]
async fn every_structured_field_is_searched_and_named_in_the_snippet() {
    let app = TestNode::spawn().await;
    let mut doc = practice("methode", "Une méthode en étapes", "Texte.");
    if let Some(g) = doc.good_practice.as_mut() {
        g.steps[0].description = Some("Vérifier la réplicabilité de la démarche avec les élus.".into());
    }
    app.create_ok(&doc).await;

    assert_eq!(app.public().list_ok(&[("q", "replicabilite")]).await.slugs(), vec!["methode"]);
    let page = app.public().get_path("/catalogue?q=r%C3%A9plicabilit%C3%A9").await.text().await.expect("a page");
    assert!(page.contains("Étape 1 : Une étape — Vérifier la <mark>réplicabilité</mark> de la démarche"), "{page}");
}

#[tokio::test]
async fn vocabulary_labels_are_found_in_french_and_in_english() {
    let app = TestNode::spawn().await;
    app.create_ok(&ItemDocument {
        pillars: vec!["recyclage".into()],
        ..practice("tri", "Trier au quartier", "Texte.")
    })
    .await;
    app.create_ok(&practice("autre", "Jardins partagés", "Des potagers.")).await;

    for query in ["recyclage", "Recycling"] {
        assert_eq!(app.public().list_ok(&[("q", query)]).await.slugs(), vec!["tri"], "{query}");
    }
}

#[tokio::test]
async fn malformed_queries_get_results_or_a_422_naming_q() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compost", "Compost partagé", "Texte.")).await;

    for query in ["\"compost", "compost\"", "compost* AND (NEAR(x y)) {title}: ^x", "compost -- ' ; DROP TABLE items"] {
        let response = app.public().list_items(&[("q", query)]).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "{query}");
    }
    assert_eq!(app.public().list_ok(&[("q", "\"compost")]).await.slugs(), vec!["compost"]);

    let long = "compost ".repeat(1250);
    for (query, code) in [("le la les de", "query_only_stop_words"), (long.as_str(), "query_too_long")] {
        let error = crate::harness::ApiErrorBody::from(app.public().list_items(&[("q", query)]).await).await;
        assert_eq!(error.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(error.fields, vec![("q".to_owned(), code.to_owned())]);
    }
    for query in ["le la les", "\"", &long] {
        let path =
            format!("/catalogue?q={}", url::form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>());
        assert_eq!(app.public().get_path(&path).await.status(), reqwest::StatusCode::OK, "{query}");
    }
}

#[tokio::test]
async fn an_item_missing_from_the_index_is_reindexed_when_the_node_starts() {
    // Arrange: the index row is lost, as after a crash between a write and its indexing.
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compost", "Compost partagé", "Texte.")).await;
    sqlx::query("DELETE FROM search_index").execute(&app.node.pool).await.expect("index emptied");
    sqlx::query("DELETE FROM search_docs").execute(&app.node.pool).await.expect("bookkeeping emptied");
    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.total, 0);

    // Act: the node starts again on the same database.
    let restarted = maillage::startup::Application::build(
        maillage::settings::Settings::from_figment(crate::harness::anonymous_settings(&app.db)).expect("the settings"),
    )
    .await
    .expect("the node starts");

    // Assert
    let mut found = 0;
    for _ in 0..100 {
        found = app.public().list_ok(&[("q", "compost")]).await.total;
        if found == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(found, 1);
    drop(restarted);
}

#[tokio::test]
async fn reindex_rebuilds_the_index_from_the_items() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compost", "Compost partagé", "Texte.")).await;
    sqlx::query("DELETE FROM search_index").execute(&app.node.pool).await.expect("index emptied");

    let output = app.run_cli(&["reindex"]).await;

    assert!(output.status.success(), "{}", crate::harness::stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 fiche(s) réindexée(s)"));
    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.slugs(), vec!["compost"]);
}

#[tokio::test]
async fn a_feed_is_narrowed_by_a_search_and_refuses_a_malformed_one() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compost", "Compost partagé", "Texte.")).await;
    app.create_ok(&practice("jardins", "Jardins familiaux", "Des potagers.")).await;

    let feed = app.public().get_path("/feeds/atom.xml?q=compostage").await.text().await.expect("a feed");
    assert!(feed.contains("Compost partagé") && !feed.contains("Jardins familiaux"), "{feed}");
    assert!(feed.contains("/feeds/atom.xml?q=compostage"), "the self link keeps the search");

    let refused = app.public().get_path("/feeds/atom.xml?q=le%20la").await;
    assert_eq!(refused.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("a reason").starts_with("paramètre q : "));
}

#[tokio::test]
async fn the_last_word_completes_only_while_it_is_not_a_known_word() {
    // A prefix expands into every indexed term it begins, which is costly for common
    // words: once the word typed is itself a term, its inflections are enough.
    let app = TestNode::spawn().await;
    app.create_ok(&practice("compost", "Le compost", "Texte.")).await;
    app.create_ok(&practice("composteurs", "Les composteurs partagés", "Texte.")).await;

    assert_eq!(app.public().list_ok(&[("q", "compo")]).await.sorted_slugs(), vec!["compost", "composteurs"]);
    assert_eq!(app.public().list_ok(&[("q", "composts")]).await.slugs(), vec!["compost"]);
    assert_eq!(app.public().list_ok(&[("q", "composteur")]).await.slugs(), vec!["composteurs"]);
}
