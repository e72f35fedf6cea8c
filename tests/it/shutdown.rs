//! Graceful shutdown of the real `maillage serve`: on SIGTERM the delivery worker takes no
//! new delivery, finishes the one in hand (the peer gets it, the queue records it) and
//! the process exits; the deliveries it did not start stay queued, untried.

use crate::durability::{maillage, serve};
use crate::federation::tiny_server::{Reply, TinyServer};
use crate::fixtures::full_project_sheet;
use crate::harness::{eventually, free_port, named_settings};
use maillage::operations::outbound::publish::create_item;
use maillage::settings::Settings;
use maillage::startup::build_node;
use std::time::Duration;

const INBOXES: usize = 3;

/// Waits for the process to exit, at most `limit`.
async fn exit_within(child: &mut std::process::Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if let Some(status) = child.try_wait().expect("the process state") {
            return Some(status);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sigterm_the_delivery_in_hand_completes_and_the_others_stay_queued_untried() {
    let slow_peer = TinyServer::start(|_, _| Reply::status(202).after(Duration::from_secs(2))).await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (db, port) = (dir.path().join("origine.db"), free_port());

    // The queue: one item for three followers' inboxes, all on the slow peer.
    let offline =
        build_node(Settings::from_figment(named_settings(&db, port, "origine")).expect("test settings"), port)
            .await
            .expect("offline node");
    for n in 0..INBOXES {
        sqlx::query("INSERT INTO followers (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, 'accepted', ?, '2025-01-01T00:00:00Z')")
            .bind(format!("{}/users/{n}", slow_peer.base))
            .bind(format!("{}/users/{n}/inbox", slow_peer.base))
            .bind(format!("{}/follows/{n}", slow_peer.base))
            .execute(&offline.pool)
            .await
            .expect("a follower");
    }
    let sheet = serde_json::from_value(full_project_sheet("fiche-en-partance")).expect("a document");
    create_item(&offline, sheet, &maillage::operations::people::audit::Actor::Cli("tests")).await.expect("publish");
    offline.pool.close().await;

    // One delivery at a time, so that the others wait in the queue when the stop comes.
    let mut command = maillage(&db, port);
    command.env("MAILLAGE__FEDERATION__DELIVERY_CONCURRENCY", "1");
    let mut node = serve(command, port).await;
    eventually("the slow peer is receiving a delivery", || async { !slow_peer.seen().is_empty() }).await;
    let term = std::process::Command::new("kill").args(["-TERM", &node.id().to_string()]).status().expect("kill");
    assert!(term.success(), "SIGTERM sent");

    // The bound: the HTTP timeout (10 s), the shutdown margin (5 s), and room to spare.
    let Some(status) = exit_within(&mut node, Duration::from_secs(45)).await else {
        let _ = node.kill();
        panic!("the node did not exit after SIGTERM");
    };
    assert!(status.success(), "a clean exit: {status:?}");

    let pool = maillage::storage::connect(&db).await.expect("the database");
    let rows: Vec<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT state, attempts, claimed_until FROM deliveries ORDER BY id")
            .fetch_all(&pool)
            .await
            .expect("the queue");
    let received = slow_peer.seen().len();
    assert_eq!(received, 1, "the peer got the delivery in hand and no other");
    assert_eq!(rows.len(), INBOXES);
    assert_eq!(rows[0], ("delivered".to_owned(), 1, None), "the delivery in hand completed and was recorded");
    for row in &rows[1..] {
        assert_eq!(row, &("pending".to_owned(), 0, None), "the others were given back to the queue untried");
    }
}
