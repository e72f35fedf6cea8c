//! Listing items: filters by facet, lifecycle and date, and pagination.

use crate::fixtures::{draft, dynamo_project_sheet, practice, tav_marseille_experience, useful_effects_method};
use crate::harness::{next_millisecond, ApiErrorBody, Served, TestNode};
use chrono::{Duration, SecondsFormat, Utc};
use maillage::storage::timestamp;
use reqwest::StatusCode;

const DYNAMO: &str = "dynamo-ariege";
const METHOD: &str = "methode-effets-utiles";
const TAV: &str = "tav-marseille-effets-utiles";

/// The three rich items (Ariège, Marseille, Marseille quartiers nord) and a draft.
async fn node_with_three_kinds_and_a_draft() -> TestNode {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    app.create_ok(&useful_effects_method()).await;
    app.create_ok(&tav_marseille_experience()).await;
    app.create_ok(&draft("brouillon-legumerie", "Une légumerie en projet")).await;
    app
}

#[tokio::test]
async fn items_are_filtered_by_kind() {
    let app = node_with_three_kinds_and_a_draft().await;

    assert_eq!(app.public().list_ok(&[("kind", "project_sheet")]).await.sorted_slugs(), vec![DYNAMO]);
    assert_eq!(app.public().list_ok(&[("kind", "good_practice")]).await.sorted_slugs(), vec![METHOD]);
    assert_eq!(app.public().list_ok(&[("kind", "experience")]).await.sorted_slugs(), vec![TAV]);
}

#[tokio::test]
async fn items_are_filtered_by_territory_name() {
    let app = node_with_three_kinds_and_a_draft().await;

    assert_eq!(app.public().list_ok(&[("territory", "Ariège")]).await.sorted_slugs(), vec![DYNAMO]);
    assert_eq!(app.public().list_ok(&[("territory", "Marseille")]).await.sorted_slugs(), vec![METHOD]);
    assert_eq!(app.public().list_ok(&[("territory", "Lyon")]).await.total, 0);
}

#[tokio::test]
async fn items_are_filtered_by_pillar_domain_and_resource() {
    let app = node_with_three_kinds_and_a_draft().await;
    let public = app.public();

    assert_eq!(public.list_ok(&[("pillar", "consommation_responsable")]).await.sorted_slugs(), vec![DYNAMO, TAV]);
    assert_eq!(public.list_ok(&[("pillar", "economie_fonctionnalite")]).await.sorted_slugs(), vec![METHOD]);
    assert_eq!(public.list_ok(&[("pillar", "recyclage")]).await.total, 0);
    assert_eq!(public.list_ok(&[("domain", "alimentation")]).await.sorted_slugs(), vec![DYNAMO, METHOD, TAV]);
    assert_eq!(public.list_ok(&[("domain", "commerce")]).await.sorted_slugs(), vec![TAV]);
    assert_eq!(public.list_ok(&[("resource", "confiance")]).await.sorted_slugs(), vec![DYNAMO, TAV]);
    assert_eq!(public.list_ok(&[("resource", "cooperation")]).await.sorted_slugs(), vec![METHOD]);
}

#[tokio::test]
async fn filters_combine() {
    let app = node_with_three_kinds_and_a_draft().await;

    let listing = app
        .public()
        .list_ok(&[("pillar", "consommation_responsable"), ("kind", "experience"), ("resource", "competences")])
        .await;

    assert_eq!(listing.sorted_slugs(), vec![TAV]);
    assert_eq!(listing.total, 1);
}

#[tokio::test]
async fn a_filter_follows_an_update_of_the_item() {
    let app = node_with_three_kinds_and_a_draft().await;

    Served::expect(app.patch_item(METHOD, &serde_json::json!({"pillars": ["recyclage"]})).await, StatusCode::OK).await;

    assert_eq!(app.public().list_ok(&[("pillar", "recyclage")]).await.sorted_slugs(), vec![METHOD]);
    assert_eq!(app.public().list_ok(&[("pillar", "economie_fonctionnalite")]).await.total, 0);
}

#[tokio::test]
async fn drafts_are_listed_only_with_the_token() {
    let app = node_with_three_kinds_and_a_draft().await;

    let public_list = app.public().list_ok(&[]).await;
    let private_list = app.list_ok(&[]).await;
    let drafts_with_token = app.list_ok(&[("lifecycle", "draft")]).await;
    let drafts_without_token = app.public().list_ok(&[("lifecycle", "draft")]).await;
    let published = app.public().list_ok(&[("lifecycle", "published")]).await;

    assert_eq!(public_list.sorted_slugs(), vec![DYNAMO, METHOD, TAV]);
    assert_eq!(private_list.sorted_slugs(), vec!["brouillon-legumerie", DYNAMO, METHOD, TAV]);
    assert_eq!(drafts_with_token.sorted_slugs(), vec!["brouillon-legumerie"]);
    assert_eq!((drafts_without_token.total, drafts_without_token.items.len()), (0, 0));
    assert_eq!(published.total, 3);
}

#[tokio::test]
async fn items_are_filtered_by_update_date() {
    let app = node_with_three_kinds_and_a_draft().await;
    let today = Utc::now().date_naive();
    let (yesterday, tomorrow) = ((today - Duration::days(1)).to_string(), (today + Duration::days(1)).to_string());
    let today = today.to_string();

    assert_eq!(app.public().list_ok(&[("updated_from", &today)]).await.total, 3);
    assert_eq!(app.public().list_ok(&[("updated_to", &today)]).await.total, 3, "a bare date includes the whole day");
    assert_eq!(app.public().list_ok(&[("updated_from", &yesterday), ("updated_to", &today)]).await.total, 3);
    assert_eq!(app.public().list_ok(&[("updated_from", &tomorrow)]).await.total, 0);
    assert_eq!(app.public().list_ok(&[("updated_to", &yesterday)]).await.total, 0);
}

#[tokio::test]
async fn update_date_bounds_in_the_nodes_timestamp_format_are_inclusive() {
    let app = TestNode::spawn().await;
    let first = app.create_ok(&practice("premiere", "Première", "Texte.")).await;
    next_millisecond().await;
    let second = app.create_ok(&practice("seconde", "Seconde", "Texte.")).await;
    assert!(second.updated() > first.updated());

    let from_second = app.public().list_ok(&[("updated_from", &timestamp(second.updated()))]).await;
    let to_first = app.public().list_ok(&[("updated_to", &timestamp(first.updated()))]).await;

    assert_eq!(from_second.slugs(), vec!["seconde"]);
    assert_eq!(to_first.slugs(), vec!["premiere"]);
}

#[tokio::test]
async fn an_update_date_bound_in_another_precision_includes_the_items_of_that_instant() {
    let app = TestNode::spawn().await;
    let item = app.create_ok(&practice("seule", "Seule", "Texte.")).await;
    let whole_second = item.updated().to_rfc3339_opts(SecondsFormat::Secs, true);
    let microseconds = item.updated().to_rfc3339_opts(SecondsFormat::Micros, true);

    let from_whole_second = app.public().list_ok(&[("updated_from", &whole_second)]).await;
    let to_microseconds = app.public().list_ok(&[("updated_to", &microseconds)]).await;

    let updated = &item.meta["updated"];
    assert_eq!(from_whole_second.slugs(), vec!["seule"], "updated_from={whole_second}, item updated at {updated}");
    assert_eq!(to_microseconds.slugs(), vec!["seule"], "updated_to={microseconds}, item updated at {updated}");
}

#[tokio::test]
async fn a_list_is_paginated_with_a_total_and_a_link_to_the_next_page() {
    // Arrange: five published practices, listed newest first.
    let app = TestNode::spawn().await;
    for n in 1..=5 {
        app.create_ok(&practice(&format!("pratique-{n}"), &format!("Pratique {n}"), "Texte.")).await;
    }
    let public = app.public();

    // Act
    let page_1 = public.list_ok(&[("kind", "good_practice"), ("per_page", "2")]).await;
    let next = page_1.next.clone().expect("a second page");
    let page_2 = crate::harness::Listing::expect(public.get_path(&next).await).await;
    let page_3 = public.list_ok(&[("kind", "good_practice"), ("per_page", "2"), ("page", "3")]).await;

    // Assert
    assert_eq!(page_1.slugs(), vec!["pratique-5", "pratique-4"]);
    assert_eq!((page_1.total, page_1.page, page_1.per_page, page_1.pages), (5, 1, 2, 3));
    assert_eq!(next, "/api/v1/items?kind=good_practice&per_page=2&page=2");
    assert_eq!(page_2.slugs(), vec!["pratique-3", "pratique-2"]);
    assert_eq!(page_2.next.as_deref(), Some("/api/v1/items?kind=good_practice&per_page=2&page=3"));
    assert_eq!(page_3.slugs(), vec!["pratique-1"]);
    assert_eq!(page_3.next, None);
}

#[tokio::test]
async fn a_page_past_the_end_is_empty_but_keeps_the_total() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("pratique", "Pratique", "Texte.")).await;

    let listing = app.public().list_ok(&[("page", "9")]).await;

    assert_eq!((listing.items.len(), listing.total, listing.page, listing.next.as_deref()), (0, 1, 9, None));
}

#[tokio::test]
async fn the_page_size_is_bounded() {
    let app = TestNode::spawn().await;
    app.create_ok(&practice("pratique", "Pratique", "Texte.")).await;

    assert_eq!(app.public().list_ok(&[("per_page", "1000")]).await.per_page, 100);
    assert_eq!(app.public().list_ok(&[]).await.per_page, 20);
    assert_eq!(app.public().list_ok(&[("per_page", "0")]).await.per_page, 1);
}

#[tokio::test]
async fn a_filter_with_an_unknown_value_or_name_is_refused() {
    let app = TestNode::spawn().await;
    let public = app.public();

    let kind = ApiErrorBody::from(public.list_items(&[("kind", "fiche")]).await).await;
    let lifecycle = ApiErrorBody::from(public.list_items(&[("lifecycle", "publie")]).await).await;
    let date = ApiErrorBody::from(public.list_items(&[("updated_from", "hier")]).await).await;
    let page = ApiErrorBody::from(public.list_items(&[("page", "deux")]).await).await;
    let unknown = ApiErrorBody::from(public.list_items(&[("pilier", "recyclage")]).await).await;

    assert_eq!(kind.sorted_fields(), vec![("kind", "unknown_code")]);
    assert_eq!(lifecycle.sorted_fields(), vec![("lifecycle", "unknown_code")]);
    assert_eq!(date.sorted_fields(), vec![("updated_from", "invalid_date")]);
    for error in [&kind, &lifecycle, &date] {
        assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    for error in [&page, &unknown] {
        assert_eq!((error.status, error.code.as_str()), (StatusCode::BAD_REQUEST, "invalid_query"));
    }
}
