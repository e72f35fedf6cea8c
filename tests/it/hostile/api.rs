//! Hostile requests to the JSON API and to page URLs: oversized, deeply nested or
//! malformed bodies, wrong content types, URLs with credentials or odd schemes and ports,
//! path traversal in slugs and links, injected query parameters. Each gets its status
//! and code, and nothing is written.

use super::support::{run_cases, Case, RawRequest};
use crate::fixtures::{dynamo_project_sheet, practice, tav_marseille_experience};
use crate::harness::TestNode;
use reqwest::Method;
use serde_json::{json, Value};

struct Api<'a> {
    node: &'a TestNode,
}

impl Api<'_> {
    fn request(&self, method: Method, path: &str) -> RawRequest {
        RawRequest::new(method, path).header("authorization", &format!("Bearer {}", self.node.token))
    }

    fn json(&self, method: Method, path: &str, body: impl Into<Vec<u8>>) -> RawRequest {
        self.request(method, path).header("content-type", "application/json").body(body)
    }

    fn create(&self, document: &Value) -> RawRequest {
        self.json(Method::POST, "/api/v1/items", serde_json::to_vec(document).expect("JSON"))
    }
}

fn good_practice() -> Value {
    serde_json::to_value(practice("hostile", "Une pratique", "Un corps.")).expect("JSON")
}

fn edited(mut document: Value, edit: impl FnOnce(&mut Value)) -> Value {
    edit(&mut document);
    document
}

/// A field error case: 422 `validation_failed`, and the field named.
struct FieldCase {
    name: &'static str,
    document: Value,
    path: &'static str,
    code: &'static str,
}

fn field_cases() -> Vec<FieldCase> {
    let with_document_url =
        |url: &str| edited(good_practice(), |d| d["documents"] = json!([{ "title": "Rapport", "url": url }]));
    let with_inspired_by = |url: &str| edited(good_practice(), |d| d["inspired_by"] = json!([url]));
    let with_slug = |slug: &str| edited(good_practice(), |d| d["slug"] = json!(slug));
    let experience = serde_json::to_value(tav_marseille_experience()).expect("JSON");
    let project = serde_json::to_value(dynamo_project_sheet()).expect("JSON");
    let f = |name, document, path, code| FieldCase { name, document, path, code };
    vec![
        f(
            "documents[].url with user and password",
            with_document_url("https://user:secret@example.org/rapport.pdf"),
            "documents[0].url",
            "invalid_url",
        ),
        f(
            "documents[].url with a user only",
            with_document_url("https://admin@example.org/rapport.pdf"),
            "documents[0].url",
            "invalid_url",
        ),
        f(
            "documents[].url javascript:",
            with_document_url("javascript:alert(document.cookie)"),
            "documents[0].url",
            "invalid_url",
        ),
        f(
            "documents[].url JaVaScRiPt: with spaces",
            with_document_url("  JaVaScRiPt:alert(1)"),
            "documents[0].url",
            "invalid_url",
        ),
        f("documents[].url file:", with_document_url("file:///etc/passwd"), "documents[0].url", "invalid_url"),
        f(
            "documents[].url data:",
            with_document_url("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
            "documents[0].url",
            "invalid_url",
        ),
        f(
            "documents[].url relative path traversal",
            with_document_url("../../../etc/passwd"),
            "documents[0].url",
            "invalid_url",
        ),
        f("documents[].url scheme-relative", with_document_url("//evil.example/x"), "documents[0].url", "invalid_url"),
        f(
            "documents[].url with a port out of range",
            with_document_url("https://example.org:99999/x"),
            "documents[0].url",
            "invalid_url",
        ),
        f(
            "documents[].url gopher:",
            with_document_url("gopher://127.0.0.1:6379/_FLUSHALL"),
            "documents[0].url",
            "invalid_url",
        ),
        f("inspired_by ftp:", with_inspired_by("ftp://example.org/pub"), "inspired_by[0]", "invalid_url"),
        f(
            "inspired_by with credentials",
            with_inspired_by("http://root:toor@127.0.0.1/items/x"),
            "inspired_by[0]",
            "invalid_url",
        ),
        f("inspired_by that is not a URL", with_inspired_by("la fiche de Marseille"), "inspired_by[0]", "invalid_url"),
        f(
            "inspired_by a urn (an id that is not a URL)",
            with_inspired_by("urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"),
            "inspired_by[0]",
            "invalid_url",
        ),
        f(
            "experience.about.item that is not a URL",
            edited(experience, |d| d["experience"]["about"]["item"] = json!("tav-marseille")),
            "experience.about.item",
            "invalid_url",
        ),
        f(
            "good_practice.evidence javascript:",
            edited(good_practice(), |d| d["good_practice"]["evidence"] = json!(["javascript:alert(1)"])),
            "good_practice.evidence[0]",
            "invalid_url",
        ),
        f(
            "project_sheet.practices_used mailto:",
            edited(project, |d| d["project_sheet"]["practices_used"] = json!(["mailto:admin@example.org"])),
            "project_sheet.practices_used[0]",
            "invalid_url",
        ),
        f("slug ../etc/passwd", with_slug("../etc/passwd"), "slug", "invalid_slug"),
        f("slug %2e%2e%2fadmin", with_slug("%2e%2e%2fadmin"), "slug", "invalid_slug"),
        f("slug ..", with_slug(".."), "slug", "invalid_slug"),
        f("slug with a slash", with_slug("fiches/secret"), "slug", "invalid_slug"),
        f("slug with a backslash", with_slug("..\\..\\windows"), "slug", "invalid_slug"),
        f("slug with a NUL byte", with_slug("fiche\u{0}.html"), "slug", "invalid_slug"),
        f("slug with HTML", with_slug("<script>alert(1)</script>"), "slug", "invalid_slug"),
        f("slug with SQL", with_slug("x'; DROP TABLE items; --"), "slug", "invalid_slug"),
        f(
            "a negative amount",
            edited(serde_json::to_value(dynamo_project_sheet()).expect("JSON"), |d| {
                d["project_sheet"]["total_cost_eur"] = json!(-1.0)
            }),
            "project_sheet.total_cost_eur",
            "invalid_number",
        ),
        f(
            "a latitude of 1000",
            edited(good_practice(), |d| d["territory"]["lat"] = json!(1000.0)),
            "territory.lat",
            "out_of_range",
        ),
        f("100,000 tags", edited(good_practice(), |d| d["tags"] = json!(vec!["t"; 100_000])), "tags", "too_many"),
        f(
            "a title of 100,000 characters",
            edited(good_practice(), |d| d["title"] = json!("é".repeat(100_000))),
            "title",
            "too_long",
        ),
        f("an unknown field", edited(good_practice(), |d| d["is_admin"] = json!(true)), "is_admin", "unknown_field"),
        f(
            "a kind that does not exist",
            edited(good_practice(), |d| d["kind"] = json!("<script>")),
            "kind",
            "unknown_code",
        ),
    ]
}

fn body_cases(api: &Api<'_>) -> Vec<Case> {
    let big = edited(good_practice(), |d| d["body"] = json!("x".repeat(1_100_000)));
    let big = serde_json::to_vec(&big).expect("JSON");
    let nested_arrays: Vec<u8> = [vec![b'['; 10_000], vec![b']'; 10_000]].concat();
    let nested_meta = {
        let open = "{\"a\":".repeat(10_000);
        let close = "}".repeat(10_000);
        let doc = serde_json::to_string(&good_practice()).expect("JSON");
        format!("{}, \"meta\": {open}1{close}}}", doc.strip_suffix('}').expect("an object")).into_bytes()
    };
    let mut invalid_utf8 = serde_json::to_vec(&good_practice()).expect("JSON");
    let title_at = invalid_utf8.windows(12).position(|w| w == b"Une pratique").expect("the title");
    invalid_utf8.splice(title_at..title_at, [0xc3, 0x28, 0xff]);
    let good = || serde_json::to_vec(&good_practice()).expect("JSON");
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(good());
    let huge_number = String::from_utf8(good()).expect("UTF-8").replacen("{", "{\"meta\": 1e400, ", 1);
    vec![
        Case::new(
            "a body over 1 MB (POST)",
            api.json(Method::POST, "/api/v1/items", big.clone()),
            413,
            "payload_too_large",
        ),
        Case::new(
            "a body over 1 MB (PUT)",
            api.json(Method::PUT, "/api/v1/items/locale", big.clone()),
            413,
            "payload_too_large",
        ),
        Case::new(
            "a body over 1 MB (PATCH)",
            api.request(Method::PATCH, "/api/v1/items/locale")
                .header("content-type", "application/merge-patch+json")
                .body(big.clone()),
            413,
            "payload_too_large",
        ),
        Case::new(
            "a body over 1 MB without a token",
            RawRequest::new(Method::POST, "/api/v1/items").header("content-type", "application/json").body(big),
            401,
            "unauthorized",
        ),
        // serde reads a top-level array as the struct's fields in order: the first
        // element must be the slug, a string, so the nesting is never descended.
        Case::new(
            "10,000 nested arrays",
            api.json(Method::POST, "/api/v1/items", nested_arrays.clone()),
            422,
            "validation_failed",
        ),
        Case::new(
            "10,000 nested objects inside meta",
            api.json(Method::POST, "/api/v1/items", nested_meta),
            400,
            "invalid_json",
        ),
        Case::new(
            "a PATCH of 10,000 nested arrays",
            api.request(Method::PATCH, "/api/v1/items/locale")
                .header("content-type", "application/merge-patch+json")
                .body(nested_arrays),
            400,
            "invalid_json",
        ),
        Case::new(
            "a number too large for a float",
            api.json(Method::POST, "/api/v1/items", huge_number),
            400,
            "invalid_json",
        ),
        Case::new(
            "invalid UTF-8 inside a string",
            api.json(Method::POST, "/api/v1/items", invalid_utf8),
            400,
            "invalid_json",
        ),
        Case::new(
            "a byte-order mark before the JSON",
            api.json(Method::POST, "/api/v1/items", with_bom),
            400,
            "invalid_json",
        ),
        Case::new("an empty body", api.json(Method::POST, "/api/v1/items", Vec::new()), 400, "invalid_json"),
        Case::new(
            "Content-Type text/plain",
            api.request(Method::POST, "/api/v1/items").header("content-type", "text/plain").body(good()),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "Content-Type form-urlencoded",
            api.request(Method::POST, "/api/v1/items")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(good()),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "Content-Type text/html on a PUT",
            api.request(Method::PUT, "/api/v1/items/locale").header("content-type", "text/html").body(good()),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "Content-Type text/plain on a PATCH",
            api.request(Method::PATCH, "/api/v1/items/locale").header("content-type", "text/plain").body("{}"),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "no Content-Type",
            api.request(Method::POST, "/api/v1/items").body(good()),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "a PATCH that is not an object",
            api.request(Method::PATCH, "/api/v1/items/locale")
                .header("content-type", "application/merge-patch+json")
                .body("[\"title\"]"),
            400,
            "invalid_patch",
        ),
        Case::new(
            "no token",
            RawRequest::new(Method::POST, "/api/v1/items").header("content-type", "application/json").body(good()),
            401,
            "unauthorized",
        ),
        Case::new(
            "an unknown token",
            RawRequest::new(Method::POST, "/api/v1/items")
                .header("authorization", "Bearer mlg_0000")
                .header("content-type", "application/json")
                .body(good()),
            401,
            "unauthorized",
        ),
        Case::new(
            "a token with SQL in it",
            RawRequest::new(Method::POST, "/api/v1/items")
                .header("authorization", "Bearer mlg_' OR '1'='1")
                .header("content-type", "application/json")
                .body(good()),
            401,
            "unauthorized",
        ),
        Case::new(
            "Basic instead of Bearer",
            RawRequest::new(Method::DELETE, "/api/v1/items/locale").header("authorization", "Basic YWRtaW46YWRtaW4="),
            401,
            "unauthorized",
        ),
        Case::new(
            "a follow request that is not JSON",
            api.json(Method::POST, "/api/v1/following", "target=mallory"),
            400,
            "invalid_json",
        ),
    ]
}

fn path_and_query_cases(api: &Api<'_>) -> Vec<Case> {
    let page = |path: &str| RawRequest::new(Method::GET, path).header("accept", "text/html").verbatim();
    let good = serde_json::to_vec(&good_practice()).expect("JSON");
    let cases = vec![
        Case::new(
            "GET of an encoded traversal slug",
            api.request(Method::GET, "/api/v1/items/..%2F..%2Fetc%2Fpasswd"),
            404,
            "not_found",
        ),
        Case::new("GET of %2e%2e", api.request(Method::GET, "/api/v1/items/%2e%2e"), 404, "not_found"),
        Case::new(
            "GET of revisions through a traversal",
            api.request(Method::GET, "/api/v1/items/..%2Flocale/revisions"),
            404,
            "not_found",
        ),
        Case::new(
            "PUT to a traversal slug",
            api.json(Method::PUT, "/api/v1/items/..%2Flocale", good),
            404,
            "not_found",
        ),
        Case::new(
            "DELETE of a traversal slug",
            api.request(Method::DELETE, "/api/v1/items/..%2Flocale"),
            404,
            "not_found",
        ),
        Case::new(
            "a query parameter that does not exist",
            api.request(Method::GET, "/api/v1/items?admin=1"),
            400,
            "invalid_query",
        ),
        Case::new(
            "per_page that is not a number",
            api.request(Method::GET, "/api/v1/items?per_page=20%20OR%201=1"),
            400,
            "invalid_query",
        ),
        Case::new(
            "updated_from with SQL",
            api.request(Method::GET, "/api/v1/items?updated_from=%27%20OR%201=1%20--"),
            422,
            "validation_failed",
        ),
        Case::new(
            "lifecycle with SQL",
            api.request(Method::GET, "/api/v1/items?lifecycle=published%27%20OR%20%271%27=%271"),
            422,
            "validation_failed",
        ),
        Case::new(
            "kind with HTML",
            api.request(Method::GET, "/api/v1/items?kind=%3Cscript%3E"),
            422,
            "validation_failed",
        ),
        Case {
            name: "page: an encoded traversal slug",
            request: page("/items/..%2F..%2Fetc%2Fpasswd"),
            expect_status: 404,
            expect_code: None,
        },
        Case {
            name: "page: an encoded traversal in a replica id",
            request: page("/replicas/..%2F1"),
            expect_status: 404,
            expect_code: None,
        },
        Case {
            name: "page: a traversal out of /static",
            request: page("/static/..%2F..%2FCargo.toml"),
            expect_status: 404,
            expect_code: None,
        },
        Case {
            name: "page: a revision number that is not a number",
            request: page("/items/locale/revisions/1%20OR%201=1"),
            expect_status: 404,
            expect_code: None,
        },
        Case {
            name: "page: dot segments",
            request: page("/items/x/../../static/style.css"),
            expect_status: 404,
            expect_code: None,
        },
        Case {
            name: "page: encoded dot segments",
            request: page("/items/%2e%2e/%2e%2e/static/style.css"),
            expect_status: 404,
            expect_code: None,
        },
    ];
    cases
        .into_iter()
        .map(|mut case| {
            case.request = case.request.verbatim();
            case
        })
        .collect()
}

async fn api_node() -> (tempfile::TempDir, TestNode) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    node.create(&serde_json::to_value(practice("locale", "Une fiche locale", "Un corps.")).expect("JSON")).await;
    node.settle().await;
    (dir, node)
}

#[tokio::test]
async fn hostile_fields_are_refused_field_by_field_and_nothing_is_written() {
    let (_dir, node) = api_node().await;
    let api = Api { node: &node };
    let mut failures = Vec::new();
    let cases = field_cases();
    for case in &cases {
        let before = node.snapshot().await;
        let answer = api.create(&case.document).send(&node.http, &node.base).await;
        let fields = answer.json()["error"]["fields"].clone();
        let named = fields.as_array().into_iter().flatten().any(|f| f["path"] == case.path && f["code"] == case.code);
        if answer.status != 422 || answer.code.as_deref() != Some("validation_failed") || !named {
            let text: String = answer.text.chars().take(300).collect();
            failures.push(format!(
                "{}: expected 422 validation_failed with {} {}, got {} {text}",
                case.name, case.path, case.code, answer.status
            ));
        }
        let changes = node.snapshot().await.changes_since(&before);
        if !changes.is_empty() {
            failures.push(format!("{}: the database changed: {}", case.name, changes.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} field cases failed:\n  {}",
        failures.len(),
        cases.len(),
        failures.join("\n  ")
    );
}

#[tokio::test]
async fn hostile_bodies_and_headers_are_refused_and_nothing_is_written() {
    let (_dir, node) = api_node().await;
    run_cases(&node, body_cases(&Api { node: &node })).await;
}

#[tokio::test]
async fn traversal_and_injected_query_parameters_are_refused() {
    let (_dir, node) = api_node().await;
    run_cases(&node, path_and_query_cases(&Api { node: &node })).await;
}

#[tokio::test]
async fn trailing_garbage_after_a_json_document_is_invalid_json() {
    let (_dir, node) = api_node().await;
    let api = Api { node: &node };
    let mut body = serde_json::to_vec(&good_practice()).expect("JSON");
    body.extend_from_slice(b" {\"title\": \"smuggled\"} garbage");
    run_cases(
        &node,
        vec![Case::new(
            "JSON followed by trailing garbage",
            api.json(Method::POST, "/api/v1/items", body),
            400,
            "invalid_json",
        )],
    )
    .await;
}

#[tokio::test]
async fn a_document_given_as_a_positional_array_is_refused() {
    let (_dir, node) = api_node().await;
    let api = Api { node: &node };
    let positional = json!([null, "good_practice", "Titre positionnel", "Un résumé.", "Un corps.", "fr", [], "CC0-1.0", [{"name": "X"}], {"name": "Bordeaux", "scale": "commune"}, [], [], [], [], [], [], [], [], "draft"]);
    run_cases(
        &node,
        vec![Case::new(
            "a document given as a positional JSON array",
            api.create(&positional),
            422,
            "validation_failed",
        )],
    )
    .await;
}

#[tokio::test]
async fn an_absurd_page_number_is_answered_without_overflow() {
    let (_dir, node) = api_node().await;
    let api = Api { node: &node };
    for path in [
        "/api/v1/items?page=9223372036854775807",
        "/api/v1/items?page=-9223372036854775808&per_page=9223372036854775807",
    ] {
        let answer = api.request(Method::GET, path).send(&node.http, &node.base).await;
        assert_eq!(answer.status, 200, "{path}: {}", answer.text);
    }
    let answer = RawRequest::new(Method::GET, "/catalogue?page=9223372036854775807")
        .header("accept", "text/html")
        .send(&node.http, &node.base)
        .await;
    assert!(matches!(answer.status, 200 | 400), "catalogue: {}", answer.status);
}
