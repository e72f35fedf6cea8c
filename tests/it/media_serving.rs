//! How stored files are served: their type, `nosniff`, a sandboxing CSP, immutable
//! caching with the digest as ETag (304 on `If-None-Match`), byte ranges (206), documents
//! as attachments under their name, and 404 for a digest the node does not hold.

use crate::harness::TestNode;
use crate::media_files::{jpeg, pdf, upload};

#[tokio::test]
async fn a_stored_file_is_served_immutable_with_its_etag_ranges_and_safe_headers() {
    let app = TestNode::spawn().await;
    app.create_ok(&crate::fixtures::practice("pratique", "Une pratique", "Un corps.")).await;
    let http = reqwest::Client::new();
    let report = pdf("rapport servi");
    let (_, item) =
        upload(&http, &app.base, &app.token, "pratique", &[("title", "Rapport")], ("rapport 2024.pdf", &report)).await;
    let (_, item2) = upload(
        &http,
        &app.base,
        &app.token,
        "pratique",
        &[("title", "Photo"), ("alt", "Un champ")],
        ("champ.jpg", &jpeg(200, 100, 0)),
    )
    .await;
    assert_eq!(item["media"][0]["license"], item["license"], "a file without a licence takes the item's");
    let sha = item["media"][0]["file"]["sha256"].as_str().expect("a digest").to_owned();
    let url = format!("{}/media/{sha}/rapport%202024.pdf", app.base);

    let response = http.get(&url).send().await.expect("GET");
    assert_eq!(response.status(), 200);
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-security-policy").contains("sandbox"));
    assert_eq!(header("cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(header("etag"), format!("\"{sha}\""));
    assert_eq!(header("content-disposition"), "attachment; filename=\"rapport 2024.pdf\"");
    assert_eq!(response.bytes().await.expect("bytes").to_vec(), report);

    let not_modified = http.get(&url).header("if-none-match", format!("\"{sha}\"")).send().await.expect("GET");
    assert_eq!(not_modified.status(), 304);
    let range = http.get(&url).header("range", "bytes=0-7").send().await.expect("GET");
    assert_eq!(range.status(), 206);
    assert_eq!(
        range.headers().get("content-range").and_then(|v| v.to_str().ok()),
        Some(format!("bytes 0-7/{}", report.len()).as_str())
    );
    assert_eq!(range.bytes().await.expect("bytes").to_vec(), report[..8].to_vec());

    let picture = item2["media"][1]["file"]["sha256"].as_str().expect("a digest");
    let response = http.get(format!("{}/media/{picture}", app.base)).send().await.expect("GET");
    assert_eq!(response.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("image/jpeg"));
    assert_eq!(response.headers().get("content-disposition").and_then(|v| v.to_str().ok()), Some("inline"));

    for unknown in ["0".repeat(64), "../../etc/passwd".into(), "ABC".into()] {
        let response = http.get(format!("{}/media/{unknown}", app.base)).send().await.expect("GET");
        assert_eq!(response.status(), 404, "{unknown}");
    }
}
