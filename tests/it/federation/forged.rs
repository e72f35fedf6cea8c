//! Forged and replayed activities are refused with a precise reason, and change nothing.

use crate::fixtures::full_project_sheet;
use crate::harness::{follow, TestNode};
use maillage::federation::keys::NodeKeys;
use maillage::federation::signatures::sign_request;
use reqwest::Method;
use serde_json::{json, Value};

/// POSTs `activity` to `to`'s shared inbox, signed with `keys` as `key_id`, dated `date`.
async fn post_signed(
    to: &TestNode,
    keys: &NodeKeys,
    key_id: &str,
    activity: &Value,
    date: chrono::DateTime<chrono::Utc>,
) -> (u16, Value) {
    let url = url::Url::parse(&format!("{}/inbox", to.base)).expect("url");
    let body = serde_json::to_vec(activity).expect("json");
    let headers = sign_request(keys, key_id, &Method::POST, &url, Some(&body), date).expect("signature");
    let response = to
        .http
        .post(url)
        .headers(headers)
        .header("content-type", "application/activity+json")
        .body(body)
        .send()
        .await
        .expect("post");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn create_of(actor: &str, activity_id: &str, object: Value) -> Value {
    json!({ "id": activity_id, "type": "Create", "actor": actor, "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": object })
}

async fn state(node: &TestNode) -> (i64, i64, i64) {
    (
        node.count("SELECT COUNT(*) FROM items").await,
        node.count("SELECT COUNT(*) FROM item_revisions").await,
        node.count("SELECT COUNT(*) FROM inbox_log").await,
    )
}

#[tokio::test]
async fn forged_activities_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let marseille = TestNode::start(dir.path(), "marseille").await;
    let ariege = TestNode::start(dir.path(), "ariege").await;
    let mallory = TestNode::start(dir.path(), "mallory").await;
    follow(&marseille, &ariege).await;
    follow(&marseille, &mallory).await;
    let before = state(&marseille).await;
    let mallory_keys = &mallory.node.keys;
    let now = chrono::Utc::now();
    let article = |id: &str, attributed: &str| json!({ "id": id, "type": "Article", "attributedTo": attributed, "name": "Faux", "maillage": full_project_sheet("faux") });

    // Mallory creates an object on Ariège's host.
    let spoofed = create_of(
        &mallory.actor(),
        &format!("{}/activities/1", mallory.base),
        article(&format!("{}/items/faux", ariege.base), &ariege.actor()),
    );
    let (status, body) = post_signed(&marseille, mallory_keys, &mallory.node.key_id(), &spoofed, now).await;
    assert_eq!((status, body["error"]["code"].as_str()), (403, Some("origin_mismatch")));

    // Mallory claims to be Ariège while signing with her own key.
    let impersonation = create_of(
        &ariege.actor(),
        &format!("{}/activities/2", ariege.base),
        article(&format!("{}/items/x", ariege.base), &ariege.actor()),
    );
    let (status, body) = post_signed(&marseille, mallory_keys, &mallory.node.key_id(), &impersonation, now).await;
    assert_eq!((status, body["error"]["code"].as_str()), (401, Some("actor_mismatch")));

    // Mallory uses Ariège's keyId with her own private key.
    let (status, body) = post_signed(&marseille, mallory_keys, &ariege.node.key_id(), &impersonation, now).await;
    assert_eq!((status, body["error"]["code"].as_str()), (401, Some("signature_invalid")));

    // A stale Date.
    let own = create_of(
        &mallory.actor(),
        &format!("{}/activities/3", mallory.base),
        article(&format!("{}/items/y", mallory.base), &mallory.actor()),
    );
    let (status, body) =
        post_signed(&marseille, mallory_keys, &mallory.node.key_id(), &own, now - chrono::Duration::hours(13)).await;
    assert_eq!((status, body["error"]["code"].as_str()), (401, Some("date_out_of_window")));

    assert_eq!(state(&marseille).await, before, "a refused activity changes nothing");
}

#[tokio::test]
async fn a_replayed_activity_is_applied_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let marseille = TestNode::start_stepped(dir.path(), "marseille").await;
    let ariege = TestNode::start_stepped(dir.path(), "ariege").await;
    follow(&marseille, &ariege).await;
    let uri = format!("{}/items/rejouee", ariege.base);
    let activity = create_of(
        &ariege.actor(),
        &format!("{}/activities/rejouee", ariege.base),
        json!({ "id": uri, "type": "Article", "attributedTo": ariege.actor(), "updated": "2026-01-01T00:00:00.000Z", "maillage": full_project_sheet("rejouee") }),
    );
    let now = chrono::Utc::now();
    let (first, _) = post_signed(&marseille, &ariege.node.keys, &ariege.node.key_id(), &activity, now).await;
    let (second, body) = post_signed(&marseille, &ariege.node.keys, &ariege.node.key_id(), &activity, now).await;
    assert_eq!((first, second), (202, 202));
    assert_eq!(body["status"], "duplicate");
    crate::harness::run_until_idle(&[&ariege, &marseille]).await;
    assert!(marseille.item(&uri).await.is_some(), "the activity is applied");
    assert_eq!(marseille.revisions_of(&uri).await.len(), 1, "applied once");
    assert_eq!(marseille.count("SELECT COUNT(*) FROM inbox_log WHERE kind = 'Create'").await, 1);
}
