//! The demo items (the five seed documents, every fact in a field) between two nodes: a
//! replica holds every structured field its origin published, and the Article still
//! carries, in `maillage`, the first-version shape that older nodes read.

use crate::harness::{follow, run_until_idle, TestNode};
use maillage::content::ItemDocument;
use serde_json::Value;

/// The demo items, as `serve --demo` publishes them.
pub fn demo_items() -> Vec<ItemDocument> {
    maillage::cli::demo::demo_documents().expect("the demo items parse").into_iter().map(|(_, doc)| doc).collect()
}

#[tokio::test]
async fn every_demo_item_replicates_with_every_structured_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = TestNode::start_stepped(dir.path(), "ariege").await;
    let follower = TestNode::start_stepped(dir.path(), "national").await;
    follow(&follower, &origin).await;

    let mut uris = Vec::new();
    for document in demo_items() {
        let created = origin.create(&serde_json::to_value(&document).expect("json")).await;
        uris.push(created["meta"]["id"].as_str().expect("uri").to_owned());
    }
    run_until_idle(&[&origin, &follower]).await;
    for uri in &uris {
        let original = origin.item(uri).await.expect("original");
        let replica = follower.item(uri).await.expect("replica");
        assert_eq!(replica.document, original.document, "{uri}");
    }

    // DYNAMO's funding: a 50 % rate on 3.4 M€ HT of eligible investment, no invented aid amount.
    let dynamo = uris.iter().find(|u| u.ends_with("/items/dynamo-ariege")).expect("the DYNAMO sheet");
    let dynamo = follower.item(dynamo).await.expect("replica").document;
    let sheet = dynamo.project_sheet.expect("a project sheet");
    let investment = sheet.funding.iter().find(|f| f.rate_percent.is_some()).expect("the investment line");
    assert_eq!(investment.rate_percent, Some(50.0));
    assert_eq!(investment.eligible_base_eur, Some(3_400_000.0));
    assert_eq!(investment.tax_basis.as_deref(), Some("ht"));
    assert_eq!(investment.amount_eur, None);
    let levels: Vec<_> = sheet.objectives.iter().filter_map(|o| o.level.as_deref()).collect();
    for level in ["finalite", "supra_objectif", "strategique", "operationnel", "domaine_action"] {
        assert!(levels.contains(&level), "no {level} objective");
    }
    assert_eq!((sheet.hypotheses.len(), sheet.risks.len()), (2, 4));
    assert!(dynamo.recognitions.iter().any(|r| r.valid_until.as_deref() == Some("2029")));
}

/// The keys the first version of the model had, by place in the document.
fn first_version_keys(place: &str) -> &'static [&'static str] {
    match place {
        "" => &[
            "slug",
            "kind",
            "title",
            "summary",
            "body",
            "language",
            "translations",
            "license",
            "authors",
            "territory",
            "pillars",
            "activity_domains",
            "resources",
            "food_themes",
            "target_audiences",
            "tags",
            "documents",
            "inspired_by",
            "lifecycle",
            "published",
            "last_reviewed",
            "review_due",
            "project_sheet",
            "good_practice",
            "experience",
        ],
        "documents" => &["title", "url", "media_type", "license"],
        "project_sheet" => &[
            "carrier",
            "nature",
            "phase",
            "status",
            "location",
            "perimeter",
            "start_date",
            "end_date",
            "partners",
            "consortium",
            "total_cost_eur",
            "funding",
            "objectives",
            "stages",
            "work_packages",
            "human_means",
            "technical_means",
            "practices_used",
            "qualitative_results",
            "key_figures",
            "useful_effects",
            "evaluation_dimensions",
            "events",
        ],
        "project_sheet.partners" => &["name", "role"],
        "project_sheet.events" => &["name", "date", "place"],
        "project_sheet.funding" | "experience.funding" => {
            &["funder", "amount_eur", "funding_type", "status", "programme"]
        }
        "experience" => &[
            "about",
            "period",
            "speaker",
            "context",
            "results",
            "difficulties",
            "useful_effects",
            "success_factors",
            "recommendations",
            "registers",
            "costs",
            "funding",
            "practices",
        ],
        _ => &[],
    }
}

/// Every key of `value` at a place the first version knew must be one it knew.
fn assert_first_version(value: &Value, place: &str) {
    let allowed = first_version_keys(place);
    match value {
        Value::Object(map) if !allowed.is_empty() => {
            for (key, child) in map {
                assert!(allowed.contains(&key.as_str()), "« {key} » is not a first-version field of « {place} »");
                let child_place = if place.is_empty() { key.clone() } else { format!("{place}.{key}") };
                assert_first_version(child, &child_place);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| assert_first_version(item, place)),
        _ => {}
    }
}

#[tokio::test]
async fn an_article_keeps_the_first_version_shape_for_older_nodes_and_the_full_document_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = TestNode::start(dir.path(), "ariege").await;
    let dynamo = demo_items().into_iter().find(|d| d.slug.as_deref() == Some("dynamo-ariege")).expect("DYNAMO");
    origin.create(&serde_json::to_value(&dynamo).expect("json")).await;

    let article: Value = origin
        .http
        .get(format!("{}/items/dynamo-ariege", origin.base))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .expect("GET the Article")
        .json()
        .await
        .expect("an Article");
    let first = &article["maillage"];
    assert_first_version(first, "");
    let objectives = first["project_sheet"]["objectives"].as_array().expect("objectives");
    assert!(objectives.iter().all(Value::is_string), "older nodes read objectives as strings: {objectives:?}");
    assert!(objectives.iter().any(|o| o.as_str().is_some_and(|t| t.starts_with("Bâtir un système alimentaire"))));

    let full: ItemDocument = serde_json::from_value(article["maillageDocument"].clone()).expect("the full document");
    let stored = origin.item(article["id"].as_str().expect("id")).await.expect("the item").document;
    assert_eq!(full, stored);
}

#[test]
fn a_document_of_the_first_version_reads_and_writes_back_unchanged() {
    // Stored items and revisions written before the detailed fields keep their shape: read
    // and written again, nothing is added or changed, and they are their own
    // first-version shape.
    let older = crate::fixtures::full_project_sheet("ancienne");
    assert_first_version(&older, "");
    let read: ItemDocument = serde_json::from_value(older.clone()).expect("a first-version document reads");
    assert_eq!(serde_json::to_value(&read).expect("json"), older);
    assert_eq!(read.first_version_shape(), read);
}
