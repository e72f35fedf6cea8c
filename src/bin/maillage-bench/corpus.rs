//! Realistic items in bulk: the eleven demo documents (real project sheets, practices and
//! experiences) used as templates, each copy with its own title, slug, territory and a
//! rare "batch" word, so that filters and searches select realistic fractions.
//!
//! Bulk loading writes the same rows as `create_item` (item, terms, analysed index row,
//! revision) through the `storage` and `write` functions, many items per transaction; rendering and
//! validation happen once per template. Also used by `benches/search.rs`.

use anyhow::Context;
use chrono::{Duration as ChronoDuration, Utc};
use maillage::content::files::parse_markdown_file;
use maillage::content::markdown::{render_markdown, to_plain_text};
use maillage::content::search::Analyzer;
use maillage::content::{validate, ItemDocument, Vocabularies};
use maillage::operations::items::write::{analysed_columns, index_item, item_terms, term_pairs};
use maillage::storage::{self, items::ItemWrite, timestamp};
use sqlx::SqlitePool;
use std::time::{Duration, Instant};

const DEMO: &[&str] = &[
    include_str!("../../../demo/01-pays-aix-sud-luberon-ecosysteme-alimentaire.md"),
    include_str!("../../../demo/02-dynamo-ariege.md"),
    include_str!("../../../demo/03-territoires-a-vivres.md"),
    include_str!("../../../demo/04-ecologie-economique-territoriale-7-etapes.md"),
    include_str!("../../../demo/05-grille-six-registres-modele-economique.md"),
    include_str!("../../../demo/06-reperer-effets-utiles-projet-territorial.md"),
    include_str!("../../../demo/07-marseille-effets-utiles-epiceries.md"),
    include_str!("../../../demo/08-territoires-a-vivres-aix-marseille.md"),
    include_str!("../../../demo/09-territoires-a-vivres-lyon.md"),
    include_str!("../../../demo/10-territoires-a-vivres-montpellier.md"),
    include_str!("../../../demo/11-territoires-a-vivres-toulouse.md"),
];

/// Places items are about; each holds about 1/120 of the corpus.
pub const PLACES: &[&str] = &[
    "Aubagne",
    "Foix",
    "Pamiers",
    "Manosque",
    "Pertuis",
    "Gardanne",
    "Vitrolles",
    "Istres",
    "Martigues",
    "Salon",
    "Arles",
    "Tarascon",
    "Cavaillon",
    "Apt",
    "Carpentras",
    "Orange",
    "Avignon",
    "Nîmes",
    "Alès",
    "Uzès",
    "Lunel",
    "Sète",
    "Agde",
    "Béziers",
    "Narbonne",
    "Carcassonne",
    "Limoux",
    "Castelnaudary",
    "Albi",
    "Castres",
    "Rodez",
    "Millau",
    "Cahors",
    "Figeac",
    "Montauban",
    "Auch",
    "Tarbes",
    "Lourdes",
    "Pau",
    "Oloron",
    "Bayonne",
    "Dax",
    "Mont-de-Marsan",
    "Agen",
    "Marmande",
    "Périgueux",
    "Bergerac",
    "Sarlat",
    "Brive",
    "Tulle",
    "Aurillac",
    "Mende",
    "Le Puy",
    "Privas",
    "Aubenas",
    "Valence",
    "Romans",
    "Montélimar",
    "Die",
    "Gap",
    "Briançon",
    "Digne",
    "Sisteron",
    "Grasse",
    "Antibes",
    "Draguignan",
    "Brignoles",
    "Hyères",
    "Toulon",
    "La Ciotat",
    "Annonay",
    "Vienne",
    "Bourgoin",
    "Voiron",
    "Grenoble",
    "Chambéry",
    "Annecy",
    "Thonon",
    "Bourg",
    "Oyonnax",
    "Mâcon",
    "Chalon",
    "Autun",
    "Nevers",
    "Moulins",
    "Vichy",
    "Montluçon",
    "Guéret",
    "Limoges",
    "Poitiers",
    "Niort",
    "Angoulême",
    "Cognac",
    "Saintes",
    "Rochefort",
    "Royan",
    "Libourne",
    "Arcachon",
    "Langon",
    "Lesparre",
    "Quimper",
    "Brest",
    "Morlaix",
    "Lannion",
    "Vannes",
    "Lorient",
    "Redon",
    "Rennes",
    "Fougères",
    "Vitré",
    "Laval",
    "Mayenne",
    "Alençon",
    "Argentan",
    "Lisieux",
    "Bayeux",
    "Cherbourg",
    "Granville",
    "Avranches",
    "Coutances",
];

/// Words common in the corpus (every template or most of them use them).
pub const COMMON_WORDS: &[&str] =
    &["alimentaire", "territoire", "projet", "acteurs", "économie circulaire", "agriculteurs", "coopération", "local"];

pub struct Template {
    pub document: ItemDocument,
    pub kind: &'static str,
    pub body_html: String,
    pub body_text: String,
}

/// The demo documents, validated, with their rendered bodies.
pub fn templates(vocab: &Vocabularies) -> anyhow::Result<Vec<Template>> {
    DEMO.iter()
        .map(|text| {
            let document = parse_markdown_file(text).map_err(|e| anyhow::anyhow!("demo file: {e}"))?;
            let valid = validate(document, vocab).map_err(|e| anyhow::anyhow!("demo document is invalid: {e}"))?;
            let kind = valid.kind().code();
            let mut document = valid.document().clone();
            // Lineage to the demo node's URLs would point nowhere in a bench corpus.
            document.inspired_by.clear();
            let body_html = render_markdown(&document.body);
            let body_text = to_plain_text(&body_html);
            Ok(Template { document, kind, body_html, body_text })
        })
        .collect()
}

/// Copy number `n` of a template: its own title, slug, place and batch word.
pub fn variant(template: &Template, n: usize) -> ItemDocument {
    let mut doc = template.document.clone();
    let place = PLACES[n % PLACES.len()];
    let base_slug = doc.slug.clone().unwrap_or_else(|| "fiche".to_owned());
    doc.slug = Some(format!("{base_slug}-{n}"));
    doc.title = format!("{} — {place} n°{n}", doc.title);
    doc.territory.name = place.to_owned();
    doc.tags.push(batch_word(n));
    doc
}

/// A word shared by 50 consecutive items: a selective search term.
pub fn batch_word(n: usize) -> String {
    format!("lot{}", n / 50)
}

/// Inserts `count` published local items (numbered from `first`) whose URIs start with
/// `base_url` (`http://host:port/`), `batch` per transaction. Returns the time taken.
pub async fn bulk_insert(
    pool: &SqlitePool,
    vocab: &Vocabularies,
    base_url: &str,
    first: usize,
    count: usize,
    batch: usize,
) -> anyhow::Result<Duration> {
    let templates = templates(vocab)?;
    let mut analyzer = Analyzer::default();
    let start = Instant::now();
    let now = Utc::now();
    let mut n = first;
    while n < first + count {
        let end = (n + batch).min(first + count);
        let mut tx = storage::begin_write(pool).await.context("Failed to start a bulk transaction")?;
        for i in n..end {
            let template = &templates[i % templates.len()];
            let doc = variant(template, i);
            let slug = doc.slug.clone().unwrap_or_default();
            let uri = format!("{base_url}items/{slug}");
            // Spread over about three years, newest last.
            let updated = timestamp(now - ChronoDuration::minutes(((first + count - i) * 15) as i64));
            let document_json = serde_json::to_string(&doc).context("Failed to serialize a document")?;
            let review_due = doc.review_due.map(|d| d.to_string());
            let write = ItemWrite {
                uri: &uri,
                slug: &slug,
                origin: None,
                origin_url: None,
                kind: template.kind,
                lifecycle: doc.lifecycle.code(),
                title: &doc.title,
                summary: &doc.summary,
                territory: &doc.territory.name,
                language: &doc.language,
                body_html: &template.body_html,
                updated_at: &updated,
                published_at: Some(&updated),
                review_due: review_due.as_deref(),
                refreshed_at: None,
            };
            let id =
                storage::items::insert_item(&mut tx, &write, &updated).await.context("Failed to insert an item")?;
            storage::item_terms::insert_item_terms(&mut tx, id, &term_pairs(&item_terms(&doc)))
                .await
                .context("Failed to insert terms")?;
            let columns = analysed_columns(&mut analyzer, vocab, &doc, &template.body_text);
            index_item(&mut tx, id, 1, &write, &columns, &doc).await?;
            storage::item_revisions::insert_revision(
                &mut tx,
                id,
                1,
                doc.lifecycle.code(),
                &document_json,
                &updated,
                "bench",
            )
            .await
            .context("Failed to insert a revision")?;
        }
        tx.commit().await.context("Failed to commit a bulk transaction")?;
        n = end;
    }
    Ok(start.elapsed())
}

/// Packs the texts of a corpus written by an older binary (plain documents and bodies),
/// as a node does in the background at start, so that a reused corpus is measured as a
/// node would serve it. Returns how many texts it packed.
pub async fn pack_reused(db: &std::path::Path, progress: impl Fn(String)) -> anyhow::Result<usize> {
    let pool = storage::connect(db).await?;
    let mut packed = 0;
    let mut last = Instant::now();
    loop {
        let done = storage::item_revisions::pack_plain_texts(&pool, 2000).await?;
        if done == 0 {
            break;
        }
        packed += done;
        if last.elapsed() > Duration::from_secs(10) {
            progress(format!("packing the corpus's stored texts: {packed} done"));
            last = Instant::now();
        }
    }
    pool.close().await;
    Ok(packed)
}
