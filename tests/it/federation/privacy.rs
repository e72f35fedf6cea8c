//! The contact privacy rule, end to end: a person's details that the editor did not mark
//! public stay on the origin node. They are not in the Article a peer fetches or receives,
//! the API for anonymous readers, pages, feeds, exports, search, or the replica; the node's
//! editors still read them.

use crate::fixtures::full_project_sheet;
use crate::harness::{follow, run_until_idle, TestNode};
use serde_json::{json, Value};

const WITHHELD_NAME: &str = "Camille Discrète";
const WITHHELD_EMAIL: &str = "camille.privee@petr-ariege.example.org";
const WITHHELD_PHONE: &str = "05 61 99 98 97";
const PUBLIC_EMAIL: &str = "accueil-alimentation@petr-ariege.example.org";

fn sheet_with_contacts(slug: &str) -> Value {
    let mut document = full_project_sheet(slug);
    document["contacts"] = json!([
        {
            "organisation": "PETR Ariège",
            "person": WITHHELD_NAME,
            "role": "chargée de mission",
            "email": WITHHELD_EMAIL,
            "phone": WITHHELD_PHONE
        },
        { "organisation": "Maison de l'alimentation", "email": PUBLIC_EMAIL, "public": true }
    ]);
    document
}

fn assert_withheld(what: &str, text: &str) {
    for secret in [WITHHELD_NAME, WITHHELD_EMAIL, WITHHELD_PHONE] {
        assert!(!text.contains(secret), "{what} shows « {secret} »:\n{text}");
    }
}

async fn anonymous_get(node: &TestNode, path: &str, accept: &str) -> (u16, String) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", node.base))
        .header("Accept", accept)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
    let status = response.status().as_u16();
    (status, response.text().await.expect("a body"))
}

#[tokio::test]
async fn contact_details_not_marked_public_never_leave_the_origin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let origin = TestNode::start_stepped(dir.path(), "ariege").await;
    let follower = TestNode::start_stepped(dir.path(), "national").await;
    follow(&follower, &origin).await;

    let created = origin.create(&sheet_with_contacts("contacts-prives")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();
    // The editors' answer keeps every detail.
    assert_eq!(created["contacts"][0]["email"], WITHHELD_EMAIL, "{created}");
    assert_eq!(created["contacts"][0]["person"], WITHHELD_NAME);

    // The replica holds the structure and the public contact, not the person.
    run_until_idle(&[&origin, &follower]).await;
    let replica = follower.item(&uri).await.expect("replica");
    let contacts = &replica.document.contacts;
    assert_eq!(contacts.len(), 2, "{contacts:?}");
    assert_eq!(contacts[0].organisation.as_deref(), Some("PETR Ariège"));
    assert_eq!(contacts[0].role.as_deref(), Some("chargée de mission"));
    assert_eq!((contacts[0].person.as_ref(), contacts[0].email.as_ref()), (None, None));
    assert_eq!(contacts[1].email.as_deref(), Some(PUBLIC_EMAIL));
    assert_withheld("the replica", &serde_json::to_string(&replica.document).expect("json"));

    // The Article a peer fetches.
    let (status, article) = anonymous_get(&origin, "/items/contacts-prives", "application/activity+json").await;
    assert_eq!(status, 200, "{article}");
    assert!(article.contains(PUBLIC_EMAIL), "{article}");
    assert_withheld("the Article", &article);

    // Every public read of the origin.
    for path in [
        "/api/v1/items/contacts-prives",
        "/api/v1/items",
        "/api/v1/items/contacts-prives/revisions",
        "/items/contacts-prives",
        "/items/contacts-prives/revisions/1",
        "/feeds/atom.xml",
        "/export/catalogue.csv",
        "/export/catalogue.json",
    ] {
        let (status, body) = anonymous_get(&origin, path, "*/*").await;
        assert_eq!(status, 200, "{path}: {body}");
        assert_withheld(path, &body);
    }
    let (_, page) = anonymous_get(&origin, "/items/contacts-prives", "text/html").await;
    assert!(page.contains(PUBLIC_EMAIL), "the page shows the public contact");

    // Search does not find the item by the withheld name, on either node.
    for node in [&origin, &follower] {
        let (_, found) = anonymous_get(node, "/api/v1/items?q=Discr%C3%A8te", "application/json").await;
        let found: Value = serde_json::from_str(&found).expect("json");
        assert_eq!(found["total"], 0, "{found}");
    }

    // The editors still read it through the API with a token.
    let own = origin
        .http
        .get(format!("{}/api/v1/items/contacts-prives", origin.base))
        .bearer_auth(&origin.token)
        .send()
        .await
        .expect("get");
    let own: Value = own.json().await.expect("json");
    assert_eq!(own["contacts"][0]["phone"], WITHHELD_PHONE, "{own}");
}
