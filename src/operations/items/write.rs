//! What every item write shares: rendering the body, the vocabulary rows, the full-text
//! index row (every searchable field, analysed) and the revision, in the transaction of
//! the write. Local edits, imports and replicas all go through here so that search and
//! facets never disagree with the stored document.

use crate::content::item::FundingLine;
use crate::content::markdown::{render_markdown, to_plain_text};
use crate::content::search::{index_columns, searchable_fields, Analyzer};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, ValidItem, Vocabularies};
use crate::operations::Node;
use crate::storage::item_funding::FundingRow;
use crate::storage::items::ItemWrite;
use crate::storage::{self, search_index::IndexRow};
use anyhow::Context;
use sqlx::SqliteConnection;

/// Values derived from a document for storage.
pub(crate) struct Derived {
    pub document_json: String,
    pub body_html: String,
    /// Analysed terms of the title, lead, structured and body groups, for the index.
    pub index_columns: [String; 4],
}

pub(crate) fn derive(node: &Node, doc: &ItemDocument) -> anyhow::Result<Derived> {
    let document_json = serde_json::to_string(doc).context("Failed to serialize the item document")?;
    let body_html = render_markdown(&doc.body);
    let index_columns = analysed_columns(&mut Analyzer::default(), &node.vocab, doc, &to_plain_text(&body_html));
    Ok(Derived { document_json, body_html, index_columns })
}

/// Every searchable field of an item, analysed, by weight group (`body_text`: the plain
/// text of its rendered body).
pub fn analysed_columns(
    analyzer: &mut Analyzer,
    vocab: &Vocabularies,
    doc: &ItemDocument,
    body_text: &str,
) -> [String; 4] {
    index_columns(analyzer, &searchable_fields(doc, vocab), body_text)
}

/// The (vocabulary, code) pairs of an item, for facets and filters: its vocabulary codes
/// and, under `place`, every place its territory lies in (a commune's EPCI, département,
/// région and country), so that a filter on a région finds its communes' items.
pub fn item_terms(doc: &ItemDocument) -> Vec<(&'static str, String)> {
    let mut terms = Vec::new();
    let mut add =
        |vocabulary: &'static str, codes: &[String]| terms.extend(codes.iter().map(|c| (vocabulary, c.clone())));
    add(names::PILLAR, &doc.pillars);
    add(names::ACTIVITY_DOMAIN, &doc.activity_domains);
    add(names::RESOURCE, &doc.resources);
    add(names::FOOD_THEME, &doc.food_themes);
    add(names::TARGET_AUDIENCE, &doc.target_audiences);
    add(names::PLACE, &doc.territory.match_codes());
    terms
}

/// Terms as the storage functions take them.
pub fn term_pairs<'a>(terms: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    terms.iter().map(|(vocabulary, code)| (*vocabulary, code.as_str())).collect()
}

/// The funding lines of a public item (none otherwise), for the coordination totals,
/// replacing the item's earlier ones.
pub(crate) async fn write_funding(conn: &mut SqliteConnection, item_id: i64, doc: &ItemDocument) -> anyhow::Result<()> {
    storage::item_funding::delete_item_funding(&mut *conn, item_id)
        .await
        .context("Failed to replace the item's funding")?;
    insert_funding(conn, item_id, doc).await
}

async fn insert_funding(conn: &mut SqliteConnection, item_id: i64, doc: &ItemDocument) -> anyhow::Result<()> {
    let lines: Vec<&FundingLine> = if doc.lifecycle.is_public() {
        let sheet = doc.project_sheet.iter().flat_map(|p| &p.funding);
        sheet.chain(doc.experience.iter().flat_map(|e| &e.funding)).collect()
    } else {
        Vec::new()
    };
    let rows: Vec<FundingRow> = lines
        .iter()
        .map(|line| FundingRow {
            funding_type: line.funding_type.as_deref().unwrap_or(""),
            programme: line.programme.as_deref().map(str::trim).unwrap_or(""),
            amount_cents: line.amount_eur.map_or(0, |a| (a * 100.0).round() as i64),
        })
        .collect();
    let places = doc.territory.match_codes();
    let regions: Vec<&str> = places.iter().map(String::as_str).filter(|c| c.starts_with("region:")).collect();
    storage::item_funding::insert_item_funding(conn, item_id, &rows, &regions)
        .await
        .context("Failed to store the item's funding")
}

/// Removes the rows derived from an earlier revision of an item: terms, funding, lineage
/// links and file references (its index row is replaced by [`index_item`]).
async fn clear_derived_rows(conn: &mut SqliteConnection, item_id: i64) -> anyhow::Result<()> {
    storage::item_terms::delete_item_terms(&mut *conn, item_id).await.context("Failed to replace the item's terms")?;
    storage::item_funding::delete_item_funding(&mut *conn, item_id)
        .await
        .context("Failed to replace the item's funding")?;
    storage::item_links::delete_item_links(&mut *conn, item_id)
        .await
        .context("Failed to replace the item's lineage")?;
    storage::media::delete_refs(conn, item_id).await.context("Failed to replace the item's files")
}

/// Writes the rows derived from an item: terms, funding, lineage, search index, file
/// references and the revision snapshot. A first revision (the item was just inserted)
/// has no earlier rows to clear, which saves a delete per table on every new item.
pub(crate) async fn write_derived_rows(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    write: &ItemWrite<'_>,
    derived: &Derived,
    doc: &ItemDocument,
    editor: &str,
) -> anyhow::Result<()> {
    let replaces = revision > 1;
    if replaces {
        clear_derived_rows(conn, item_id).await?;
    }
    storage::item_terms::insert_item_terms(conn, item_id, &term_pairs(&item_terms(doc)))
        .await
        .context("Failed to store the item's terms")?;
    insert_funding(conn, item_id, doc).await?;
    storage::item_links::insert_item_links(conn, item_id, &doc.inspired_by)
        .await
        .context("Failed to store the item's lineage")?;
    index_item_rows(conn, item_id, revision, write, &derived.index_columns, doc, replaces).await?;
    // A replica withdrawn by its origin lets its files go; a local item keeps them.
    let keeps_files = write.origin.is_none() || doc.lifecycle.is_public();
    let files: Vec<&str> = if keeps_files { doc.media.iter().flat_map(|m| m.digests()).collect() } else { Vec::new() };
    storage::media::insert_refs(conn, item_id, &files).await.context("Failed to store the item's files")?;
    storage::item_revisions::insert_revision(
        conn,
        item_id,
        revision,
        write.lifecycle,
        &derived.document_json,
        write.updated_at,
        editor,
    )
    .await
    .context("Failed to store the revision")?;
    Ok(())
}

/// Writes the index row of an item, replacing any earlier one (in the caller's transaction).
pub async fn index_item(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    write: &ItemWrite<'_>,
    columns: &[String; 4],
    doc: &ItemDocument,
) -> anyhow::Result<()> {
    index_item_rows(conn, item_id, revision, write, columns, doc, true).await
}

async fn index_item_rows(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    write: &ItemWrite<'_>,
    columns: &[String; 4],
    doc: &ItemDocument,
    replaces: bool,
) -> anyhow::Result<()> {
    let owned = item_terms(doc);
    let terms = term_pairs(&owned);
    let filters = storage::search_index::filter_tokens(
        write.kind,
        write.lifecycle,
        write.origin.is_none(),
        write.territory,
        &terms,
    );
    let facets = storage::search_index::facet_list(write.kind, write.territory, &terms);
    let row = IndexRow {
        item_id,
        revision,
        updated_at: write.updated_at,
        columns,
        filters: &filters,
        facets: &facets,
        replaces,
    };
    storage::search_index::index_item(conn, &row).await.context("Failed to index the item")
}

/// The columns of a local item.
pub(crate) fn local_write<'a>(
    item: &'a ValidItem,
    uri: &'a str,
    slug: &'a str,
    derived: &'a Derived,
    updated_at: &'a str,
    published_at: Option<&'a str>,
    review_due: Option<&'a str>,
) -> ItemWrite<'a> {
    let doc = item.document();
    ItemWrite {
        uri,
        slug,
        origin: None,
        origin_url: None,
        kind: item.kind().code(),
        lifecycle: doc.lifecycle.code(),
        title: &doc.title,
        summary: &doc.summary,
        territory: &doc.territory.name,
        language: &doc.language,
        body_html: &derived.body_html,
        updated_at,
        published_at,
        review_due,
        refreshed_at: None,
    }
}
