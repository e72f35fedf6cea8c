//! Micro-benchmarks of full-text search (`storage::search`) on a database of realistic
//! items: a selective word, a place name, a common word (most items match), with the
//! total, and the facet counts of a common-word search. `cargo bench --bench search`
//! (`MAILLAGE_BENCH_ITEMS` sets the corpus size, 20,000 by default.)

use criterion::{criterion_group, criterion_main, Criterion};
use maillage::content::search::parse_query;
use maillage::content::Vocabularies;
use maillage::storage::{self, search::ItemQuery};
use std::hint::black_box;
use std::time::Duration;

#[allow(dead_code)]
#[path = "../src/bin/maillage-bench/corpus.rs"]
mod corpus;

fn query(text: &str) -> ItemQuery {
    ItemQuery { text: parse_query(text).ok(), limit: 20, ..Default::default() }
}

fn search(c: &mut Criterion) {
    let items: usize = std::env::var("MAILLAGE_BENCH_ITEMS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let dir = tempfile::tempdir().expect("temporary folder");
    let pool = runtime.block_on(async {
        let pool = storage::connect(&dir.path().join("search.db")).await.expect("database opens");
        corpus::bulk_insert(&pool, &Vocabularies::builtin(), "http://127.0.0.1:8080/", 0, items, 2000)
            .await
            .expect("corpus loads");
        pool
    });
    let selective = query(&corpus::batch_word(items / 2));
    let place = query(corpus::PLACES[7]);
    let common = query("alimentaire");
    // Text searches do not use the facet sets; they stay unloaded.
    let sets = maillage::storage::facet_sets::FacetIndex::default();

    let mut group = c.benchmark_group(format!("search ({items} items)"));
    for (name, q) in
        [("selective word (50 hits)", &selective), ("place name (~1/120 of items)", &place), ("common word", &common)]
    {
        group.bench_function(format!("search_items: {name}"), |b| {
            b.iter(|| runtime.block_on(storage::search::search_items(&pool, &sets, black_box(q))).expect("query runs"))
        });
    }
    group.bench_function("all_facet_counts: common word", |b| {
        b.iter(|| {
            runtime.block_on(storage::search::all_facet_counts(&pool, &sets, black_box(&common))).expect("query runs")
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = search
}
criterion_main!(benches);
