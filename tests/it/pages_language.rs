//! The pages in French or English: the default, `Accept-Language`, the `?lang=` switch and
//! its cookie, and an item page whose labels, vocabulary terms and dates follow the
//! language while the item's own text stays as written.

use crate::fixtures::dynamo_project_sheet;
use crate::harness::TestNode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_LANGUAGE, COOKIE, SET_COOKIE, VARY};
use reqwest::StatusCode;

async fn page(app: &TestNode, path: &str, headers: &[(reqwest::header::HeaderName, &str)]) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.base));
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.send().await.expect("the node answers")
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response.headers().get_all(name).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(", ")
}

#[tokio::test]
async fn pages_are_french_by_default_and_say_which_language_they_are_in() {
    let app = TestNode::spawn().await;
    let response = page(&app, "/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, CONTENT_LANGUAGE), "fr");
    assert!(header(&response, VARY).contains("Accept-Language"), "caches must keep the languages apart");
    let html = response.text().await.expect("a page body");
    assert!(html.contains(r#"<html lang="fr">"#));
    assert!(html.contains(">Accueil</a>"));
    assert!(html.contains(r#"hreflang="en" lang="en">English</a>"#), "the switch offers English");
}

#[tokio::test]
async fn a_browser_asking_for_english_gets_english_pages() {
    let app = TestNode::spawn().await;
    let response = page(&app, "/catalogue", &[(ACCEPT_LANGUAGE, "en-GB,en;q=0.9,fr;q=0.5")]).await;
    assert_eq!(header(&response, CONTENT_LANGUAGE), "en");
    let html = response.text().await.expect("a page body");
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains("<h1>Catalogue of items</h1>"));
    assert!(html.contains("Skip to content"));
    assert!(!html.contains("Catalogue des fiches"));

    let french_first = page(&app, "/catalogue", &[(ACCEPT_LANGUAGE, "de, fr;q=0.8, en;q=0.5")]).await;
    assert!(french_first.text().await.expect("a page body").contains("<h1>Catalogue des fiches</h1>"));
}

#[tokio::test]
async fn the_lang_parameter_sets_a_cookie_that_keeps_the_language_until_switched_back() {
    let app = TestNode::spawn().await;
    let chosen = page(&app, "/?lang=en", &[(ACCEPT_LANGUAGE, "fr")]).await;
    let cookie = header(&chosen, SET_COOKIE);
    assert!(cookie.starts_with("lang=en;"), "cookie: {cookie}");
    assert!(chosen.text().await.expect("a page body").contains(">Home</a>"), "the parameter wins over Accept-Language");

    let next = page(&app, "/vocabularies", &[(COOKIE, "lang=en"), (ACCEPT_LANGUAGE, "fr")]).await;
    assert!(header(&next, SET_COOKIE).is_empty(), "only an explicit choice sets the cookie");
    let html = next.text().await.expect("a page body");
    assert!(html.contains("<h1>Controlled vocabularies</h1>"));
    assert!(html.contains("Circular economy pillars"), "vocabulary names are translated");

    let back = page(&app, "/vocabularies?lang=fr", &[(COOKIE, "lang=en")]).await;
    assert!(header(&back, SET_COOKIE).starts_with("lang=fr;"));
    assert!(back.text().await.expect("a page body").contains("<h1>Vocabulaires contrôlés</h1>"));
}

#[tokio::test]
async fn the_switch_link_leads_to_the_same_page_and_query_in_the_other_language() {
    let app = TestNode::spawn().await;
    let html = page(&app, "/catalogue?q=compost&lang=fr", &[]).await.text().await.expect("a page body");
    assert!(html.contains(r#"href="/catalogue?q=compost&amp;lang=en""#), "switch link missing");
    let html = page(&app, "/catalogue?q=compost&lang=en", &[]).await.text().await.expect("a page body");
    assert!(html.contains(r#"href="/catalogue?q=compost&amp;lang=fr" hreflang="fr" lang="fr">Français</a>"#));
}

#[tokio::test]
async fn an_item_page_translates_labels_terms_and_dates_but_not_the_item_itself() {
    let app = TestNode::spawn().await;
    let doc = dynamo_project_sheet();
    app.create_ok(&doc).await;
    let path = "/items/dynamo-ariege";

    let english = page(&app, &format!("{path}?lang=en"), &[]).await.text().await.expect("a page body");
    assert!(english.contains(&askama_escape(&doc.title)), "the title stays as written");
    for label in
        ["Circular economy pillars", "Sustainable sourcing", "Lead organisation", "First published", "14 March 2025"]
    {
        assert!(english.contains(label), "English page lacks {label:?}");
    }
    assert!(!english.contains("Piliers de l'économie circulaire"));

    let french = page(&app, path, &[]).await.text().await.expect("a page body");
    for label in
        ["Piliers de l&#x27;économie circulaire", "Approvisionnement durable", "Structure porteuse", "14 mars 2025"]
    {
        assert!(french.contains(label), "French page lacks {label:?}");
    }
}

#[tokio::test]
async fn error_pages_follow_the_language_too() {
    let app = TestNode::spawn().await;
    let response = page(&app, "/nowhere", &[(ACCEPT_LANGUAGE, "en")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.expect("a page body");
    assert!(html.contains("Page not found") && html.contains("Error 404"), "{html}");
}

/// The title as askama writes it in HTML.
fn askama_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('\'', "&#x27;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[tokio::test]
async fn the_catalogue_names_its_matching_feeds_in_the_page_language() {
    let app = TestNode::spawn().await;
    let path = "/catalogue?kind=project_sheet&pillar=recyclage";
    let english = page(&app, &format!("{path}&lang=en"), &[]).await.text().await.expect("a page body");
    assert!(english.contains("Atom feed: project sheets"), "kind feed link");
    assert!(english.contains("Atom feed: pillar Recycling"), "pillar feed link");
    let french = page(&app, path, &[]).await.text().await.expect("a page body");
    assert!(french.contains("Flux Atom : fiches projet") && french.contains("Flux Atom : pilier Recyclage"));
}
