//! Full-text search (`q`): accents folded, best match first, combined with facets.

use crate::fixtures::{draft, dynamo_project_sheet, practice};
use crate::helpers::spawn_app;
use maillage::content::ItemDocument;

#[tokio::test]
async fn a_search_without_accents_finds_a_title_with_accents() {
    let app = spawn_app().await;
    app.create_ok(&practice("ecologie-port", "Écologie industrielle au port de Foix", "Des flux mutualisés.")).await;
    app.create_ok(&practice("jardins", "Jardins partagés", "Des potagers.")).await;

    for query in ["ecologie", "ECOLOGIE", "écologie", "Écologie"] {
        let listing = app.public().list_ok(&[("q", query)]).await;
        assert_eq!(listing.slugs(), vec!["ecologie-port"], "{query}");
    }
}

#[tokio::test]
async fn the_last_word_of_a_search_is_a_prefix() {
    let app = spawn_app().await;
    app.create_ok(&practice("compostage", "Le compostage partagé", "En pied d'immeuble.")).await;

    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.slugs(), vec!["compostage"]);
    assert_eq!(app.public().list_ok(&[("q", "partage compost")]).await.slugs(), vec!["compostage"]);
    assert_eq!(app.public().list_ok(&[("q", "compost partagé immeubles")]).await.total, 0, "every word must appear");
}

#[tokio::test]
async fn a_title_match_ranks_above_a_body_only_match() {
    // Arrange: the title match is the older item, so recency alone would put it second.
    let app = spawn_app().await;
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
    let app = spawn_app().await;
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
    let app = spawn_app().await;
    app.create_ok(&dynamo_project_sheet()).await;
    app.create_ok(&practice("autre", "Autre chose", "Texte.")).await;

    for query in ["Chambre d'agriculture", "Occitanie", "circuits courts", "SYAM"] {
        assert_eq!(app.public().list_ok(&[("q", query)]).await.slugs(), vec!["dynamo-ariege"], "{query}");
    }
}

#[tokio::test]
async fn a_search_ignores_drafts_and_neutralises_operators() {
    let app = spawn_app().await;
    app.create_ok(&draft("compost-brouillon", "Compost en brouillon")).await;
    app.create_ok(&practice("compost", "Compost publié", "Texte.")).await;

    assert_eq!(app.public().list_ok(&[("q", "compost")]).await.slugs(), vec!["compost"]);
    assert_eq!(app.public().list_ok(&[("q", "compost OR \"")]).await.total, 0, "OR is a word, not an operator");
    assert_eq!(app.public().list_ok(&[("q", " -- ; ")]).await.total, 0, "punctuation alone matches nothing");
}

#[tokio::test]
async fn a_search_follows_an_update_of_the_item() {
    let app = spawn_app().await;
    app.create_ok(&practice("pratique", "Le compostage partagé", "Texte.")).await;

    let patch = serde_json::json!({"title": "La ressourcerie de quartier"});
    assert_eq!(app.patch_item("pratique", &patch).await.status(), reqwest::StatusCode::OK);

    assert_eq!(app.public().list_ok(&[("q", "compostage")]).await.total, 0);
    assert_eq!(app.public().list_ok(&[("q", "ressourcerie")]).await.slugs(), vec!["pratique"]);
}
