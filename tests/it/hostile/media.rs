//! Hostile files: uploads over the limit (cut off while streaming), of a type not
//! accepted, whose bytes contradict their name, SVG, polyglots, decompression bombs and
//! pictures of 100,000 × 100,000 pixels, corrupt PDFs, file names with paths or control
//! characters; and peers that announce a digest the bytes do not match, send more than
//! they declared, or point at a private address under the production policy. Each gets
//! its status and code; no row and no file is left behind.

use super::support::{run_cases, Case, RawRequest};
use crate::fixtures::practice;
use crate::harness::TestNode;
use crate::media_files::{jpeg, multipart, pdf, png_header};
use maillage::operations::inbound::media_fetch::fetch_due;
use maillage::storage::media::{queue_fetch, FetchRow};
use reqwest::Method;
use serde_json::json;

const MAX_DOCUMENT: u64 = 200_000;

async fn node_with_an_item(dir: &std::path::Path, overrides: &[(&str, serde_json::Value)]) -> TestNode {
    let node = TestNode::with_settings(dir, "fichiers", overrides).await;
    let document = serde_json::to_value(practice("pratique", "Une pratique", "Un corps.")).expect("JSON");
    node.create(&document).await;
    node
}

fn upload(node: &TestNode, fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> RawRequest {
    let (content_type, body) = multipart(fields, file);
    RawRequest::new(Method::POST, "/api/v1/items/pratique/media")
        .header("authorization", &format!("Bearer {}", node.token))
        .header("content-type", &content_type)
        .body(body)
}

/// An upload whose file part has this `content-disposition` parameter for its name.
fn upload_named(node: &TestNode, name_parameter: &str, bytes: &[u8]) -> RawRequest {
    let boundary = "b0undary";
    let mut body =
        format!("--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; {name_parameter}\r\n\r\n").into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    RawRequest::new(Method::POST, "/api/v1/items/pratique/media")
        .header("authorization", &format!("Bearer {}", node.token))
        .header("content-type", &format!("multipart/form-data; boundary={boundary}"))
        .body(body)
}

fn files_on_disk(node: &TestNode) -> usize {
    let root = node.node.media_folder.root().to_path_buf();
    walk(&root)
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum())
        .unwrap_or(0)
}

#[tokio::test]
async fn hostile_uploads_are_refused_with_their_code_and_leave_no_row_and_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let node = node_with_an_item(
        dir.path(),
        &[("media.max_document_bytes", json!(MAX_DOCUMENT)), ("media.max_image_bytes", json!(MAX_DOCUMENT / 4))],
    )
    .await;
    let mut large_picture = jpeg(64, 64, 10);
    large_picture.resize(MAX_DOCUMENT as usize / 2, 0);
    let alt = [("alt", "Une image")];
    let mut polyglot = pdf("rapport");
    polyglot.extend_from_slice(b"PK\x03\x04zip-entry....PK\x05\x06end");
    let mut jpeg_with_zip = jpeg(64, 64, 10);
    jpeg_with_zip.extend_from_slice(b"PK\x03\x04zip-entry....PK\x05\x06end");
    let oversized = vec![b'a'; MAX_DOCUMENT as usize * 3];
    let cases = vec![
        Case::new(
            "a document over the limit, cut off while streaming",
            upload(&node, &[], Some(("gros.txt", &oversized))),
            413,
            "media_too_large",
        ),
        Case::new(
            "a GIF",
            upload(&node, &alt, Some(("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"))),
            422,
            "media_type_unsupported",
        ),
        Case::new("a PDF named .jpg", upload(&node, &alt, Some(("photo.jpg", &pdf("x")))), 422, "media_type_mismatch"),
        Case::new(
            "a JPEG named .pdf",
            upload(&node, &[], Some(("rapport.pdf", &jpeg(32, 32, 0)))),
            422,
            "media_type_mismatch",
        ),
        Case::new(
            "an SVG",
            upload(&node, &alt, Some(("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"))),
            422,
            "media_svg_refused",
        ),
        Case::new(
            "an SVG named .png",
            upload(&node, &alt, Some(("logo.png", b"<?xml version='1.0'?>\n<svg/>"))),
            422,
            "media_svg_refused",
        ),
        Case::new(
            "a PDF that is also a ZIP",
            upload(&node, &[], Some(("rapport.pdf", &polyglot))),
            422,
            "media_polyglot",
        ),
        Case::new(
            "a JPEG that is also a ZIP",
            upload(&node, &alt, Some(("photo.jpg", &jpeg_with_zip))),
            422,
            "media_polyglot",
        ),
        Case::new(
            "an HTML page named .txt",
            upload(&node, &[], Some(("notes.txt", b"<html><script>alert(1)</script></html>"))),
            422,
            "media_type_unsupported",
        ),
        Case::new(
            "a CSV that browsers would take for HTML",
            upload(&node, &[], Some(("table.csv", b"a;b\n<script>alert(1)</script>;2\n"))),
            422,
            "media_polyglot",
        ),
        Case::new(
            "a decompression bomb (30,000 x 30,000 in a few bytes)",
            upload(&node, &alt, Some(("bombe.png", &png_header(30_000, 30_000)))),
            422,
            "media_too_many_pixels",
        ),
        Case::new(
            "a picture of 100,000 x 100,000 pixels",
            upload(&node, &alt, Some(("immense.png", &png_header(100_000, 100_000)))),
            422,
            "media_too_many_pixels",
        ),
        Case::new(
            "a corrupt PDF header",
            upload(&node, &[], Some(("rapport.pdf", b"%PDF-1.4\nno end of file marker"))),
            422,
            "media_corrupt",
        ),
        Case::new(
            "a truncated JPEG",
            upload(&node, &alt, Some(("photo.jpg", &jpeg(64, 64, 0)[..60]))),
            422,
            "media_corrupt",
        ),
        Case::new(
            "a path in the file name",
            upload(&node, &[], Some(("../../etc/passwd.pdf", &pdf("x")))),
            422,
            "media_bad_file_name",
        ),
        Case::new(
            "a raw control character in the part's headers",
            upload(&node, &[], Some(("rap\u{1b}port.pdf", &pdf("x")))),
            400,
            "invalid_body",
        ),
        Case::new(
            "a control character in the file name (RFC 5987)",
            upload_named(&node, "filename*=UTF-8''rap%1Bport.pdf", &pdf("x")),
            422,
            "media_bad_file_name",
        ),
        Case::new("an empty file", upload(&node, &[], Some(("vide.txt", b""))), 422, "media_empty"),
        Case::new("no file part", upload(&node, &[("title", "Rien")], None), 422, "media_missing"),
        Case::new(
            "not multipart",
            RawRequest::new(Method::POST, "/api/v1/items/pratique/media")
                .header("authorization", &format!("Bearer {}", node.token))
                .header("content-type", "application/json")
                .body("{}"),
            415,
            "unsupported_media_type",
        ),
        Case::new(
            "a picture without alternative text on a published item",
            upload(&node, &[], Some(("photo.jpg", &jpeg(64, 48, 0)))),
            422,
            "validation_failed",
        ),
        Case::new(
            "a file to an unknown item",
            upload(&node, &alt, Some(("photo.jpg", &jpeg(64, 48, 0)))).at("/api/v1/items/inconnue/media"),
            404,
            "not_found",
        ),
        Case::new(
            "no token",
            upload(&node, &alt, Some(("photo.jpg", &jpeg(64, 48, 0)))).without("authorization"),
            401,
            "unauthorized",
        ),
    ];
    run_cases(&node, cases).await;
    assert_eq!(files_on_disk(&node), 0, "no file written by a refused upload stays on disk");

    // A client cannot name a file this node does not hold.
    let mut document = serde_json::to_value(practice("pratique", "Une pratique", "Un corps.")).expect("JSON");
    document["media"] = json!([{ "kind": "document", "title": "Ailleurs", "file": { "sha256": "a".repeat(64), "media_type": "application/pdf", "size": 10 } }]);
    let answer = RawRequest::new(Method::PUT, "/api/v1/items/pratique")
        .header("authorization", &format!("Bearer {}", node.token))
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&document).expect("JSON"))
        .send(&node.http, &node.base)
        .await;
    assert_eq!(answer.status, 422);
    assert_eq!(answer.json()["error"]["fields"][0]["code"], "media_unknown_file", "{}", answer.json());
}

/// A peer's file queued for download, as a replica would queue it (with the reference
/// of an item, so that no clean-up drops the download as unneeded).
async fn queue(node: &TestNode, url: &str, sha256: &str, media_type: &str, size: usize) {
    let mut conn = node.node.pool.acquire().await.expect("a connection");
    if sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM items").fetch_one(&mut *conn).await.expect("count") == 0 {
        drop(conn);
        node.create(&serde_json::to_value(practice("replique", "Une réplique", "Un corps.")).expect("JSON")).await;
        conn = node.node.pool.acquire().await.expect("a connection");
    }
    sqlx::query("INSERT INTO media_refs (item_id, sha256) SELECT MIN(id), ? FROM items")
        .bind(sha256)
        .execute(&mut *conn)
        .await
        .expect("a reference");
    let fetch = FetchRow {
        sha256: sha256.to_owned(),
        url: url.to_owned(),
        media_type: media_type.to_owned(),
        byte_size: size as i64,
        attempts: 0,
    };
    queue_fetch(&mut conn, &fetch, "2000-01-01T00:00:00.000Z").await.expect("queued");
}

async fn last_errors(node: &TestNode) -> Vec<String> {
    sqlx::query_scalar("SELECT COALESCE(last_error, '') FROM media_fetches ORDER BY url")
        .fetch_all(&node.node.pool)
        .await
        .expect("errors")
}

#[tokio::test]
async fn a_peers_file_whose_bytes_do_not_match_what_it_announced_is_never_stored() {
    use crate::federation::tiny_server::{Reply, TinyServer};
    let dir = tempfile::tempdir().expect("temp dir");
    let node = TestNode::with_settings(dir.path(), "suiveur", &[]).await;
    let honest = pdf("honnête");
    let body = String::from_utf8(honest.clone()).expect("an ASCII PDF");
    let other_pdf = pdf("un autre document");
    let other_body = String::from_utf8(other_pdf.clone()).expect("an ASCII PDF");
    let peer = TinyServer::start(move |seen, _| Reply {
        status: 200,
        headers: vec![("content-type".into(), "application/pdf".into())],
        body: if seen.target == "/c" { other_body.clone() } else { body.clone() },
        delay: std::time::Duration::ZERO,
    })
    .await;
    let sha = maillage::operations::items::media::sha256_hex(&honest);
    // 1: another digest than the bytes'; 2: fewer bytes declared than sent; 3: a picture
    // announced, a PDF sent.
    queue(&node, &format!("{}/a", peer.base), &"b".repeat(64), "application/pdf", honest.len()).await;
    queue(&node, &format!("{}/b", peer.base), &sha, "application/pdf", honest.len() - 10).await;
    let other = maillage::operations::items::media::sha256_hex(&other_pdf);
    queue(&node, &format!("{}/c", peer.base), &other, "image/png", other_pdf.len()).await;
    fetch_due(&node.node, &|| false).await.expect("a step");
    let errors = last_errors(&node).await;
    assert!(errors[0].starts_with("media_hash_mismatch"), "{errors:?}");
    assert!(errors[1].contains("dépasse la taille maximale"), "more bytes than declared: {errors:?}");
    assert!(errors[2].starts_with("media_type_mismatch"), "the right digest and size, another type: {errors:?}");
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM media_blobs").fetch_one(&node.node.pool).await.expect("count");
    assert_eq!(stored, 0);
    assert_eq!(files_on_disk(&node), 0);
}

#[tokio::test]
async fn under_the_production_policy_a_peers_file_on_a_private_address_is_not_fetched() {
    use crate::federation::tiny_server::{Reply, TinyServer};
    let dir = tempfile::tempdir().expect("temp dir");
    let node =
        TestNode::with_settings(dir.path(), "prod", &[("federation.allow_private_addresses", json!(false))]).await;
    let peer = TinyServer::start(|_, _| Reply::status(200)).await;
    let bytes = pdf("interne");
    queue(
        &node,
        &format!("{}/interne.pdf", peer.base),
        &maillage::operations::items::media::sha256_hex(&bytes),
        "application/pdf",
        bytes.len(),
    )
    .await;
    fetch_due(&node.node, &|| false).await.expect("a step");
    assert!(peer.seen().is_empty(), "no request reaches a private address");
    let errors = last_errors(&node).await;
    assert!(errors[0].contains("URL refusée"), "{errors:?}");
    assert_eq!(files_on_disk(&node), 0);
}
