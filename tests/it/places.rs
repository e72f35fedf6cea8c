//! Territories as places of the administrative reference: codes at any level, filters
//! that include what lies inside a place, refusals that name the field, the search of the
//! reference, and the one-off upgrade of items stored before codes existed.

use crate::fixtures::{dynamo_project_sheet, practice, useful_effects_method};
use crate::harness::{sorted, ApiErrorBody, Served, TestNode};
use maillage::content::item::Territory;
use maillage::operations::node::territories;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn in_place(slug: &str, codes: &[&str]) -> maillage::content::ItemDocument {
    let mut doc = practice(slug, "Une pratique située", "Un corps.");
    doc.territory = Territory { codes: codes.iter().map(|c| (*c).to_owned()).collect(), ..Territory::default() };
    doc
}

#[tokio::test]
async fn a_region_filter_finds_an_item_coded_at_commune_level() {
    let app = TestNode::spawn().await;
    app.create_ok(&in_place("a-foix", &["commune:09122"])).await;
    app.create_ok(&in_place("a-marseille", &["commune:13055"])).await;
    let public = app.public();

    for (place, expected) in [
        ("region:76", vec!["a-foix"]),
        ("departement:09", vec!["a-foix"]),
        ("09", vec!["a-foix"]),
        ("epci:200067791", vec!["a-foix"]),
        ("commune:09122", vec!["a-foix"]),
        ("region:93", vec!["a-marseille"]),
        ("country:FR", vec!["a-foix", "a-marseille"]),
        ("region:84", vec![]),
    ] {
        assert_eq!(public.list_ok(&[("place", place)]).await.sorted_slugs(), expected, "place={place}");
    }
    let foix = app.get_ok("a-foix").await.document.territory;
    assert_eq!((foix.name.as_str(), foix.scale.as_deref()), ("Foix (09)", Some("commune")));
}

#[tokio::test]
async fn bad_places_are_refused_naming_the_field_and_nothing_is_written() {
    let app = TestNode::spawn().await;
    let before = app.row_counts().await;
    let mut doc =
        serde_json::to_value(in_place("mal-situee", &["commune:99999", "commune:09", "Ariège"])).expect("json");
    doc["territory"]["label"] = json!("x".repeat(201));
    doc["territory"]["lat"] = json!(40.4);
    doc["territory"]["lon"] = json!(-3.7);

    let error = ApiErrorBody::from(app.create_item(&doc).await).await;

    assert_eq!(error.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        error.sorted_fields(),
        sorted(&[
            ("territory.codes[0]", "unknown_code"),
            ("territory.codes[1]", "wrong_level"),
            ("territory.codes[2]", "invalid_code"),
            ("territory.label", "too_long"),
            ("territory.lat", "outside_france"),
        ])
    );
    assert_eq!(app.row_counts().await, before);

    let listing = ApiErrorBody::from(app.public().list_items(&[("place", "region:99")]).await).await;
    assert_eq!(
        (listing.status, listing.sorted_fields()),
        (StatusCode::UNPROCESSABLE_ENTITY, vec![("place", "unknown_code")])
    );
}

#[tokio::test]
async fn the_reference_is_searched_by_the_first_letters_of_a_name() {
    let app = TestNode::spawn().await;

    let found: Value = app.public().get_path("/api/v1/places?q=st%20giro&limit=3").await.json().await.expect("json");
    let first = &found["places"][0];
    assert_eq!(
        (first["code"].as_str(), first["display_name"].as_str()),
        (Some("commune:09261"), Some("Saint-Girons (09)"))
    );
    assert_eq!(first["parents"][1]["code"], "departement:09", "{first}");

    let one = app.public().get_path("/api/v1/places/region:76").await;
    assert_eq!(one.status(), StatusCode::OK);
    assert_eq!(app.public().get_path("/api/v1/places/region:99").await.status(), StatusCode::NOT_FOUND);
}

/// Puts an item's stored document back in the shape written before codes existed.
async fn store_as_before_codes(app: &crate::harness::TestNode, slug: &str, territory: Value) {
    let row = sqlx::query_as::<_, (i64, String)>("SELECT id, uri FROM items WHERE slug = ?")
        .bind(slug)
        .fetch_one(&app.node.pool)
        .await
        .expect("the item");
    let served = app.get_ok(slug).await;
    let mut doc = serde_json::to_value(&served.document).expect("json");
    doc["territory"] = territory;
    let name = doc["territory"]["name"].as_str().unwrap_or_default().to_owned();
    let mut conn = app.node.pool.acquire().await.expect("a connection");
    maillage::storage::upgrades::rewrite_current_document(&mut conn, row.0, &doc.to_string(), &name)
        .await
        .expect("rewritten");
}

#[tokio::test]
async fn the_upgrade_gives_codes_where_a_name_is_unambiguous_and_keeps_every_other_territory_as_a_label() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    app.create_ok(&useful_effects_method()).await;
    app.create_ok(&practice("quartier", "Un quartier", "Un corps.")).await;
    store_as_before_codes(&app, "dynamo-ariege", json!({"name": "Ariège", "scale": "departement"})).await;
    store_as_before_codes(
        &app,
        "methode-effets-utiles",
        json!({"name": "Marseille", "scale": "commune", "insee_code": "13055", "lat": 43.29, "lon": 5.37}),
    )
    .await;
    store_as_before_codes(&app, "quartier", json!({"name": "Quartier Nord-Est de nulle part", "scale": "quartier"}))
        .await;
    sqlx::query("DELETE FROM data_upgrades").execute(&app.node.pool).await.expect("forget the upgrade");
    sqlx::query("DELETE FROM item_terms WHERE vocabulary = 'place'").execute(&app.node.pool).await.expect("no places");

    let changed = territories::upgrade_stored_items(&app.node).await.expect("upgraded");

    assert_eq!(changed, 3);
    let territory = |served: Served| served.document.territory;
    let ariege = territory(app.get_ok("dynamo-ariege").await);
    assert_eq!(
        (ariege.codes, ariege.label, ariege.name),
        (vec!["departement:09".to_owned()], None, "Ariège (09)".to_owned())
    );
    let marseille = territory(app.get_ok("methode-effets-utiles").await);
    assert_eq!(marseille.codes, ["commune:13055"]);
    assert_eq!(
        (marseille.label.as_deref(), marseille.insee_code, marseille.lat),
        (Some("Marseille"), None, Some(43.29))
    );
    let quartier = territory(app.get_ok("quartier").await);
    assert_eq!((quartier.codes.len(), quartier.label.as_deref()), (0, Some("Quartier Nord-Est de nulle part")));

    assert_eq!(app.public().list_ok(&[("place", "region:76")]).await.sorted_slugs(), vec!["dynamo-ariege"]);
    assert_eq!(app.public().list_ok(&[("place", "region:93")]).await.sorted_slugs(), vec!["methode-effets-utiles"]);
    let uncoded: Vec<String> =
        territories::items_without_place(&app.node).await.expect("listed").into_iter().map(|i| i.slug).collect();
    assert_eq!(uncoded, ["quartier"]);
    assert_eq!(territories::upgrade_stored_items(&app.node).await.expect("once"), 0, "recorded as done");
}
