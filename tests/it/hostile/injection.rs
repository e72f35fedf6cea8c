//! Script injected into every text field of every kind is stored as written and served
//! inert: on the item page, in listings, in the Article other servers read, and on a
//! replica's page on another node. SQL-looking text is only text.

use super::html_scan::live_script;
use super::support::RawRequest;
use crate::fixtures::{dynamo_project_sheet, tav_marseille_experience, useful_effects_method};
use crate::harness::{follow, TestNode};
use reqwest::Method;
use serde_json::{json, Value};

const PAYLOADS: [&str; 8] = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">clic</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "' onmouseover='alert(1)' x='",
    "<body onload=alert(1)>",
    "[clic](javascript:alert(1)) <style>*{display:none}</style>",
];

/// Fields that hold codes, dates or the slug: not free text (injecting there is refused
/// by validation, which other cases cover).
const NOT_TEXT: [&str; 8] =
    ["slug", "kind", "lifecycle", "language", "published", "last_reviewed", "review_due", "territory/name"];

/// Every string leaf of `value`, as a JSON pointer.
fn string_leaves(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(pointer),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| string_leaves(v, format!("{pointer}/{i}"), out))
        }
        Value::Object(map) => map.iter().for_each(|(k, v)| string_leaves(v, format!("{pointer}/{k}"), out)),
        _ => {}
    }
}

/// `project_sheet.funding[1].funder` → `/project_sheet/funding/1/funder`.
fn pointer_of(path: &str) -> String {
    let mut pointer = String::new();
    for part in path.split('.') {
        let (name, indexes) =
            part.split_once('[').map(|(n, rest)| (n, format!("[{rest}"))).unwrap_or((part, String::new()));
        pointer.push('/');
        pointer.push_str(name);
        for index in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            pointer.push('/');
            pointer.push_str(index);
        }
    }
    pointer
}

/// Publishes `document` with a payload appended to every free-text field that
/// validation lets hold one; returns the served item and the injected fields.
async fn publish_injected(node: &TestNode, mut document: Value, slug: &str) -> (Value, Vec<(String, String)>) {
    document["slug"] = json!(slug);
    let original = document.clone();
    let mut leaves = Vec::new();
    string_leaves(&document, String::new(), &mut leaves);
    leaves.retain(|p| !NOT_TEXT.iter().any(|k| p == &format!("/{k}")));
    let mut injected: Vec<(String, String)> = Vec::new();
    for (i, pointer) in leaves.iter().enumerate() {
        let value = format!(
            "{} {}",
            original.pointer(pointer).and_then(Value::as_str).unwrap_or(""),
            PAYLOADS[i % PAYLOADS.len()]
        );
        *document.pointer_mut(pointer).expect("a leaf") = json!(value);
        injected.push((pointer.clone(), value));
    }
    for _ in 0..20 {
        let response = node
            .http
            .post(format!("{}/api/v1/items", node.base))
            .bearer_auth(&node.token)
            .json(&document)
            .send()
            .await
            .expect("create");
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        if status == 201 {
            return (body, injected);
        }
        assert_eq!(status, 422, "only validation may refuse an injected document: {body}");
        // A field that is a code, a URL, a number or a short identifier refuses the
        // payload: give it back its original value and try again.
        let refused: Vec<String> = body["error"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["path"].as_str())
            .map(pointer_of)
            .collect();
        assert!(!refused.is_empty(), "a 422 names its fields: {body}");
        let before = injected.len();
        injected.retain(|(pointer, _)| !refused.iter().any(|r| pointer == r || pointer.starts_with(&format!("{r}/"))));
        assert!(injected.len() < before, "the refused fields {refused:?} were not injected ones: {body}");
        for r in &refused {
            for pointer in leaves.iter().filter(|p| *p == r || p.starts_with(&format!("{r}/"))) {
                *document.pointer_mut(pointer).expect("a leaf") =
                    original.pointer(pointer).cloned().expect("an original value");
            }
        }
    }
    panic!("the injected document was never accepted");
}

async fn get_text(node: &TestNode, path: &str, accept: &str) -> (u16, String) {
    let answer = RawRequest::new(Method::GET, path).header("accept", accept).send(&node.http, &node.base).await;
    (answer.status, answer.text)
}

/// The served page at `path` has no live script, and shows `marker` escaped.
async fn assert_page_is_inert(node: &TestNode, path: &str, marker: Option<&str>) {
    let (status, html) = get_text(node, path, "text/html").await;
    assert_eq!(status, 200, "{path}: {html}");
    let live = live_script(&html);
    assert!(live.is_empty(), "{path} serves live script:\n  {}", live.join("\n  "));
    if let Some(marker) = marker {
        assert!(html.contains(marker), "{path} does not show the escaped payload {marker}");
    }
}

#[tokio::test]
async fn script_in_every_text_field_of_every_kind_is_stored_verbatim_and_served_inert() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    let kinds = [
        ("project_sheet", serde_json::to_value(dynamo_project_sheet()).expect("JSON")),
        ("good_practice", serde_json::to_value(useful_effects_method()).expect("JSON")),
        ("experience", serde_json::to_value(tav_marseille_experience()).expect("JSON")),
    ];
    for (kind, document) in kinds {
        let slug = format!("injection-{}", kind.replace('_', "-"));
        let (served, injected) = publish_injected(&node, document, &slug).await;
        for must in ["/title", "/summary", "/body", "/territory/label", "/authors/0/name", "/tags/0"] {
            assert!(injected.iter().any(|(p, _)| p == must), "{kind}: {must} holds a payload");
        }
        let kind_fields = injected.iter().filter(|(p, _)| p.starts_with(&format!("/{kind}/"))).count();
        assert!(kind_fields >= 5, "{kind}: only {kind_fields} of its own fields hold a payload: {injected:?}");
        // Stored verbatim: what the API serves back is what was sent.
        for (pointer, value) in &injected {
            assert_eq!(
                served.pointer(pointer).and_then(Value::as_str),
                Some(value.as_str()),
                "{kind}: {pointer} is not stored verbatim"
            );
        }
        // The territory's name is derived from its label (see content::territory).
        assert_eq!(
            served.pointer("/territory/name"),
            served.pointer("/territory/label"),
            "{kind}: name from the label"
        );

        assert_page_is_inert(&node, &format!("/items/{slug}"), Some("&lt;")).await;
        assert_page_is_inert(&node, &format!("/items/{slug}/revisions"), None).await;
        assert_page_is_inert(&node, &format!("/items/{slug}/revisions/1"), None).await;

        // What other servers show: the Article's HTML fields are sanitized.
        let (status, article) = get_text(&node, &format!("/items/{slug}"), "application/activity+json").await;
        assert_eq!(status, 200);
        let article: Value = serde_json::from_str(&article).expect("an Article");
        for field in ["content", "summary"] {
            let html = article[field].as_str().unwrap_or_default();
            assert!(live_script(html).is_empty(), "{kind}: the Article's {field} has live script: {html}");
        }
    }
    for listing in ["/", "/catalogue", "/catalogue?q=script", "/catalogue?q=onerror", "/reseau", "/edit"] {
        let (status, html) = get_text(&node, listing, "text/html").await;
        assert!(matches!(status, 200 | 303), "{listing}: {status}");
        assert!(live_script(&html).is_empty(), "{listing} serves live script: {:?}", live_script(&html));
    }
}

#[tokio::test]
async fn script_in_a_replicated_item_is_served_inert_on_the_replica_page() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::start_stepped(dir.path(), "victime").await;
    let origin = TestNode::start_stepped(dir.path(), "origine").await;
    follow(&victim, &origin).await;
    let (served, injected) =
        publish_injected(&origin, serde_json::to_value(useful_effects_method()).expect("JSON"), "injection-repliquee")
            .await;
    assert!(injected.len() > 20);
    let uri = served["meta"]["uri"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{}/items/injection-repliquee", origin.base));
    crate::harness::run_until_idle(&[&origin, &victim]).await;
    let id = victim.item(&uri).await.expect("the victim holds the replica").id;
    assert_page_is_inert(&victim, &format!("/replicas/{id}"), Some("&lt;")).await;
    assert_page_is_inert(&victim, "/catalogue", None).await;
    // The replica holds the text as written at the origin.
    let stored: String = sqlx::query_scalar("SELECT title FROM items WHERE uri = ?")
        .bind(&uri)
        .fetch_one(&victim.node.pool)
        .await
        .expect("title");
    assert_eq!(Some(stored.as_str()), served["title"].as_str());
}

#[tokio::test]
async fn sql_looking_text_is_stored_verbatim_and_breaks_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    let sql = [
        "Robert'); DROP TABLE items;--",
        "' OR '1'='1",
        "1; DELETE FROM item_revisions WHERE 1=1; --",
        "x' UNION SELECT password_hash, 1 FROM editors --",
        "\"; ATTACH DATABASE '/tmp/pwn.db' AS pwn; --",
    ];
    let mut document = serde_json::to_value(useful_effects_method()).expect("JSON");
    document["slug"] = json!("sql");
    document["title"] = json!(sql[0]);
    document["summary"] = json!(sql[1]);
    document["body"] = json!(format!("{}\n\n{}", sql[2], sql[3]));
    document["territory"]["label"] = json!(sql[3]);
    document["tags"] = json!([sql[1], "%", "_", "\\"]);
    document["authors"][0]["name"] = json!(sql[4]);
    let before = node.snapshot().await;

    let created = node.create(&document).await;

    for (pointer, expected) in [
        ("/title", sql[0]),
        ("/summary", sql[1]),
        ("/territory/label", sql[3]),
        ("/territory/name", sql[3]),
        ("/authors/0/name", sql[4]),
        ("/tags/0", sql[1]),
    ] {
        assert_eq!(created.pointer(pointer).and_then(Value::as_str), Some(expected), "{pointer}");
    }
    let after = node.snapshot().await;
    assert_eq!(
        (after.rows("items"), after.rows("item_revisions")),
        (before.rows("items") + 1, before.rows("item_revisions") + 1)
    );
    let tables = node.count("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('items', 'item_revisions', 'editors')").await;
    assert_eq!(tables, 3, "no table was dropped");
    // Searching and filtering with SQL and FTS5 syntax is only a search.
    let searches = [
        sql[0],
        sql[1],
        sql[3],
        "\"unbalanced",
        "NEAR(a b",
        "a* OR -b",
        "title:x",
        "^début",
        "*",
        "items_fts MATCH 'x'",
        "%",
        "_",
        "\u{0}",
        "\u{2}\u{3}",
    ];
    for q in searches {
        for path in ["/api/v1/items", "/catalogue"] {
            let response = node
                .http
                .get(format!("{}{path}", node.base))
                .query(&[("q", q)])
                .header("accept", "text/html")
                .send()
                .await
                .expect("search");
            assert_eq!(response.status(), 200, "{path}?q={q:?}");
        }
    }
    let response = node
        .http
        .get(format!("{}/api/v1/items", node.base))
        .query(&[("q", "Robert DROP")])
        .send()
        .await
        .expect("search");
    let found: Value = response.json().await.expect("a list");
    assert_eq!(found["total"], 1, "the text is searchable as text: {found}");
    let response = node
        .http
        .get(format!("{}/api/v1/items", node.base))
        .query(&[("territory", sql[3])])
        .send()
        .await
        .expect("filter");
    let found: Value = response.json().await.expect("a list");
    assert_eq!(found["total"], 1, "a filter value is bound, not spliced: {found}");
    assert_page_is_inert(&node, "/items/sql", None).await;
}
