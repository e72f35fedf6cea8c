use crate::fixtures::full_project_sheet;
use crate::harness::{eventually, follow, named_settings, TestNode};
use maillage::operations::outbound::publish::create_item;
use maillage::settings::Settings;
use maillage::startup::build_node;

const ITEMS: usize = 12;

fn sheet(i: usize) -> maillage::content::ItemDocument {
    let mut json = full_project_sheet(&format!("fiche-{i}"));
    json["title"] = serde_json::json!(format!("Fiche numéro {i}"));
    serde_json::from_value(json).expect("document")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_queued_delivery_completes_after_the_origin_is_killed_and_restarted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = crate::harness::free_port();
    let followers = [
        TestNode::start(dir.path(), "suiveur-a").await,
        TestNode::start(dir.path(), "suiveur-b").await,
        TestNode::start(dir.path(), "suiveur-c").await,
    ];

    // 1. The followers follow the origin, which then goes down.
    let origin = TestNode::start_on(dir.path().join("origine.db"), port, "origine").await;
    for follower in &followers {
        follow(follower, &origin).await;
    }
    let db = origin.kill().await;

    // 2. While it is down, its editors publish: the fan-out exists only in the queue.
    let offline =
        build_node(Settings::from_figment(named_settings(&db, port, "origine")).expect("test settings"), port)
            .await
            .expect("offline node");
    let mut uris = Vec::new();
    for i in 0..ITEMS {
        uris.push(
            create_item(&offline, sheet(i), &maillage::operations::people::audit::Actor::Cli("tests"))
                .await
                .expect("publish")
                .uri,
        );
    }
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'")
        .fetch_one(&offline.pool)
        .await
        .expect("count");
    assert_eq!(queued, (ITEMS * 3) as i64, "one delivery per item and follower inbox");
    offline.pool.close().await;

    // 3. It starts, and is killed again as soon as the fan-out has begun.
    let origin = TestNode::start_on(db, port, "origine").await;
    eventually("the fan-out starts", || async {
        origin.peer_overview().await.queues.iter().map(|q| q.delivered).sum::<i64>() > 0
    })
    .await;
    let db = origin.kill().await;

    // 4. Restarted, it completes every delivery, and each follower stores each item once.
    let origin = TestNode::start_on(db, port, "origine").await;
    eventually("every delivery is done", || async {
        origin.peer_overview().await.queues.iter().all(|q| q.pending == 0 && q.failed == 0)
    })
    .await;
    for follower in &followers {
        eventually("every replica is applied", || async {
            follower.count("SELECT COUNT(*) FROM items WHERE origin IS NOT NULL").await == ITEMS as i64
        })
        .await;
        for uri in &uris {
            assert!(follower.item(uri).await.is_some(), "{uri} missing on a follower");
        }
        let revisions = follower.count("SELECT COUNT(*) FROM item_revisions").await;
        assert_eq!(revisions, ITEMS as i64, "a re-sent activity must not be stored twice");
    }
}
