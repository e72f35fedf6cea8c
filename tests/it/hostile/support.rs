//! What the hostile-input catalogue shares: nodes started with settings overrides (a
//! federation policy, authorized fetch, a tiny inbox), a fingerprint of everything a
//! request could change in a node's database, signed raw requests that a test can then
//! tamper with, a scan of served HTML for live script, and the runner that checks a table
//! of cases and reports every failing case by name.

use maillage::federation::keys::NodeKeys;
use maillage::federation::signatures::sign_request;
use maillage::operations::Node;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

use crate::harness::TestNode;

/// What only the hostile-input tests ask of a node.
impl TestNode {
    pub async fn snapshot(&self) -> Snapshot {
        Snapshot::of(&self.node).await
    }

    /// Waits until the node has nothing left to do: every received activity applied,
    /// every delivery done, no catch-up pending, and the database still for a moment. A
    /// stepped node runs its steps until they find nothing to do.
    pub async fn settle(&self) {
        if self.stepped {
            return crate::harness::run_until_idle(&[self]).await;
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        let mut last = None;
        loop {
            let busy = self.count("SELECT COUNT(*) FROM inbox_log WHERE processed_at IS NULL").await
                + self.pending_deliveries().await
                + self.count("SELECT COUNT(*) FROM peer_sync WHERE state IN ('pending', 'running')").await;
            let now = self.snapshot().await;
            if busy == 0 && last.as_ref() == Some(&now) {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "{} did not settle: {busy} tasks pending", self.base);
            last = Some(now);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Every revision document this node stores, read through storage (they are stored packed).
    pub async fn stored_documents(&self) -> Vec<String> {
        let items: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM items").fetch_all(&self.node.pool).await.expect("the items");
        let mut documents = Vec::new();
        for item in items {
            let revisions =
                maillage::storage::item_revisions::list_revisions(&self.node.pool, item).await.expect("revisions");
            documents.extend(revisions.into_iter().map(|r| r.document));
        }
        documents
    }
}

/// Everything a request could change, table by table: the row count and the full
/// content. Caches and bookkeeping are left out (remote_actors is a key cache that a
/// refused request may fill; peers and peer_sync record contact; api_tokens records
/// when a token was last used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot(BTreeMap<&'static str, (i64, String)>);

pub const WATCHED_TABLES: [&str; 16] = [
    "items",
    "item_revisions",
    "item_terms",
    "tombstones",
    "inbox_log",
    "followers",
    "following",
    "activities",
    "deliveries",
    "announces",
    "editors",
    "sessions",
    "media_blobs",
    "media_refs",
    "media_fetches",
    "actor_images",
];

impl Snapshot {
    pub async fn of(node: &Node) -> Snapshot {
        let mut tables = BTreeMap::new();
        for table in WATCHED_TABLES {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info(?)")
                .bind(table)
                .fetch_all(&node.pool)
                .await
                .unwrap_or_else(|e| panic!("Failed to read the columns of {table}: {e}"));
            let row = columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || '|' || ");
            let sql = format!("SELECT COUNT(*), COALESCE(group_concat(r, char(10)), '') FROM (SELECT {row} AS r FROM {table} ORDER BY r)");
            let (count, content): (i64, String) = sqlx::query_as(&sql)
                .fetch_one(&node.pool)
                .await
                .unwrap_or_else(|e| panic!("Failed to read {table}: {e}"));
            tables.insert(table, (count, content));
        }
        Snapshot(tables)
    }

    pub fn rows(&self, table: &str) -> i64 {
        self.0.get(table).map(|(count, _)| *count).unwrap_or_else(|| panic!("{table} is not watched"))
    }

    /// The tables whose content differs, with their row counts before → after.
    pub fn changes_since(&self, before: &Snapshot) -> Vec<String> {
        self.0
            .iter()
            .filter(|(table, now)| before.0.get(*table) != Some(now))
            .map(|(table, (count, _))| format!("{table} ({} → {count} rows)", before.rows(table)))
            .collect()
    }

    /// Only these tables changed (each by exactly the given number of rows).
    pub fn changed_only(&self, before: &Snapshot, expected: &[(&str, i64)]) -> Result<(), String> {
        for table in WATCHED_TABLES {
            let grown = self.rows(table) - before.rows(table);
            let content_changed = self.0.get(table) != before.0.get(table);
            match expected.iter().find(|(t, _)| *t == table) {
                Some((_, rows)) if grown != *rows => {
                    return Err(format!("{table} grew by {grown} rows, expected {rows}"))
                }
                Some(_) => {}
                None if content_changed => {
                    return Err(format!("{table} changed ({} → {} rows)", before.rows(table), self.rows(table)))
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// A raw HTTP request, built once, that a case sends as it is.
#[derive(Clone)]
pub struct RawRequest {
    pub method: Method,
    /// Path and query, e.g. `/inbox`.
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// Sent over a bare TCP socket with the path exactly as written: an HTTP client
    /// would resolve `..` and `%2e%2e` segments before sending them.
    pub verbatim: bool,
}

impl RawRequest {
    pub fn new(method: Method, path: impl Into<String>) -> RawRequest {
        RawRequest { method, path: path.into(), headers: HeaderMap::new(), body: Vec::new(), verbatim: false }
    }

    /// Sends the path exactly as written (see [`RawRequest::verbatim`]).
    pub fn verbatim(mut self) -> RawRequest {
        self.verbatim = true;
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> RawRequest {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("a header name");
        self.headers.insert(name, HeaderValue::from_str(value).expect("a header value"));
        self
    }

    pub fn without(mut self, name: &str) -> RawRequest {
        self.headers.remove(name);
        self
    }

    /// The same request sent to another path.
    pub fn at(mut self, path: &str) -> RawRequest {
        self.path = path.to_owned();
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> RawRequest {
        self.body = body.into();
        self
    }

    /// Replaces `from` by `to` in the Signature header.
    pub fn tamper_signature(self, from: &str, to: &str) -> RawRequest {
        let signature =
            self.headers.get("signature").and_then(|v| v.to_str().ok()).expect("a signed request").to_owned();
        assert!(signature.contains(from), "the signature has no `{from}`: {signature}");
        self.header("signature", &signature.replacen(from, to, 1))
    }

    pub async fn send(&self, http: &reqwest::Client, base: &str) -> Answer {
        if self.verbatim {
            return self.send_verbatim(base).await;
        }
        let response = http
            .request(self.method.clone(), format!("{base}{}", self.path))
            .headers(self.headers.clone())
            .body(self.body.clone())
            .send()
            .await
            .expect("the request reaches the node");
        Answer::read(response).await
    }
}

impl RawRequest {
    async fn send_verbatim(&self, base: &str) -> Answer {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let authority = base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(authority).await.expect("the node accepts connections");
        let mut head = format!(
            "{} {} HTTP/1.1\r\nhost: {authority}\r\nconnection: close\r\ncontent-length: {}\r\n",
            self.method,
            self.path,
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {}\r\n", value.to_str().expect("ASCII header")));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.expect("write the request");
        stream.write_all(&self.body).await.expect("write the body");
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut raw))
            .await
            .expect("an answer within 30 s")
            .expect("read the answer");
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an HTTP answer");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut body = raw[split + 4..].to_vec();
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
        let header = |name: &str| {
            head.lines().find_map(|l| {
                l.split_once(':').filter(|(n, _)| n.trim().eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_owned())
            })
        };
        if header("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
            body = dechunk(&body);
        }
        let text = String::from_utf8_lossy(&body).into_owned();
        let code =
            serde_json::from_str::<Value>(&text).ok().and_then(|j| j["error"]["code"].as_str().map(str::to_owned));
        Answer {
            status,
            code,
            retry_after: header("retry-after"),
            content_type: header("content-type").unwrap_or_default(),
            text,
        }
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&raw[..line_end]).trim(), 16).unwrap_or(0);
        if size == 0 || raw.len() < line_end + 2 + size {
            break;
        }
        out.extend_from_slice(&raw[line_end + 2..line_end + 2 + size]);
        raw = &raw[(line_end + 4 + size).min(raw.len())..];
    }
    out
}

/// What a node answered: status, `error.code` of a JSON error body, `Retry-After`, body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub code: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: String,
    pub text: String,
}

impl Answer {
    pub async fn read(response: reqwest::Response) -> Answer {
        let status = response.status().as_u16();
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let retry_after = header("retry-after");
        let content_type = header("content-type").unwrap_or_default();
        let text = response.text().await.unwrap_or_default();
        let json: Option<Value> = serde_json::from_str(&text).ok();
        let code = json.as_ref().and_then(|j| j["error"]["code"].as_str()).map(str::to_owned);
        Answer { status, code, retry_after, content_type, text }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or(Value::Null)
    }

    pub fn short(&self) -> String {
        let text: String = self.text.chars().take(300).collect();
        format!("{} {:?} {text}", self.status, self.code)
    }
}

/// The request `signer` would send to POST `body` to `path` on `to` (`http://host:port`),
/// signed with `keys` as `key_id` at `date`: Host, Date, Digest and Signature.
pub fn signed_post(
    to: &str,
    path: &str,
    keys: &NodeKeys,
    key_id: &str,
    body: &[u8],
    date: chrono::DateTime<chrono::Utc>,
) -> RawRequest {
    let url = url::Url::parse(&format!("{to}{path}")).expect("an inbox URL");
    let headers = sign_request(keys, key_id, &Method::POST, &url, Some(body), date).expect("signing works");
    RawRequest { method: Method::POST, path: path.to_owned(), headers, body: body.to_vec(), verbatim: false }
        .header("content-type", "application/activity+json")
}

/// A signed GET of `path` on `to`, as a peer fetching an object sends it.
pub fn signed_get(
    to: &str,
    path: &str,
    keys: &NodeKeys,
    key_id: &str,
    date: chrono::DateTime<chrono::Utc>,
) -> RawRequest {
    let url = url::Url::parse(&format!("{to}{path}")).expect("a URL");
    let headers = sign_request(keys, key_id, &Method::GET, &url, None, date).expect("signing works");
    RawRequest { method: Method::GET, path: path.to_owned(), headers, body: Vec::new(), verbatim: false }
        .header("accept", "application/activity+json")
}

/// One hostile request and the precise refusal it must get.
pub struct Case {
    pub name: &'static str,
    pub request: RawRequest,
    pub expect_status: u16,
    /// The stable `error.code`; `None` for HTML pages, which have none.
    pub expect_code: Option<&'static str>,
}

impl Case {
    pub fn new(name: &'static str, request: RawRequest, expect_status: u16, expect_code: &'static str) -> Case {
        Case { name, request, expect_status, expect_code: Some(expect_code) }
    }
}

/// Sends every case to `node` (one after the other) and checks its status, its code and
/// that the database did not change; panics at the end with every failing case by name.
pub async fn run_cases(node: &TestNode, cases: Vec<Case>) -> usize {
    let mut failures = Vec::new();
    let count = cases.len();
    for case in cases {
        let before = node.snapshot().await;
        let answer = case.request.send(&node.http, &node.base).await;
        if answer.status != case.expect_status
            || (case.expect_code.is_some() && answer.code.as_deref() != case.expect_code)
        {
            failures.push(format!(
                "{}: expected {} {:?}, got {}",
                case.name,
                case.expect_status,
                case.expect_code.unwrap_or("-"),
                answer.short()
            ));
        }
        if case.expect_code.is_some() && !answer.content_type.contains("json") {
            failures.push(format!("{}: an error with a code is JSON, got {:?}", case.name, answer.content_type));
        }
        if answer.status == 500 {
            failures.push(format!("{}: a 500 must never happen", case.name));
        }
        let changes = node.snapshot().await.changes_since(&before);
        if !changes.is_empty() {
            failures.push(format!("{}: the database changed: {}", case.name, changes.join(", ")));
        }
    }
    assert!(failures.is_empty(), "{} of {count} hostile cases failed:\n  {}", failures.len(), failures.join("\n  "));
    // Seen with `--nocapture`: how many cases this table held (the note's count).
    eprintln!("hostile cases refused precisely, database unchanged: {count}");
    count
}
