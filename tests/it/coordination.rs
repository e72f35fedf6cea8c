//! The coordination view (`/reseau`): the map and the figures follow the région filter,
//! funding totals follow the items' lifecycle, every table downloads as CSV; and a peer's
//! item with a code this node does not know is kept, shown as "code inconnu".

use crate::fixtures::{dynamo_project_sheet, practice};
use crate::harness::TestNode;
use maillage::content::item::Territory;
use maillage::federation::article::parse_article;
use maillage::operations::inbound::replicas::{apply_remote_article, ReplicaOutcome};
use reqwest::StatusCode;
use serde_json::json;

fn at(slug: &str, code: &str) -> maillage::content::ItemDocument {
    let mut doc = practice(slug, "Une pratique située", "Un corps.");
    doc.territory = Territory { codes: vec![code.to_owned()], ..Territory::default() };
    doc
}

async fn page(app: &crate::harness::TestNode, path: &str) -> String {
    let response = app.public().get_path(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("a page")
}

/// The shade class the map gives département `code`.
fn shade_of(html: &str, code: &str) -> String {
    let marker = format!("data-departement=\"{code}\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("département {code} drawn"));
    let class = html[..at].rfind("class=\"").expect("a class");
    html[class + 7..at].split('"').next().expect("class value").to_owned()
}

#[tokio::test]
async fn the_map_and_the_figures_follow_the_region_filter() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await; // Foix, Ariège, Occitanie, with funding lines
    app.create_ok(&at("a-toulouse", "commune:31555")).await;
    app.create_ok(&at("a-marseille", "commune:13055")).await;

    let whole = page(&app, "/reseau").await;
    assert_ne!(shade_of(&whole, "09"), "shade-0");
    assert_ne!(shade_of(&whole, "13"), "shade-0");
    assert_eq!(shade_of(&whole, "75"), "shade-0");

    let occitanie = page(&app, "/reseau?region=region:76").await;
    assert_ne!(shade_of(&occitanie, "31"), "shade-0");
    assert_eq!(shade_of(&occitanie, "13"), "shade-0", "Marseille is not in Occitanie");
    assert!(occitanie.contains("Occitanie : 2 fiches publiques"), "the scope is said");

    let csv = |path: &'static str| {
        let app = &app;
        async move {
            let response = app.public().get_path(path).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(response.headers()["content-type"].to_str().expect("a type").starts_with("text/csv"));
            response.text().await.expect("a CSV")
        }
    };
    let departements = csv("/reseau/export/departements.csv?region=region:76").await;
    assert!(departements.contains("\n31,Haute-Garonne,1\n"), "{departements}");
    assert!(departements.contains("\n13,Bouches-du-Rhône,0\n"), "{departements}");
    let kinds = csv("/reseau/export/kind.csv").await;
    assert!(kinds.contains("good_practice,Bonne pratique,2,kind"), "{kinds}");
    let funding = csv("/reseau/export/funding.csv?region=region:76").await;
    let programme = "AMI Démonstrateurs territoriaux des transitions agricoles et alimentaires – France 2030";
    assert!(funding.contains(&format!("aap_ami,{programme},3400000.00,1")), "{funding}");
    assert!(csv("/reseau/export/funding.csv?region=region:93").await.lines().count() == 1, "no funding in PACA");
    assert_eq!(app.public().get_path("/reseau/export/secrets.csv").await.status(), StatusCode::NOT_FOUND);
    let months = csv("/reseau/export/months.csv").await;
    let header = months.lines().next().expect("a header");
    assert!(header.contains("Occitanie") && header.contains("Provence-Alpes-Côte d'Azur"), "split by région: {header}");
    assert_eq!(months.lines().count(), 25, "a header and 24 months");
    let territories = csv("/reseau/export/territories.csv").await;
    assert!(
        territories.lines().nth(1).is_some_and(|row| row.contains(",3,")),
        "this node and its 3 items: {territories}"
    );
    assert!(csv("/reseau/export/health.csv").await.starts_with("\u{feff}Nœud,Acteur"), "a header, no peer yet");

    // A retracted item takes its funding out of the totals.
    assert_eq!(app.retract_item("dynamo-ariege").await.status(), StatusCode::OK);
    let after = csv("/reseau/export/funding.csv").await;
    assert_eq!(after.lines().count(), 1, "{after}");
}

#[tokio::test]
async fn a_peers_item_with_an_unknown_code_is_kept_and_shown_as_an_unknown_code() {
    let app = TestNode::spawn().await;
    let peer = "https://peer.example/actor";
    let mut document = serde_json::to_value(at("newer-peer", "commune:09122")).expect("json");
    document["territory"]["codes"] = json!(["commune:99999", "departement:09"]);
    let article = json!({
        "id": "https://peer.example/items/newer-peer",
        "type": "Article",
        "attributedTo": peer,
        "name": "Une pratique située",
        "published": "2026-11-01T10:00:00Z",
        "maillageDocument": document,
    });

    let outcome = apply_remote_article(&app.node, peer, parse_article(&article).expect("an Article")).await;

    assert!(matches!(outcome, Ok(ReplicaOutcome::Stored)), "{outcome:?}");
    let listed = app.public().list_ok(&[("place", "departement:09")]).await;
    assert_eq!(listed.total, 1);
    let replica = &listed.items[0].document.territory;
    assert_eq!(replica.codes, ["commune:99999", "departement:09"]);
    let held = maillage::operations::items::queries::item_by_uri(&app.node, "https://peer.example/items/newer-peer")
        .await
        .expect("the replica");
    let html = page(&app, &format!("/replicas/{}", held.id)).await;
    assert!(html.contains("code inconnu (commune:99999)"), "the unknown code is named as such");
}
