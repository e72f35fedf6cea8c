//! `maillage export`: every local item in the import format, so that export → import on
//! an empty node reproduces the content; the files of the items go to `media/` beside the
//! item files, named by their SHA-256, where the import finds them again.

use crate::content::files::to_markdown_file;
use crate::msg;
use crate::operations::Node;
use anyhow::Context;
use indicatif::ProgressBar;
use std::path::Path;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Un fichier Markdown avec en-tête YAML par fiche, dans un dossier.
    Markdown,
    /// Un fichier JSON qui contient la liste des fiches.
    Json,
}

pub async fn export_items(node: &Node, out: &Path, format: Format) -> anyhow::Result<()> {
    let items = crate::operations::items::queries::local_items(node).await.context(msg!("cli-export-cannot-read"))?;
    let bar = ProgressBar::new(items.len() as u64);
    match format {
        Format::Json => {
            let documents: Vec<_> = items.iter().map(|i| &i.document).collect();
            let json = serde_json::to_string_pretty(&documents).context(msg!("cli-export-cannot-write-json"))?;
            std::fs::write(out, json).with_context(|| msg!("cli-cannot-write", path = out.display().to_string()))?;
            bar.inc(items.len() as u64);
        }
        Format::Markdown => {
            std::fs::create_dir_all(out)
                .with_context(|| msg!("cli-cannot-create-folder", path = out.display().to_string()))?;
            for item in &items {
                let text = to_markdown_file(&item.document).context(msg!("cli-export-cannot-write-markdown"))?;
                let path = out.join(format!("{}.md", item.slug));
                std::fs::write(&path, text)
                    .with_context(|| msg!("cli-cannot-write", path = path.display().to_string()))?;
                bar.inc(1);
            }
        }
    }
    bar.finish_and_clear();
    let folder = match format {
        Format::Markdown => out.to_path_buf(),
        Format::Json => out.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let files = export_files(node, &items, &folder.join(MEDIA_FOLDER))?;
    super::out(msg!(
        "cli-export-done",
        items = items.len(),
        files = files,
        folder = folder.join(MEDIA_FOLDER).display().to_string()
    ))
}

/// Where an export puts the files of its items (named by digest), beside the item files.
pub const MEDIA_FOLDER: &str = "media";

/// Copies every file the items use into `folder`; returns how many.
fn export_files(node: &Node, items: &[crate::operations::Item], folder: &Path) -> anyhow::Result<usize> {
    let digests: std::collections::BTreeSet<&str> =
        items.iter().flat_map(|i| i.document.media.iter().flat_map(|m| m.digests())).collect();
    if digests.is_empty() {
        return Ok(0);
    }
    std::fs::create_dir_all(folder)
        .with_context(|| msg!("cli-cannot-create-folder", path = folder.display().to_string()))?;
    for sha256 in &digests {
        let bytes = crate::operations::items::media::stored_bytes(node, sha256)
            .with_context(|| msg!("cli-export-media-unreadable", sha256 = *sha256))?;
        let path = folder.join(sha256);
        std::fs::write(&path, bytes).with_context(|| msg!("cli-cannot-write", path = path.display().to_string()))?;
    }
    Ok(digests.len())
}
