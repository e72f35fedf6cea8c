//! Creating and reading items through the JSON API: what goes in comes back out.

use crate::fixtures::{draft, dynamo_project_sheet, tav_marseille_experience, useful_effects_method};
use crate::harness::{ApiErrorBody, Served, TestNode};
use chrono::{Duration, Utc};
use maillage::content::Lifecycle;
use reqwest::StatusCode;

#[tokio::test]
async fn a_project_sheet_with_every_field_comes_back_identical_through_the_api() {
    // Arrange
    let app = TestNode::spawn().await;
    let sheet = dynamo_project_sheet();

    // Act
    let response = app.create_item(&sheet).await;

    // Assert
    assert_eq!(response.headers().get("location").and_then(|v| v.to_str().ok()), Some("/api/v1/items/dynamo-ariege"));
    let created = Served::expect(response, StatusCode::CREATED).await;
    assert_eq!(created.document, sheet);
    let read_with_token = app.get_ok("dynamo-ariege").await;
    assert_eq!(read_with_token.document, sheet);
    let read_by_the_public = Served::expect(app.public().get_item("dynamo-ariege").await, StatusCode::OK).await;
    assert_eq!(read_by_the_public.document, sheet);
}

#[tokio::test]
async fn a_good_practice_and_an_experience_come_back_identical_through_the_api() {
    let app = TestNode::spawn().await;

    for doc in [useful_effects_method(), tav_marseille_experience()] {
        let created = app.create_ok(&doc).await;

        let mut expected = doc.clone();
        // The node stamps the first publication when the document has none.
        expected.published = expected.published.or(created.document.published);
        assert_eq!(created.document, expected);
        assert_eq!(app.get_ok(created.slug()).await.document, expected);
    }
}

#[tokio::test]
async fn a_first_publication_is_stamped_and_a_given_one_is_kept() {
    let app = TestNode::spawn().await;
    let before = Utc::now() - Duration::seconds(1);

    let stamped = app.create_ok(&useful_effects_method()).await;
    let kept = app.create_ok(&dynamo_project_sheet()).await;
    let unpublished = app.create_ok(&draft("idee", "Une idée")).await;

    let at = stamped.document.published.expect("a publication date was stamped");
    assert!(at >= before && at <= Utc::now(), "{at}");
    assert_eq!(kept.document.published, dynamo_project_sheet().published);
    assert_eq!(unpublished.document.published, None);
}

#[tokio::test]
async fn a_served_item_carries_its_uri_url_revision_and_dates_in_meta() {
    let app = TestNode::spawn().await;

    let created = app.create_ok(&dynamo_project_sheet()).await;

    let uri = format!("{}/items/dynamo-ariege", app.base);
    assert_eq!(created.meta["id"], uri.as_str());
    assert_eq!(created.meta["url"], uri.as_str());
    assert_eq!(created.meta["local"], true);
    assert_eq!(created.revision(), 1);
    assert_eq!(created.meta["created"], created.meta["updated"]);
    assert_eq!(created.meta["review_overdue"], false);
}

#[tokio::test]
async fn an_item_whose_review_date_has_passed_is_flagged_as_overdue() {
    let app = TestNode::spawn().await;
    let mut sheet = dynamo_project_sheet();
    sheet.last_reviewed = Some(Utc::now().date_naive() - Duration::days(400));
    sheet.review_due = Some(Utc::now().date_naive() - Duration::days(1));

    let created = app.create_ok(&sheet).await;

    assert_eq!(created.meta["review_overdue"], true);
}

#[tokio::test]
async fn an_item_without_a_slug_gets_one_from_its_title_and_a_number_when_taken() {
    let app = TestNode::spawn().await;
    let mut doc = useful_effects_method();
    doc.slug = None;
    doc.title = "Écologie à Aix : le port !".into();

    let first = app.create_ok(&doc).await;
    let second = app.create_ok(&doc).await;

    assert_eq!(first.slug(), "ecologie-a-aix-le-port");
    assert_eq!(second.slug(), "ecologie-a-aix-le-port-2");
}

#[tokio::test]
async fn a_slug_already_taken_is_refused_and_nothing_is_stored() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let before = app.row_counts().await;

    let error = ApiErrorBody::from(app.create_item(&dynamo_project_sheet()).await).await;

    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.sorted_fields(), vec![("slug", "slug_taken")]);
    assert_eq!(app.row_counts().await, before);
}

#[tokio::test]
async fn a_draft_is_visible_with_the_token_only() {
    let app = TestNode::spawn().await;
    app.create_ok(&draft("brouillon", "Un brouillon")).await;

    let with_token = app.get_ok("brouillon").await;
    let public = ApiErrorBody::from(app.public().get_item("brouillon").await).await;

    assert_eq!(with_token.document.lifecycle, Lifecycle::Draft);
    assert_eq!((public.status, public.code.as_str()), (StatusCode::NOT_FOUND, "not_found"));
}

#[tokio::test]
async fn an_unknown_item_is_not_found() {
    let app = TestNode::spawn().await;

    let error = ApiErrorBody::from(app.get_item("nulle-part").await).await;

    assert_eq!((error.status, error.code.as_str()), (StatusCode::NOT_FOUND, "not_found"));
}

#[tokio::test]
async fn the_vocabularies_are_served_so_that_a_code_can_be_resolved() {
    let app = TestNode::spawn().await;

    let response = app.public().vocabulary("pillar").await;

    assert_eq!(response.status(), StatusCode::OK);
    let pillar: serde_json::Value = response.json().await.expect("JSON");
    let terms = pillar["terms"].as_array().expect("terms");
    assert_eq!(terms.len(), 7);
    assert!(terms.iter().any(|t| t["code"] == "recyclage" && t["label"] == "Recyclage"), "{pillar}");
    assert_eq!(app.public().vocabulary("nope").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn items_created_at_the_same_time_with_the_same_title_all_get_their_own_slug() {
    let app = TestNode::spawn().await;
    let mut doc = useful_effects_method();
    doc.slug = None;

    let responses = futures_util::future::join_all((0..6).map(|_| app.create_item(&doc))).await;

    let mut slugs = Vec::new();
    for response in responses {
        slugs.push(Served::expect(response, StatusCode::CREATED).await.slug().to_owned());
    }
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), 6, "{slugs:?}");
    assert_eq!(app.row_counts().await.items, 6);
}

#[tokio::test]
async fn items_created_at_the_same_time_are_all_stored() {
    let app = TestNode::spawn().await;
    let docs: Vec<_> = (0..6)
        .map(|n| {
            let mut doc = useful_effects_method();
            doc.slug = Some(format!("methode-{n}"));
            doc
        })
        .collect();

    let responses = futures_util::future::join_all(docs.iter().map(|doc| app.create_item(doc))).await;

    for response in responses {
        Served::expect(response, StatusCode::CREATED).await;
    }
    assert_eq!(app.row_counts().await.items, 6);
}
