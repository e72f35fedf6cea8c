//! `maillage reindex`: rebuilds the full-text index from the stored items, with a
//! progress bar, and says how long it took and how large the index is.

use super::out;
use crate::msg;
use crate::operations::{node::search_index, Node};
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Instant;

pub async fn reindex(node: &Node) -> anyhow::Result<()> {
    // The bar's placeholders go into the message as they are.
    let template = msg!(
        "cli-reindex-progress",
        bar = "{bar:30}",
        position = "{pos}",
        length = "{len}",
        rate = "{per_sec}",
        eta = "{eta}"
    );
    let bar = ProgressBar::new(search_index::item_count(node).await? as u64);
    bar.set_style(ProgressStyle::with_template(&template.to_string()).unwrap_or_else(|_| ProgressStyle::default_bar()));
    let started = Instant::now();
    let count = search_index::rebuild(node, |done| bar.set_position(done as u64)).await?;
    bar.finish_and_clear();
    let megabytes = search_index::index_bytes(node).await? as f64 / 1e6;
    out(msg!(
        "cli-reindex-done",
        count = count,
        seconds = format!("{:.1}", started.elapsed().as_secs_f64()),
        megabytes = format!("{megabytes:.1}")
    ))
}
