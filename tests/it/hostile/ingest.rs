//! The inbox's group commit, on the inbox catalogue's network: a 202 means the activity
//! and the replica it carries are stored; concurrent deliveries are each stored once;
//! beyond the backlog bound the inbox pushes back with 503 and Retry-After.

use super::inbox::{activity, Network};
use crate::federation::tiny_server::{Reply, TinyServer};
use crate::harness::eventually;
use serde_json::{json, Value};
use std::time::Duration;

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON")
}

/// A counter of the victim's `/metrics` text, by its exact name.
fn counter(net: &Network, name: &str) -> i64 {
    let mut text = String::new();
    net.victim.node.metrics.render_counters(&mut text);
    text.lines()
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or_else(|| panic!("no counter {name} in:\n{text}"))
}

#[tokio::test]
async fn a_202_means_the_replica_is_already_stored() {
    let net = Network::start(&[]).await;
    let create = net.mallory_create();
    let uri = create["object"]["id"].as_str().expect("an object id").to_owned();
    let activity_id = create["id"].as_str().expect("an id").to_owned();
    let answer = net.signed_by(&net.mallory, &bytes(&create)).send(&net.victim.http, &net.victim.base).await;
    assert_eq!((answer.status, answer.json()["status"].as_str()), (202, Some("accepted")), "{}", answer.text);
    // No waiting: the replica was written in the commit that preceded the answer.
    assert!(net.victim.item(&uri).await.is_some(), "{uri} is held");
    let outcome: Option<String> = sqlx::query_scalar("SELECT outcome FROM inbox_log WHERE activity_id = ?")
        .bind(&activity_id)
        .fetch_one(&net.victim.node.pool)
        .await
        .expect("the inbox log row");
    assert_eq!(outcome.as_deref(), Some("replica_stored"));
}

#[tokio::test]
async fn concurrent_deliveries_are_each_stored_once_by_the_time_they_are_answered() {
    let net = Network::start(&[]).await;
    let commits_before = counter(&net, "maillage_inbox_committed_activities_total");
    let creates: Vec<Value> = (0..40).map(|_| net.mallory_create()).collect();
    // The first one is delivered twice, at the same time: stored once, answered once as a duplicate.
    let mut requests: Vec<_> = creates.iter().map(|c| net.signed_by(&net.mallory, &bytes(c))).collect();
    requests.push(net.signed_by(&net.mallory, &bytes(&creates[0])));
    let answers =
        futures_util::future::join_all(requests.iter().map(|request| request.send(&net.victim.http, &net.victim.base)))
            .await;
    let statuses: Vec<(u16, Option<String>)> =
        answers.iter().map(|a| (a.status, a.json()["status"].as_str().map(str::to_owned))).collect();
    let accepted = statuses.iter().filter(|s| **s == (202, Some("accepted".to_owned()))).count();
    let duplicates = statuses.iter().filter(|s| **s == (202, Some("duplicate".to_owned()))).count();
    assert_eq!((accepted, duplicates), (40, 1), "{statuses:?}");
    for create in &creates {
        let uri = create["object"]["id"].as_str().expect("an object id");
        assert!(net.victim.item(uri).await.is_some(), "{uri} is held");
    }
    assert_eq!(net.victim.count("SELECT COUNT(*) FROM inbox_log WHERE processed_at IS NULL").await, 0);
    assert_eq!(counter(&net, "maillage_inbox_committed_activities_total") - commits_before, 41);
}

#[tokio::test]
async fn beyond_the_backlog_bound_the_inbox_answers_503_until_the_worker_catches_up() {
    let net = Network::start(&[("federation.inbox_backlog_limit", json!(1))]).await;
    // A re-share of an object whose origin takes a while to say it is gone: the worker
    // is busy with it, so the backlog holds one activity meanwhile.
    let origin = TinyServer::start(|_, _| Reply::status(404).after(Duration::from_millis(1500))).await;
    let announce = activity(
        "Announce",
        &net.ariege.actor(),
        &Network::activity_id(&net.ariege),
        json!(format!("{}/items/lente", origin.base)),
    );
    let answer = net.signed_by(&net.ariege, &bytes(&announce)).send(&net.victim.http, &net.victim.base).await;
    assert_eq!(answer.status, 202, "{}", answer.text);

    let create = net.mallory_create();
    let refused = net.signed_by(&net.mallory, &bytes(&create)).send(&net.victim.http, &net.victim.base).await;
    assert_eq!((refused.status, refused.code.as_deref()), (503, Some("backlog_full")), "{}", refused.text);
    assert!(refused.retry_after.is_some(), "a 503 says when to come back");
    let uri = create["object"]["id"].as_str().expect("an object id").to_owned();
    assert!(net.victim.item(&uri).await.is_none(), "{uri} is not held");

    eventually("the worker applied the re-share", || async {
        net.victim.count("SELECT COUNT(*) FROM inbox_log WHERE processed_at IS NULL").await == 0
    })
    .await;
    eventually("the inbox takes activities again", || async {
        let retry = net.signed_by(&net.mallory, &bytes(&create)).send(&net.victim.http, &net.victim.base).await;
        retry.status == 202
    })
    .await;
    assert!(net.victim.item(&uri).await.is_some(), "{uri} is held");
}
