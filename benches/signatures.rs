//! Micro-benchmarks of the inbox's and the delivery worker's cryptography: checking an
//! incoming signed POST (Digest, signature parsing, RSA-2048 verification) and signing
//! an outgoing one (what bounds fan-out). `cargo bench --bench signatures`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use maillage::federation::keys::{NodeKeys, RemotePublicKey};
use maillage::federation::signatures::{parse_signature, sign_request, verify_digest};
use reqwest::Method;
use std::hint::black_box;
use std::time::Duration;

fn signatures(c: &mut Criterion) {
    let keys = NodeKeys::generate().expect("key generation works");
    let public = RemotePublicKey::from_pem(keys.public_key_pem()).expect("our key parses");
    let key_id = "http://127.0.0.1:8081/actor#main-key";
    let url = url::Url::parse("http://127.0.0.1:8080/inbox").expect("valid URL");
    // The size of a Create(Article) of a full project sheet.
    let body = vec![b'x'; 8 * 1024];
    let now = chrono::Utc::now();
    let headers = sign_request(&keys, key_id, &Method::POST, &url, Some(&body), now).expect("signing works");

    let mut group = c.benchmark_group("signatures");
    group.throughput(Throughput::Elements(1));
    group.bench_function("inbox check: digest + parse + RSA verify", |b| {
        b.iter(|| {
            verify_digest(&headers, black_box(&body)).expect("digest matches");
            let signature = parse_signature(&Method::POST, "/inbox", &headers, now).expect("parses");
            assert!(signature.verify(&public));
        })
    });
    let signature = parse_signature(&Method::POST, "/inbox", &headers, now).expect("parses");
    group.bench_function("RSA-2048 verify only", |b| b.iter(|| assert!(black_box(&signature).verify(&public))));
    group.bench_function("parse public key PEM (per request without a key cache)", |b| {
        b.iter(|| RemotePublicKey::from_pem(black_box(keys.public_key_pem())).expect("parses"))
    });
    group.bench_function("sign outgoing POST (fan-out, per inbox)", |b| {
        b.iter_batched(
            || body.clone(),
            |body| sign_request(&keys, key_id, &Method::POST, &url, Some(&body), now).expect("signs"),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = signatures
}
criterion_main!(benches);
