//! Durability: the real `maillage serve` process is killed (SIGKILL) at random moments
//! while it writes; after every restart the database is intact and every change still
//! has exactly the activity its transaction recorded.

use rand::Rng;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::harness::free_port;

pub fn maillage(db: &std::path::Path, port: u16) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_maillage"));
    command
        .args(["--config", "config/dev.toml"])
        .env("MAILLAGE__DATABASE__PATH", db)
        .env("MAILLAGE__SERVER__PORT", port.to_string())
        .env("MAILLAGE__LOG__FILTER", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

async fn start(db: &std::path::Path, port: u16) -> Child {
    serve(maillage(db, port), port).await
}

/// Runs `maillage … serve` and waits until it answers on `port`.
pub async fn serve(mut command: Command, port: u16) -> Child {
    let mut child = command.arg("serve").spawn().expect("serve starts");
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if client.get(format!("http://127.0.0.1:{port}/.well-known/nodeinfo")).send().await.is_ok() {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the node did not start");
}

fn item(n: usize) -> serde_json::Value {
    serde_json::json!({
        "kind": "experience", "title": format!("Retour d'expérience {n}"), "summary": "Un essai.", "body": "Texte.",
        "lifecycle": "published", "license": "CC-BY-4.0", "authors": [{ "name": "Camille" }],
        "territory": { "name": "Toulouse", "scale": "epci" },
        "experience": { "about": { "label": "Essai" }, "period": { "start": "2024" }, "speaker": { "role": "porteur" },
                        "context": "c", "results": "r", "difficulties": "d" }
    })
}

async fn scalar(pool: &sqlx::SqlitePool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killing_the_node_at_random_moments_never_breaks_the_database_or_the_outbox() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("node.db");
    let port = free_port();
    // `serve` creates the node; the token is made on it.
    let mut node = start(&db, port).await;
    let token_out = maillage(&db, port).args(["token", "create", "durability"]).output().expect("token");
    assert!(token_out.status.success(), "{}", String::from_utf8_lossy(&token_out.stderr));
    let token = String::from_utf8(token_out.stdout).expect("utf-8").trim().to_owned();
    node.kill().expect("SIGKILL");
    node.wait().expect("reaped");
    let client = reqwest::Client::new();
    let post_item = |n: usize| {
        client.post(format!("http://127.0.0.1:{port}/api/v1/items")).bearer_auth(&token).json(&item(n)).send()
    };
    let mut rng = rand::thread_rng();
    let mut sent = 0;
    for _round in 0..4 {
        let mut node = start(&db, port).await;
        // One write completes first, so that each round's window falls among writes and not
        // in the node's first-write warm-up (the place reference is read on first use).
        sent += 1;
        let first = post_item(sent).await.expect("the first write of a round");
        assert_eq!(first.status(), 201, "the first write of a round is stored");
        let kill_after = Duration::from_millis(rng.gen_range(30..300));
        let writes = async {
            loop {
                // Counted before sending: a request cut by the kill may still be stored.
                sent += 1;
                let _ = post_item(sent).await;
            }
        };
        let _ = tokio::time::timeout(kill_after, writes).await;
        node.kill().expect("SIGKILL");
        node.wait().expect("reaped");
    }

    // Restart once more and inspect the file it left.
    let mut node = start(&db, port).await;
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&db);
    let pool = sqlx::SqlitePool::connect_with(options).await.expect("open");
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.expect("check");
    assert_eq!(integrity, "ok");
    let items = scalar(&pool, "SELECT COUNT(*) FROM items").await;
    assert!(items > 0 && items <= sent as i64, "{items} items for {sent} requests");
    // Each item, its first revision, its search row and its Create were one transaction.
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM item_revisions WHERE revision = 1").await, items);
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM search_docs").await, items);
    assert_eq!(scalar(&pool, "SELECT COUNT(*) FROM activities WHERE kind = 'Create'").await, items);
    pool.close().await;
    node.kill().expect("SIGKILL");
    node.wait().expect("reaped");
}
