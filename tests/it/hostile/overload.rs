//! Inbox flooding: with room for one request at a time, a burst of slow requests gets
//! 202 or 503 with `Retry-After`, never a 500, nothing half-written, and the node takes
//! requests again once the burst is over.
//!
//! "Slow" is made real: every sender is a distinct actor on a little server of the test's
//! own that takes 1.5 s to serve an actor document, so each accepted request holds the
//! inbox's only permit while the node fetches the sender's key.

use super::support::signed_post;
use crate::harness::TestNode;
use maillage::federation::keys::NodeKeys;
use serde_json::json;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const ACTOR_DELAY: Duration = Duration::from_millis(1500);
const BURST: usize = 16;

/// Serves `/actors/{n}` (any n) as an actor whose key is `keys`, after `delay`.
async fn slow_actor_server(keys: &NodeKeys, delay: Duration) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let pem = keys.public_key_pem().to_owned();
    let served_base = base.clone();
    let server = tokio::spawn(async move {
        // Bounded: the test aborts the server when it is done.
        while let Ok((mut stream, _)) = listener.accept().await {
            let (pem, base) = (pem.clone(), served_base.clone());
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 65_536 {
                    match stream.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => request.extend_from_slice(&buffer[..n]),
                    }
                }
                let path = String::from_utf8_lossy(&request).split_whitespace().nth(1).unwrap_or("/").to_owned();
                tokio::time::sleep(delay).await;
                let id = format!("{base}{path}");
                let body = json!({
                    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                    "id": id,
                    "type": "Organization",
                    "preferredUsername": "flot",
                    "inbox": format!("{id}/inbox"),
                    "publicKey": { "id": format!("{id}#main-key"), "owner": id, "publicKeyPem": pem }
                })
                .to_string();
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/activity+json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes()).await;
            });
        }
    });
    (base, server)
}

fn like_from(victim: &TestNode, keys: &NodeKeys, flood: &str, n: usize) -> super::support::RawRequest {
    let actor = format!("{flood}/actors/{n}");
    let activity = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{flood}/activities/{n}"),
        "type": "Like",
        "actor": actor,
        "object": victim.actor()
    });
    let body = serde_json::to_vec(&activity).expect("JSON");
    signed_post(&victim.base, "/inbox", keys, &format!("{actor}#main-key"), &body, chrono::Utc::now())
}

#[tokio::test]
async fn a_flood_of_slow_requests_gets_202_or_503_with_retry_after_and_never_a_500() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::with_settings(dir.path(), "victime", &[("federation.inbox_concurrency", json!(1))]).await;
    victim.settle().await;
    let keys = NodeKeys::generate().expect("keys");
    let (flood, server) = slow_actor_server(&keys, ACTOR_DELAY).await;
    let before = victim.snapshot().await;

    let requests: Vec<_> = (0..BURST).map(|n| like_from(&victim, &keys, &flood, n)).collect();
    let answers = futures_util::future::join_all(requests.iter().map(|r| r.send(&victim.http, &victim.base))).await;

    let unexpected: Vec<String> =
        answers.iter().filter(|a| !matches!(a.status, 202 | 503)).map(|a| format!("{} {}", a.status, a.text)).collect();
    assert!(unexpected.is_empty(), "every answer is 202 or 503: {unexpected:?}");
    let accepted = answers.iter().filter(|a| a.status == 202).count();
    let refused: Vec<_> = answers.iter().filter(|a| a.status == 503).collect();
    assert!(accepted >= 1, "the first request gets the permit");
    assert!(!refused.is_empty(), "with room for one request, a burst of {BURST} slow ones is partly refused");
    for answer in &refused {
        assert_eq!(answer.code.as_deref(), Some("overloaded"), "{}", answer.text);
        let retry: u64 = answer.retry_after.as_deref().and_then(|r| r.parse().ok()).expect("Retry-After in seconds");
        assert!(retry >= 1, "Retry-After {retry}");
    }
    victim.settle().await;
    let after = victim.snapshot().await;
    after
        .changed_only(&before, &[("inbox_log", accepted as i64)])
        .expect("exactly the accepted requests were recorded");

    // The burst is over: the node takes requests again.
    let again = like_from(&victim, &keys, &flood, BURST).send(&victim.http, &victim.base).await;
    assert_eq!(again.status, 202, "{}", again.text);
    server.abort();
}
