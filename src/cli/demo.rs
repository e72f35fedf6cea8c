//! The demo items made from the seed documents (`demo/*.md`, compiled in), loaded by
//! `maillage serve --demo` and by the demo network (`maillage demo`).

use crate::content::files::parse_markdown_file;
use crate::content::ItemDocument;
use crate::msg;
use crate::operations::people::audit::Actor;
use crate::operations::{outbound::import::import_document, Node};
use anyhow::Context;

/// (file name, contents) of every demo item.
pub const DEMO_FILES: &[(&str, &str)] = &[
    (
        "01-pays-aix-sud-luberon-ecosysteme-alimentaire.md",
        include_str!("../../demo/01-pays-aix-sud-luberon-ecosysteme-alimentaire.md"),
    ),
    ("02-dynamo-ariege.md", include_str!("../../demo/02-dynamo-ariege.md")),
    ("03-territoires-a-vivres.md", include_str!("../../demo/03-territoires-a-vivres.md")),
    (
        "04-ecologie-economique-territoriale-7-etapes.md",
        include_str!("../../demo/04-ecologie-economique-territoriale-7-etapes.md"),
    ),
    (
        "05-grille-six-registres-modele-economique.md",
        include_str!("../../demo/05-grille-six-registres-modele-economique.md"),
    ),
    (
        "06-reperer-effets-utiles-projet-territorial.md",
        include_str!("../../demo/06-reperer-effets-utiles-projet-territorial.md"),
    ),
    ("07-marseille-effets-utiles-epiceries.md", include_str!("../../demo/07-marseille-effets-utiles-epiceries.md")),
    ("08-territoires-a-vivres-aix-marseille.md", include_str!("../../demo/08-territoires-a-vivres-aix-marseille.md")),
    ("09-territoires-a-vivres-lyon.md", include_str!("../../demo/09-territoires-a-vivres-lyon.md")),
    ("10-territoires-a-vivres-montpellier.md", include_str!("../../demo/10-territoires-a-vivres-montpellier.md")),
    ("11-territoires-a-vivres-toulouse.md", include_str!("../../demo/11-territoires-a-vivres-toulouse.md")),
];

/// The base URL the demo files use for links between demo items.
const DEMO_FILES_BASE: &str = "http://127.0.0.1:8080/";

/// The demo documents, parsed, each after the demo items it is inspired by (so that an
/// item's inspirations exist when it is published and their origin hears of it; other links,
/// such as evidence and practices, may go both ways).
pub fn demo_documents() -> anyhow::Result<Vec<(&'static str, ItemDocument)>> {
    let mut pending = DEMO_FILES
        .iter()
        .map(|(name, text)| {
            parse_markdown_file(text).map(|doc| (*name, doc)).map_err(|e| anyhow::anyhow!("demo/{name} : {e}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut ordered = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let waits = |doc: &ItemDocument| {
            doc.inspired_by.iter().any(|uri| pending.iter().any(|(_, other)| is_demo_item(uri, other)))
        };
        let ready = pending.iter().position(|(_, doc)| !waits(doc)).unwrap_or(0);
        ordered.push(pending.remove(ready));
    }
    Ok(ordered)
}

/// Whether `uri` is the demo files' link to `doc`.
fn is_demo_item(uri: &str, doc: &ItemDocument) -> bool {
    doc.slug.as_deref().is_some_and(|slug| uri == format!("{DEMO_FILES_BASE}items/{slug}"))
}

/// Points the links between demo items (`inspired_by`, `about.item`, …) at the node that
/// holds each item: `base_of(slug)` is that node's base URL.
pub fn rewrite_links(doc: ItemDocument, base_of: &dyn Fn(&str) -> Option<String>) -> anyhow::Result<ItemDocument> {
    let mut json = serde_json::to_string(&doc).context(msg!("cli-demo-item-unreadable"))?;
    let prefix = format!("{DEMO_FILES_BASE}items/");
    let mut rewritten = String::with_capacity(json.len());
    while let Some(start) = json.find(&prefix) {
        let rest = &json[start + prefix.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        let slug = &rest[..end];
        rewritten.push_str(&json[..start]);
        match base_of(slug) {
            Some(base) => rewritten.push_str(&format!("{base}items/{slug}")),
            None => rewritten.push_str(&json[start..start + prefix.len() + end]),
        }
        json = rest[end..].to_owned();
    }
    rewritten.push_str(&json);
    serde_json::from_str(&rewritten).context(msg!("cli-demo-item-unreadable-rewritten"))
}

/// Imports a demo item with its demo pictures and documents.
pub async fn import_with_files(node: &Node, mut doc: ItemDocument) -> anyhow::Result<()> {
    let files = super::demo_media::prepared_files(node, doc.slug.as_deref().unwrap_or_default()).await?;
    doc.media.extend(files.iter().map(|f| f.entry.clone()));
    let files: Vec<&crate::operations::items::media::Prepared> = files.iter().collect();
    import_document(node, doc, &files, &Actor::Cli("demo")).await?;
    Ok(())
}

/// Loads every demo item into one node (`serve --demo`).
pub async fn load_demo_items(node: &Node) -> anyhow::Result<()> {
    let base = node.base_url.to_string();
    for (name, doc) in demo_documents()? {
        let doc = rewrite_links(doc, &|_| Some(base.clone()))?;
        import_with_files(node, doc).await.with_context(|| msg!("cli-demo-cannot-load", name = name))?;
    }
    tracing::info!(count = DEMO_FILES.len(), "demo items loaded");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_is_a_valid_published_item() {
        let vocab = crate::content::Vocabularies::builtin();
        let documents = demo_documents().expect("demo files parse");
        assert!(documents.len() >= 8);
        for (name, doc) in documents {
            let item = crate::content::validate(doc, &vocab).unwrap_or_else(|e| panic!("demo/{name}: {e}"));
            assert!(item.document().lifecycle.is_public(), "demo/{name} must be published");
        }
    }

    #[test]
    fn item_pages_shift_the_stored_body_as_rendering_with_the_offset_would() {
        use crate::content::markdown::{render_markdown, render_markdown_with_heading_offset, shift_headings};
        for (name, doc) in demo_documents().expect("demo files parse") {
            assert_eq!(
                shift_headings(&render_markdown(&doc.body), 1),
                render_markdown_with_heading_offset(&doc.body, 1),
                "demo/{name}"
            );
        }
    }

    #[test]
    fn a_demo_item_comes_after_the_demo_items_it_is_inspired_by() {
        let documents = demo_documents().expect("demo files parse");
        let mut checked = 0;
        for (index, (_, doc)) in documents.iter().enumerate() {
            for uri in &doc.inspired_by {
                if let Some(target) = documents.iter().position(|(_, other)| is_demo_item(uri, other)) {
                    assert!(target < index, "{uri} must come before {:?}", doc.slug);
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "some demo items are inspired by others");
    }

    #[test]
    fn links_between_demo_items_point_at_the_node_that_holds_them() {
        let doc = ItemDocument {
            inspired_by: vec![format!("{DEMO_FILES_BASE}items/methode"), "https://ailleurs.example/items/x".into()],
            ..Default::default()
        };
        let doc = rewrite_links(doc, &|slug| (slug == "methode").then(|| "http://127.0.0.1:9001/".to_owned()))
            .expect("rewrite");
        assert_eq!(
            doc.inspired_by,
            vec!["http://127.0.0.1:9001/items/methode".to_owned(), "https://ailleurs.example/items/x".to_owned()]
        );
    }
}
