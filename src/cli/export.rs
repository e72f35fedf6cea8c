//! `maillage export`: every local item in the import format, so that export → import on
//! an empty node reproduces the content.

use crate::content::files::to_markdown_file;
use crate::operations::{Item, Node};
use crate::storage;
use anyhow::Context;
use indicatif::ProgressBar;
use std::path::Path;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One Markdown file with a YAML front matter per item, in a folder.
    Markdown,
    /// One JSON file holding an array of items.
    Json,
}

pub async fn export_items(node: &Node, out: &Path, format: Format) -> anyhow::Result<()> {
    let rows = storage::items::list_local_items(&node.pool).await.context("Failed to read the items")?;
    let items: Vec<Item> = rows.into_iter().map(Item::from_row).collect::<anyhow::Result<_>>()?;
    let bar = ProgressBar::new(items.len() as u64);
    match format {
        Format::Json => {
            let documents: Vec<_> = items.iter().map(|i| &i.document).collect();
            let json = serde_json::to_string_pretty(&documents).context("Failed to serialize the items")?;
            std::fs::write(out, json).with_context(|| format!("Failed to write {}", out.display()))?;
            bar.inc(items.len() as u64);
        }
        Format::Markdown => {
            std::fs::create_dir_all(out).with_context(|| format!("Failed to create {}", out.display()))?;
            for item in &items {
                let text = to_markdown_file(&item.document).context("Failed to write an item as Markdown")?;
                let path = out.join(format!("{}.md", item.slug));
                std::fs::write(&path, text).with_context(|| format!("Failed to write {}", path.display()))?;
                bar.inc(1);
            }
        }
    }
    bar.finish_and_clear();
    super::out(&format!("{} fiche(s) exportée(s)", items.len()))
}
