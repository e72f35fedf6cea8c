//! B7, pictures and documents (issue 15): uploading a 4,000 × 3,000 JPEG to a real
//! `maillage serve` process (checks, decoding, two re-encoded variants, storage), with
//! the process's peak memory; serving a picture (req/s); and the time until three
//! followers hold their own checked copy of a 20 MB PDF. Baselines from the same run:
//! decoding the JPEG alone, the process's memory before the uploads, an empty GET, and
//! downloading the PDF three times over loopback.

use crate::b3_replication::follow_accepted;
use crate::loadgen::{self, get_request, Schedule, Stop};
use crate::nodes::{free_port, settings, spawn_baseline, spawn_serve, RunningNode, Scratch};
use crate::report::{median, progress, Goal, Row};
use crate::BENCH;
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use maillage::content::ItemDocument;
use maillage::operations::items::media::{sha256_hex, Upload};
use maillage::operations::outbound::attachments::attach;
use maillage::operations::outbound::publish::create_item;
use maillage::operations::people::scopes::Scopes;
use maillage::operations::{people::accounts, Node};
use maillage::startup::build_node;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Config {
    pub repetitions: usize,
    pub seconds: f64,
    pub pdf_megabytes: usize,
}

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    let mut rows = upload_and_serve(config).await?;
    rows.extend(followers_hold_a_pdf(config).await?);
    Ok(rows)
}

/// A 4,000 × 3,000 photo-like JPEG (gradients and texture, so it compresses like one).
fn photo() -> Vec<u8> {
    let picture = RgbImage::from_fn(4000, 3000, |x, y| {
        let noise = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23) as u8;
        Rgb([(x / 16 % 256) as u8 ^ noise, (y / 12 % 256) as u8, ((x + y) / 28 % 256) as u8 ^ (noise * 3)])
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 88).encode_image(&picture).expect("encoding in memory");
    bytes
}

/// A valid PDF of about `megabytes` MB whose body is incompressible text-free data.
fn large_pdf(megabytes: usize) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n1 0 obj << /Length 0 >> stream\n".to_vec();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while pdf.len() < megabytes * 1_000_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Bytes above 0x80 only: never a ZIP or HTML signature.
        pdf.extend(state.to_le_bytes().iter().map(|b| b | 0x80));
    }
    pdf.extend_from_slice(b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A `multipart/form-data` body with text fields and the file part.
fn multipart(fields: &[(&str, &str)], file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "maillage-bench-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn item_document(slug: &str) -> ItemDocument {
    let mut doc =
        crate::corpus::templates(&maillage::content::Vocabularies::builtin()).expect("templates")[0].document.clone();
    doc.slug = Some(slug.to_owned());
    doc.media.clear();
    doc
}

/// Prepares a database with one item and a token, for a node process to serve.
async fn prepared_database(db: &std::path::Path, port: u16) -> anyhow::Result<String> {
    let node: Node = build_node(settings(db, port, "media")?, port).await?;
    create_item(&node, item_document("photos"), &BENCH).await.map_err(|e| anyhow::anyhow!("create failed: {e}"))?;
    let token = accounts::create_api_token(&node, "bench", &Scopes::all(), &BENCH)
        .await
        .map_err(|e| anyhow::anyhow!("token failed: {e}"))?;
    node.pool.close().await;
    Ok(token)
}

async fn upload_and_serve(config: &Config) -> anyhow::Result<Vec<Row>> {
    let photo = photo();
    let megabytes = photo.len() as f64 / 1e6;
    let mut decode = Vec::new();
    for _ in 0..config.repetitions {
        let started = Instant::now();
        let decoded = image::load_from_memory(&photo)?;
        decode.push(started.elapsed().as_secs_f64() * 1000.0);
        drop(decoded);
    }
    let scratch = Scratch::new("b7")?;
    let port = free_port()?;
    let db = scratch.file("media.db");
    let token = prepared_database(&db, port).await?;
    let server = spawn_serve(&db, port)?;
    let host = format!("127.0.0.1:{port}");
    loadgen::wait_until_serving(server.address, &host, "/", Duration::from_secs(20)).await;
    let (idle_rss, _) = server.rss_mb().unwrap_or((0.0, 0.0));
    let http = reqwest::Client::new();
    let mut uploads = Vec::new();
    let mut thumbnail = String::new();
    for rep in 0..config.repetitions {
        // A different picture each time (one pixel changed), so nothing is deduplicated.
        let mut bytes = photo.clone();
        let at = bytes.len() / 2;
        bytes[at] ^= (rep as u8) + 1;
        let alt = format!("Photo {rep}");
        let (content_type, body) = multipart(&[("title", "Photo"), ("alt", &alt)], "photo.jpg", &bytes);
        let started = Instant::now();
        let response = http
            .post(format!("http://{host}/api/v1/items/photos/media"))
            .bearer_auth(&token)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await?;
        let status = response.status();
        let answer: serde_json::Value = response.json().await.unwrap_or_default();
        uploads.push(started.elapsed().as_secs_f64() * 1000.0);
        if !status.is_success() {
            anyhow::bail!("the upload was refused: {status} {answer}");
        }
        if let Some(sha) =
            answer["media"].as_array().and_then(|m| m.last()).and_then(|m| m["thumbnail"]["sha256"].as_str())
        {
            thumbnail = format!("/media/{sha}");
        }
    }
    let (_, peak_rss) = server.rss_mb().unwrap_or((0.0, 0.0));
    progress(format!(
        "B7: upload of a {megabytes:.1} MB 4000×3000 JPEG: {:.0} ms (decode alone {:.0} ms), peak RSS {peak_rss:.1} MB",
        median(&uploads),
        median(&decode)
    ));

    let serving = saturated_rates(server.address, get_request(&host, &thumbnail, "image/*"), config).await?;
    server.stop().await;
    let baseline_port = free_port()?;
    let baseline = spawn_baseline(baseline_port)?;
    let baseline_host = format!("127.0.0.1:{baseline_port}");
    loadgen::wait_until_serving(baseline.address, &baseline_host, "/", Duration::from_secs(10)).await;
    let empty = saturated_rates(baseline.address, get_request(&baseline_host, "/", "text/html"), config).await?;
    baseline.stop().await;
    progress(format!("B7: serving a thumbnail {:.0} req/s (empty GET {:.0} req/s)", median(&serving), median(&empty)));

    Ok(vec![
        Row::new(
            "B7",
            format!("upload + variants of a 4,000 × 3,000 JPEG ({megabytes:.1} MB), API to stored"),
            median(&uploads),
            "ms",
        )
        .baseline("decoding the JPEG alone", median(&decode))
        .goal(Goal::None, "—"),
        Row::new("B7", "peak RSS of the node during the uploads", peak_rss, "MB")
            .baseline("RSS of the same process before them", idle_rss)
            .goal(Goal::None, "—"),
        Row::new("B7", "serving a picture (thumbnail), 16 connections", median(&serving), "req/s")
            .baseline("empty GET (actix-web)", median(&empty))
            .goal(Goal::None, "—"),
    ])
}

/// Requests per second of `request` on 16 keep-alive connections, once per repetition;
/// every answer must be a success.
async fn saturated_rates(
    address: std::net::SocketAddr,
    request: loadgen::RawRequest,
    config: &Config,
) -> anyhow::Result<Vec<f64>> {
    let requests = Arc::new(vec![request]);
    let mut rates = Vec::new();
    for _ in 0..config.repetitions {
        let seconds = Stop::After(Duration::from_secs_f64(config.seconds));
        let result = loadgen::run(address, requests.clone(), Schedule::Saturate, seconds, 16).await;
        if result.count_class(2) != result.completed {
            anyhow::bail!("some answers failed: {}", result.status_summary());
        }
        rates.push(result.per_second());
    }
    Ok(rates)
}

async fn followers_hold_a_pdf(config: &Config) -> anyhow::Result<Vec<Row>> {
    let pdf = large_pdf(config.pdf_megabytes);
    let sha = sha256_hex(&pdf);
    let mut held_times = Vec::new();
    let mut transfer_times = Vec::new();
    for rep in 0..config.repetitions {
        let scratch = Scratch::new("b7-followers")?;
        let origin = RunningNode::start(scratch.file("origin.db"), 0, "origine").await?;
        let mut followers = Vec::new();
        for i in 0..3 {
            let follower = RunningNode::start(scratch.file(&format!("f{i}.db")), 0, &format!("suiveur{i}")).await?;
            follow_accepted(&follower, &origin).await?;
            followers.push(follower);
        }
        let slug = format!("rapport-{rep}");
        create_item(&origin.node, item_document(&slug), &BENCH)
            .await
            .map_err(|e| anyhow::anyhow!("create failed: {e}"))?;
        let upload = Upload {
            bytes: pdf.clone(),
            file_name: Some("rapport.pdf".into()),
            title: "Rapport".into(),
            ..Default::default()
        };
        let started = Instant::now();
        attach(&origin.node, &slug, upload, &BENCH).await.map_err(|e| anyhow::anyhow!("attach failed: {e}"))?;
        let deadline = started + Duration::from_secs(120);
        loop {
            let mut held = 0;
            for f in &followers {
                held += usize::from(
                    maillage::operations::items::media::stored_file(&f.node, &sha).await.ok().flatten().is_some(),
                );
            }
            if held == followers.len() {
                break;
            }
            if Instant::now() > deadline {
                anyhow::bail!("the followers did not hold the PDF within 120 s");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        held_times.push(started.elapsed().as_secs_f64() * 1000.0);
        let http = reqwest::Client::new();
        let started = Instant::now();
        for _ in 0..3 {
            let bytes = http.get(format!("http://127.0.0.1:{}/media/{sha}", origin.port)).send().await?.bytes().await?;
            anyhow::ensure!(bytes.len() == pdf.len(), "short download");
        }
        transfer_times.push(started.elapsed().as_secs_f64() * 1000.0);
        for node in followers.into_iter().chain(std::iter::once(origin)) {
            node.stop().await;
        }
    }
    progress(format!(
        "B7: 3 followers hold a {} MB PDF after {:.0} ms (3 downloads: {:.0} ms)",
        config.pdf_megabytes,
        median(&held_times),
        median(&transfer_times)
    ));
    Ok(vec![Row::new(
        "B7",
        format!("3 followers hold their checked copy of a {} MB PDF, from the upload", config.pdf_megabytes),
        median(&held_times),
        "ms",
    )
    .baseline("downloading it 3 times over loopback", median(&transfer_times))
    .goal(Goal::None, "—")])
}
