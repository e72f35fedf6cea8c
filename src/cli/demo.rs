//! The demo items made from the seed documents (`demo/*.md`, compiled in), loaded by
//! `maillage serve --demo`.

use crate::content::files::parse_markdown_file;
use crate::operations::{import::import_document, Node};
use anyhow::Context;

/// (file name, contents) of every demo item.
pub const DEMO_FILES: &[(&str, &str)] = &[];

pub async fn load_demo_items(node: &Node) -> anyhow::Result<()> {
    for (name, text) in DEMO_FILES {
        let doc = parse_markdown_file(text).map_err(|e| anyhow::anyhow!("demo/{name}: {e}"))?;
        import_document(node, doc, "demo").await.with_context(|| format!("Failed to load demo/{name}"))?;
    }
    tracing::info!(count = DEMO_FILES.len(), "demo items loaded");
    Ok(())
}
