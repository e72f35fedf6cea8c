//! What every item write shares: rendering the body, the vocabulary rows, the full-text
//! row and the revision. Local edits, imports and (later) replicas all go through here so
//! that search and facets never disagree with the stored document.

use super::Node;
use crate::content::markdown::{render_markdown, to_plain_text};
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, ValidItem, Vocabularies};
use crate::storage::{self, items::ItemWrite};
use anyhow::Context;
use sqlx::SqliteConnection;

/// Values derived from a document for storage.
pub(crate) struct Derived {
    pub document_json: String,
    pub body_html: String,
    pub body_text: String,
    pub keywords: String,
}

pub(crate) fn derive(node: &Node, doc: &ItemDocument) -> anyhow::Result<Derived> {
    let document_json = serde_json::to_string(doc).context("Failed to serialize the item document")?;
    let body_html = render_markdown(&doc.body);
    let body_text = to_plain_text(&body_html);
    Ok(Derived { document_json, body_html, body_text, keywords: search_keywords(&node.vocab, doc) })
}

/// Structured fields that people search for but that are not in the title or body.
pub fn search_keywords(vocab: &Vocabularies, doc: &ItemDocument) -> String {
    let mut words: Vec<&str> = Vec::new();
    words.extend(doc.tags.iter().map(String::as_str));
    words.extend(doc.pillars.iter().map(|c| vocab.label(names::PILLAR, c)));
    words.extend(doc.activity_domains.iter().map(|c| vocab.label(names::ACTIVITY_DOMAIN, c)));
    words.extend(doc.resources.iter().map(|c| vocab.label(names::RESOURCE, c)));
    words.extend(doc.food_themes.iter().map(|c| vocab.label(names::FOOD_THEME, c)));
    words.extend(doc.authors.iter().map(|a| a.name.as_str()));
    if let Some(p) = &doc.project_sheet {
        words.extend(p.carrier.iter().map(|c| c.name.as_str()));
        words.extend(p.partners.iter().map(|c| c.name.as_str()));
        words.extend(p.funding.iter().map(|f| f.funder.as_str()));
        words.extend(p.location.as_deref());
    }
    if let Some(e) = &doc.experience {
        words.extend(e.useful_effects.iter().map(|u| u.beneficiary.as_str()));
    }
    words.join(" ")
}

/// The (vocabulary, code) pairs of an item, for facets and filters.
pub fn vocabulary_terms(doc: &ItemDocument) -> Vec<(&'static str, &str)> {
    let mut terms = Vec::new();
    terms.extend(doc.pillars.iter().map(|c| (names::PILLAR, c.as_str())));
    terms.extend(doc.activity_domains.iter().map(|c| (names::ACTIVITY_DOMAIN, c.as_str())));
    terms.extend(doc.resources.iter().map(|c| (names::RESOURCE, c.as_str())));
    terms.extend(doc.food_themes.iter().map(|c| (names::FOOD_THEME, c.as_str())));
    terms.extend(doc.target_audiences.iter().map(|c| (names::TARGET_AUDIENCE, c.as_str())));
    terms
}

/// Writes the rows derived from an item: terms, search index and the revision snapshot.
pub(crate) async fn write_derived_rows(
    conn: &mut SqliteConnection,
    item_id: i64,
    revision: i64,
    write: &ItemWrite<'_>,
    derived: &Derived,
    doc: &ItemDocument,
    editor: &str,
) -> anyhow::Result<()> {
    storage::items::replace_item_terms(conn, item_id, &vocabulary_terms(doc))
        .await
        .context("Failed to store the item's terms")?;
    storage::items::replace_item_links(conn, item_id, &doc.inspired_by)
        .await
        .context("Failed to store the item's lineage")?;
    storage::search::index_item(
        conn,
        item_id,
        write.title,
        write.summary,
        &derived.body_text,
        write.territory,
        &derived.keywords,
    )
    .await
    .context("Failed to index the item")?;
    storage::items::insert_revision(
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
        document: &derived.document_json,
        body_html: &derived.body_html,
        updated_at,
        published_at,
        review_due,
        refreshed_at: None,
    }
}
