//! The demo items made from the seed documents (`demo/*.md`, compiled in), loaded by
//! `maillage serve --demo`.

use crate::content::files::parse_markdown_file;
use crate::operations::{import::import_document, Node};
use anyhow::Context;

/// (file name, contents) of every demo item.
pub const DEMO_FILES: &[(&str, &str)] = &[
    ("01-pays-aix-sud-luberon-ecosysteme-alimentaire.md", include_str!("../../demo/01-pays-aix-sud-luberon-ecosysteme-alimentaire.md")),
    ("02-dynamo-ariege.md", include_str!("../../demo/02-dynamo-ariege.md")),
    ("03-territoires-a-vivres.md", include_str!("../../demo/03-territoires-a-vivres.md")),
    ("04-ecologie-economique-territoriale-7-etapes.md", include_str!("../../demo/04-ecologie-economique-territoriale-7-etapes.md")),
    ("05-grille-six-registres-modele-economique.md", include_str!("../../demo/05-grille-six-registres-modele-economique.md")),
    ("06-reperer-effets-utiles-projet-territorial.md", include_str!("../../demo/06-reperer-effets-utiles-projet-territorial.md")),
    ("07-marseille-effets-utiles-epiceries.md", include_str!("../../demo/07-marseille-effets-utiles-epiceries.md")),
    ("08-territoires-a-vivres-aix-marseille.md", include_str!("../../demo/08-territoires-a-vivres-aix-marseille.md")),
    ("09-territoires-a-vivres-lyon.md", include_str!("../../demo/09-territoires-a-vivres-lyon.md")),
    ("10-territoires-a-vivres-montpellier.md", include_str!("../../demo/10-territoires-a-vivres-montpellier.md")),
    ("11-territoires-a-vivres-toulouse.md", include_str!("../../demo/11-territoires-a-vivres-toulouse.md")),
];

pub async fn load_demo_items(node: &Node) -> anyhow::Result<()> {
    for (name, text) in DEMO_FILES {
        let doc = parse_markdown_file(text).map_err(|e| anyhow::anyhow!("demo/{name}: {e}"))?;
        import_document(node, doc, "demo").await.with_context(|| format!("Failed to load demo/{name}"))?;
    }
    tracing::info!(count = DEMO_FILES.len(), "demo items loaded");
    Ok(())
}
