//! Files travel with the items that carry them: a follower downloads its own copy of
//! every picture variant and document of a replica, checks it, and serves it from its own
//! URL even while the origin is down; an update brings the new files and releases the old.

use crate::fixtures::full_project_sheet;
use crate::harness::{follow, run_until_idle, TestNode};
use crate::media_files::{download, jpeg, pdf, upload};

/// Every file of an item, by digest: (digest, media type) from `media[]`.
fn files_of(item: &serde_json::Value) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for m in item["media"].as_array().cloned().unwrap_or_default() {
        for part in ["file", "thumbnail"] {
            if let Some(sha) = m[part]["sha256"].as_str() {
                files.push((sha.to_owned(), m[part]["media_type"].as_str().unwrap_or("").to_owned()));
            }
        }
    }
    files
}

#[tokio::test]
async fn a_follower_serves_its_own_copy_of_every_file_while_the_origin_is_down_and_converges_after_an_update() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ariege = TestNode::start_stepped(dir.path(), "ariege").await;
    let marseille = TestNode::start_stepped(dir.path(), "marseille").await;
    follow(&marseille, &ariege).await;
    let created = ariege.create(&full_project_sheet("jardin")).await;
    let uri = created["meta"]["id"].as_str().expect("uri").to_owned();

    let photo = jpeg(2400, 1600, 40);
    let fields = [
        ("title", "Le jardin partagé"),
        ("alt", "Des parcelles cultivées sous le soleil"),
        ("credit", "Ville de Foix"),
        ("license", "CC-BY-4.0"),
        ("cover", "true"),
    ];
    let (status, _) =
        upload(&ariege.http, &ariege.base, &ariege.token, "jardin", &fields, ("jardin.jpg", &photo)).await;
    assert_eq!(status, 201);
    let report = pdf("rapport d'évaluation");
    let (status, item) = upload(
        &ariege.http,
        &ariege.base,
        &ariege.token,
        "jardin",
        &[("title", "Rapport d'évaluation"), ("license", "CC-BY-4.0")],
        ("rapport.pdf", &report),
    )
    .await;
    assert_eq!(status, 201, "{item}");
    let files = files_of(&item);
    assert_eq!(files.len(), 3, "a large variant, a thumbnail and the PDF: {item}");

    // What the origin stores and serves, byte for byte.
    let mut originals = Vec::new();
    for (sha, _) in &files {
        let (status, _, bytes) = download(&ariege.http, &format!("{}/media/{sha}", ariege.base)).await;
        assert_eq!(status, 200);
        originals.push(bytes);
    }
    assert_eq!(originals[2], report, "documents are stored as uploaded");
    assert_ne!(originals[0], photo, "pictures are re-encoded, never served as uploaded");

    run_until_idle(&[&ariege, &marseille]).await;
    assert!(
        async {
            let mut held = 0;
            for (sha, _) in &files {
                let (status, _, _) = download(&marseille.http, &format!("{}/media/{sha}", marseille.base)).await;
                held += usize::from(status == 200);
            }
            held == files.len()
        }
        .await,
        "the follower holds every file"
    );

    // The origin goes down: the follower still serves every file, identical.
    let ariege_port = ariege.base.rsplit(':').next().and_then(|p| p.parse::<u16>().ok()).expect("a port");
    let ariege_db = ariege.kill().await;
    for ((sha, media_type), original) in files.iter().zip(&originals) {
        let (status, content_type, bytes) = download(&marseille.http, &format!("{}/media/{sha}", marseille.base)).await;
        assert_eq!((status, content_type.as_str()), (200, media_type.as_str()));
        assert_eq!(&bytes, original, "the follower's copy of {sha} is identical");
    }
    // The follower's item points at its own copies.
    let replica: serde_json::Value = marseille
        .http
        .get(format!("{}/api/v1/items?per_page=50", marseille.base))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    let replica = replica["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["meta"]["id"] == uri.as_str())
        .cloned()
        .expect("the replica");
    let links = replica["meta"]["files"].as_array().expect("file links");
    assert_eq!(links.len(), 3);
    assert!(links.iter().all(|l| l["url"].as_str().is_some_and(|u| u.starts_with(&marseille.base))), "{links:?}");
    let page = marseille
        .http
        .get(format!("{}/replicas/{}", marseille.base, marseille.item(&uri).await.expect("replica").id))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains(&format!("src=\"/media/{}\"", files[0].0)),
        "the replica page shows the cover from this node"
    );

    // The origin comes back and replaces the cover: the follower fetches the new picture
    // and lets the old one go.
    let ariege = TestNode::builder(dir.path(), "ariege").again(ariege_db, ariege_port).stepped().start().await;
    let new_photo = jpeg(1200, 900, 200);
    let (status, _) = upload(
        &ariege.http,
        &ariege.base,
        &ariege.token,
        "jardin",
        &[("title", "Le jardin en été"), ("alt", "Les parcelles en été"), ("cover", "true")],
        ("ete.jpg", &new_photo),
    )
    .await;
    assert_eq!(status, 201);
    let response = ariege
        .http
        .delete(format!("{}/api/v1/items/jardin/media/{}", ariege.base, files[0].0))
        .bearer_auth(&ariege.token)
        .send()
        .await
        .expect("remove");
    assert_eq!(response.status(), 200);
    let item = ariege
        .http
        .get(format!("{}/api/v1/items/jardin", ariege.base))
        .send()
        .await
        .expect("get")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    let new_files = files_of(&item);
    assert_eq!(new_files.len(), 3, "the PDF and the new picture's two variants: {item}");
    run_until_idle(&[&ariege, &marseille]).await;
    assert!(
        async {
            let mut ok = true;
            for (sha, _) in &new_files {
                ok &= download(&marseille.http, &format!("{}/media/{sha}", marseille.base)).await.0 == 200;
            }
            for (sha, _) in &files[..2] {
                ok &= download(&marseille.http, &format!("{}/media/{sha}", marseille.base)).await.0 == 404;
            }
            ok
        }
        .await,
        "the follower holds the new picture and released the old one"
    );
    assert!(!marseille.node.media_folder.holds(&files[0].0), "the old picture's file is gone from disk");

    // The origin retracts the item: the follower lets every file of it go.
    ariege.retract("jardin").await;
    run_until_idle(&[&ariege, &marseille]).await;
    assert!(
        async {
            let mut gone = true;
            for (sha, _) in &new_files {
                gone &= download(&marseille.http, &format!("{}/media/{sha}", marseille.base)).await.0 == 404;
            }
            gone
        }
        .await,
        "the follower released the retracted item's files"
    );
    assert!(new_files.iter().all(|(sha, _)| !marseille.node.media_folder.holds(sha)));
    // The origin keeps its own files: a withdrawn item may be published again.
    assert_eq!(download(&ariege.http, &format!("{}/media/{}", ariege.base, new_files[0].0)).await.0, 200);
    // The bytes kept on write for the quota equal the files' sizes, after stores and releases.
    for node in [&ariege, &marseille] {
        let (kept, summed): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT bytes FROM media_usage), (SELECT COALESCE(SUM(byte_size), 0) FROM media_blobs)",
        )
        .fetch_one(&node.node.pool)
        .await
        .expect("usage");
        assert_eq!(kept, summed);
    }
}
