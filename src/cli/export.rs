//! `maillage export`: every local item in the import format, so that export → import on
//! an empty node reproduces the content.

use crate::content::files::to_markdown_file;
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
    let items = crate::operations::queries::local_items(node).await.context("impossible de lire les éléments")?;
    let bar = ProgressBar::new(items.len() as u64);
    match format {
        Format::Json => {
            let documents: Vec<_> = items.iter().map(|i| &i.document).collect();
            let json = serde_json::to_string_pretty(&documents).context("impossible d'écrire les éléments en JSON")?;
            std::fs::write(out, json).with_context(|| format!("impossible d'écrire {}", out.display()))?;
            bar.inc(items.len() as u64);
        }
        Format::Markdown => {
            std::fs::create_dir_all(out)
                .with_context(|| format!("impossible de créer le dossier {}", out.display()))?;
            for item in &items {
                let text = to_markdown_file(&item.document).context("impossible d'écrire un élément en Markdown")?;
                let path = out.join(format!("{}.md", item.slug));
                std::fs::write(&path, text).with_context(|| format!("impossible d'écrire {}", path.display()))?;
                bar.inc(1);
            }
        }
    }
    bar.finish_and_clear();
    super::out(&format!("{} fiche(s) exportée(s)", items.len()))
}
