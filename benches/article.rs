//! Micro-benchmarks of an item on the wire: building the JSON-LD `Article` of a full
//! project sheet and serializing it (every delivery and every GET of an item), and
//! reading one back from bytes (every incoming Create/Update). `cargo bench --bench article`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maillage::content::markdown::render_markdown;
use maillage::content::Vocabularies;
use maillage::federation::article::{parse_article, LocalArticle};
use std::hint::black_box;
use std::time::Duration;

#[allow(dead_code)]
#[path = "../src/bin/maillage-bench/corpus.rs"]
mod corpus;

fn article(c: &mut Criterion) {
    let vocab = Vocabularies::builtin();
    let template = corpus::templates(&vocab).expect("demo documents are valid").swap_remove(0);
    let document = template.document;
    let body_html = render_markdown(&document.body);
    let now = chrono::Utc::now();
    let local = LocalArticle {
        uri: "http://127.0.0.1:8081/items/pays-aix",
        actor: "http://127.0.0.1:8081/actor",
        followers: "http://127.0.0.1:8081/followers",
        base_url: "http://127.0.0.1:8081/",
        document: &document,
        body_html: &body_html,
        published: Some(now),
        updated: now,
    };
    let bytes = serde_json::to_vec(&local.to_json(&vocab)).expect("serializes");

    let mut group = c.benchmark_group("article");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("to_json + serialize (full project sheet)", |b| {
        b.iter(|| serde_json::to_vec(&black_box(&local).to_json(&vocab)).expect("serializes"))
    });
    group.bench_function("from bytes + parse_article (full project sheet)", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_slice(black_box(&bytes)).expect("JSON");
            parse_article(&value).expect("our own article parses")
        })
    });
    group.bench_function("render Markdown body", |b| b.iter(|| render_markdown(black_box(&document.body))));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = article
}
criterion_main!(benches);
