//! Reading items: one item, filtered and searched lists with facets, revisions, lineage.

use crate::content::geography::reference::Reference;
use crate::content::geography::{reference, CodeError};
use crate::content::markdown::to_plain_text;
use crate::content::search::query::MAX_QUERY_CHARS;
use crate::content::search::{parse_query, searchable_fields, snippet, Analyzer, QueryError, SearchQuery};
use crate::content::vocabulary::names;
use crate::content::{FieldError, ItemDocument, Lifecycle, ValidationErrors, Vocabularies};
use crate::i18n::Message;
use crate::operations::{Item, Node, OperationError};
use crate::storage::{self, search::ItemQuery, search_text::FacetCounts};
use anyhow::Context;

pub const MAX_PAGE_SIZE: i64 = 100;

pub async fn item_by_id(node: &Node, id: i64) -> Result<Item, OperationError> {
    let row = storage::items::find_item_by_id(&node.pool, id).await?.ok_or(OperationError::NotFound)?;
    Ok(Item::from_row(row)?)
}

/// A local item by slug, whatever its lifecycle (editors and the API see drafts).
pub async fn local_item(node: &Node, slug: &str) -> Result<Item, OperationError> {
    let mut conn = node.pool.acquire().await.context("Failed to get a database connection")?;
    let row = storage::items::find_local_item_by_slug(&mut conn, slug).await?.ok_or(OperationError::NotFound)?;
    Ok(Item::from_row(row)?)
}

/// A local item as the public may see it: published or archived only.
pub async fn public_local_item(node: &Node, slug: &str) -> Result<Item, OperationError> {
    let item = local_item(node, slug).await?;
    if item.lifecycle.is_public() {
        Ok(item)
    } else {
        Err(OperationError::NotFound)
    }
}

pub async fn item_by_uri(node: &Node, uri: &str) -> Result<Item, OperationError> {
    let mut conn = node.pool.acquire().await.context("Failed to get a database connection")?;
    let row = storage::items::find_item_by_uri(&mut conn, uri).await?.ok_or(OperationError::NotFound)?;
    Ok(Item::from_row(row)?)
}

/// Filters of a list, as people and API clients give them.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    pub kind: Option<String>,
    pub territory: Option<String>,
    pub pillar: Option<String>,
    pub domain: Option<String>,
    pub resource: Option<String>,
    /// A place of the administrative reference (`region:76`, or a bare commune,
    /// EPCI or département code): items whose territory lies in it.
    pub place: Option<String>,
    pub lifecycle: Option<Lifecycle>,
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    pub text: Option<String>,
    pub local_only: bool,
    /// 1-based.
    pub page: i64,
    pub per_page: i64,
}

/// The list filters that take a code of a controlled vocabulary: (parameter, vocabulary).
pub const VOCABULARY_FILTERS: [(&str, &str); 3] =
    [("pillar", names::PILLAR), ("domain", names::ACTIVITY_DOMAIN), ("resource", names::RESOURCE)];

impl ItemFilter {
    /// The vocabulary filters whose code is not in their vocabulary: one error each, naming
    /// the parameter and listing the allowed codes (an unknown code would match nothing).
    pub fn unknown_codes(&self, vocab: &Vocabularies) -> Vec<FieldError> {
        let given = [&self.pillar, &self.domain, &self.resource];
        let place = self.place.as_deref().and_then(place_error);
        VOCABULARY_FILTERS
            .iter()
            .zip(given)
            .filter_map(|((parameter, name), code)| {
                let code = code.as_deref()?;
                let vocabulary = vocab.get(name)?;
                if vocabulary.term(code).is_some() {
                    return None;
                }
                let allowed: Vec<&str> = vocabulary.terms.iter().map(|t| t.code.as_str()).collect();
                Some(FieldError {
                    path: (*parameter).to_owned(),
                    code: "unknown_code",
                    message: crate::msg!(
                        "op-unknown_code-vocabulary",
                        code = code,
                        parameter = *parameter,
                        allowed = allowed.join(", ")
                    ),
                })
            })
            .chain(place)
            .collect()
    }
}

/// Why a place filter matches nothing: not a code, a code of the wrong shape for its
/// level, or a place the reference does not know.
fn place_error(given: &str) -> Option<FieldError> {
    let (code, message) = match reference().resolve(given) {
        Ok(_) => return None,
        Err(CodeError::Unknown) => ("unknown_code", crate::msg!("op-unknown_code-place", code = given)),
        Err(CodeError::WrongLevel(level)) => {
            ("wrong_level", crate::msg!("validation-wrong_level", value = given, level = level.prefix()))
        }
        Err(CodeError::Malformed) => ("invalid_code", crate::msg!("op-invalid_code-place", code = given)),
    };
    Some(FieldError { path: "place".to_owned(), code, message })
}

pub struct ItemList {
    /// Items with, for a catalogue search, the snippet of the field that matched.
    pub items: Vec<(Item, Option<String>)>,
    pub total: i64,
    /// False when `total` estimates a very large search result.
    pub total_exact: bool,
    pub page: i64,
    pub per_page: i64,
}

impl ItemList {
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

impl ItemFilter {
    /// `include_private`: editors may list drafts and withdrawn items. A search that
    /// cannot run (too long, only stop words) is refused with a field error on `q`.
    pub fn to_query(&self, include_private: bool) -> Result<ItemQuery, OperationError> {
        let per_page = self.per_page.clamp(1, MAX_PAGE_SIZE);
        let page = self.page.max(1);
        let lifecycles = match self.lifecycle {
            Some(l) if include_private || l.is_public() => vec![l.code().to_owned()],
            Some(_) => vec!["__none__".to_owned()],
            None if include_private => Lifecycle::ALL.iter().map(|l| l.code().to_owned()).collect(),
            None => Vec::new(),
        };
        let text = match self.text.as_deref().map(parse_query).transpose() {
            Ok(text) => text,
            Err(e) => return Err(ValidationErrors::single("q", e.code(), query_message(&e)).into()),
        };
        Ok(ItemQuery {
            kind: self.kind.clone(),
            territory: self.territory.clone(),
            pillar: self.pillar.clone(),
            domain: self.domain.clone(),
            resource: self.resource.clone(),
            place: self.place.as_deref().map(|code| Reference::canonical(code).unwrap_or_else(|_| code.to_owned())),
            lifecycles,
            updated_from: self.updated_from.as_deref().and_then(|b| normalize_bound(b, false)),
            updated_to: self.updated_to.as_deref().and_then(|b| normalize_bound(b, true)),
            text,
            local_only: self.local_only,
            limit: per_page,
            // Saturating: an absurd page number is an empty page, not an overflow.
            offset: (page - 1).saturating_mul(per_page),
        })
    }
}

/// A date (`2026-11-22`) or a date-time in any RFC 3339 precision, as the stored
/// timestamp format, so that bounds compare correctly as text. A bare date as an upper
/// bound includes its whole day.
pub fn normalize_bound(bound: &str, upper: bool) -> Option<String> {
    if let Ok(date) = chrono::NaiveDate::parse_from_str(bound, "%Y-%m-%d") {
        let time = if upper { date.and_hms_milli_opt(23, 59, 59, 999) } else { date.and_hms_opt(0, 0, 0) }?;
        return Some(storage::timestamp(time.and_utc()));
    }
    let at = chrono::DateTime::parse_from_rfc3339(bound).ok()?.with_timezone(&chrono::Utc);
    // Stored times have millisecond precision: an upper bound keeps its whole millisecond.
    Some(storage::timestamp(at))
}

/// Why a search cannot run, as a sentence for the `q` field.
fn query_message(error: &QueryError) -> Message {
    match error {
        QueryError::TooLong => crate::msg!("op-query_too_long", max = MAX_QUERY_CHARS),
        QueryError::OnlyStopWords => crate::msg!("op-query_only_stop_words"),
    }
}

/// Every item of this node, oldest first (`maillage export`).
pub async fn local_items(node: &Node) -> anyhow::Result<Vec<Item>> {
    storage::items::list_local_items(&node.pool).await?.into_iter().map(Item::from_row).collect()
}

pub async fn list_items(node: &Node, filter: &ItemFilter, include_private: bool) -> Result<ItemList, OperationError> {
    Ok(list(node, filter, include_private, false).await?.0)
}

/// A public list as the catalogue shows it: with the snippet of each search result, and
/// the facet counts, (facet, value, count) with facets `kind`, `territory`, `pillar`,
/// `activity_domain` and `resource`, from one search.
pub async fn list_with_facets(node: &Node, filter: &ItemFilter) -> Result<(ItemList, FacetCounts), OperationError> {
    list(node, filter, false, true).await
}

/// `for_catalogue`: also snippets and facets (the API and feeds need neither).
async fn list(
    node: &Node,
    filter: &ItemFilter,
    include_private: bool,
    for_catalogue: bool,
) -> Result<(ItemList, FacetCounts), OperationError> {
    let query = filter.to_query(include_private)?;
    let page = filter.page.max(1);
    if query.text.as_ref().is_some_and(SearchQuery::is_empty) {
        // Only punctuation was typed: nothing can match.
        return Ok((
            ItemList { items: Vec::new(), total: 0, total_exact: true, page, per_page: query.limit },
            Vec::new(),
        ));
    }
    let (found, facets) = if for_catalogue {
        storage::search::search_with_facets(&node.pool, &node.facets, &query).await?
    } else {
        (storage::search::search_items(&node.pool, &node.facets, &query).await?, Vec::new())
    };
    let mut items = Vec::with_capacity(found.rows.len());
    let mut analyzer = Analyzer::default();
    for row in found.rows {
        let item = Item::from_row(row)?;
        let snippet = query.text.as_ref().filter(|_| for_catalogue).and_then(|text| {
            let fields = searchable_fields(&item.document, &node.vocab);
            snippet(&mut analyzer, &fields, || to_plain_text(&item.body_html), text)
        });
        items.push((item, snippet));
    }
    Ok((ItemList { items, total: found.total, total_exact: found.exact, page, per_page: query.limit }, facets))
}

/// Counts per facet for the items matching `filter` (see [`list_with_facets`]).
pub async fn facets(node: &Node, filter: &ItemFilter) -> Result<FacetCounts, OperationError> {
    let query = filter.to_query(false)?;
    if query.text.as_ref().is_some_and(SearchQuery::is_empty) {
        return Ok(Vec::new());
    }
    Ok(storage::search::all_facet_counts(&node.pool, &node.facets, &query).await?)
}

pub struct Revision {
    pub revision: i64,
    pub lifecycle: String,
    pub edited_at: String,
    pub editor: String,
    pub document: ItemDocument,
}

pub async fn revisions(node: &Node, item: &Item) -> Result<Vec<Revision>, OperationError> {
    let rows = storage::item_revisions::list_revisions(&node.pool, item.id).await?;
    rows.into_iter()
        .map(|r| {
            let document = serde_json::from_str(&r.document).context("Failed to read a stored revision")?;
            Ok(Revision {
                revision: r.revision,
                lifecycle: r.lifecycle,
                edited_at: r.edited_at,
                editor: r.editor,
                document,
            })
        })
        .collect()
}

/// Lineage of an item: what it was inspired by (known here or not) and what adapts it.
pub struct Lineage {
    /// Each `inspired_by` URI with the item when this node holds it (public).
    pub inspired_by: Vec<(String, Option<ItemLink>)>,
    pub adapted_in: Vec<ItemLink>,
}

/// What a link to an item held here needs: no document, no body.
#[derive(Debug, Clone)]
pub struct ItemLink {
    pub id: i64,
    pub uri: String,
    pub slug: String,
    /// `None` for a local item, else the origin actor id.
    pub origin: Option<String>,
    pub title: String,
    pub territory: String,
    pub public: bool,
}

impl From<storage::item_links::ItemLinkRow> for ItemLink {
    fn from(row: storage::item_links::ItemLinkRow) -> ItemLink {
        let public = Lifecycle::parse(&row.lifecycle).is_some_and(Lifecycle::is_public);
        ItemLink {
            id: row.id,
            uri: row.uri,
            slug: row.slug,
            origin: row.origin,
            title: row.title,
            territory: row.territory,
            public,
        }
    }
}

/// The public items among `uris` that this node holds, as links (one query).
pub async fn public_item_links(node: &Node, uris: &[&str]) -> Result<Vec<ItemLink>, OperationError> {
    let rows = storage::item_links::item_links_by_uris(&node.pool, uris).await?;
    Ok(rows.into_iter().map(ItemLink::from).filter(|link| link.public).collect())
}

/// An item's lineage, with the public items among `also` that this node holds (the
/// page's other references), read in one statement.
pub async fn lineage_and_links(
    node: &Node,
    item: &Item,
    also: &[&str],
) -> Result<(Lineage, Vec<ItemLink>), OperationError> {
    let mut uris: Vec<&str> =
        item.document.inspired_by.iter().map(String::as_str).chain(also.iter().copied()).collect();
    uris.sort_unstable();
    uris.dedup();
    let mut known = Vec::new();
    let mut adapted_in = Vec::new();
    for (row, adapted) in storage::item_links::item_links_around(&node.pool, &uris, &item.uri).await? {
        match (adapted, ItemLink::from(row)) {
            (true, link) => adapted_in.push(link),
            (false, link) if link.public => known.push(link),
            (false, _) => {}
        }
    }
    let inspired_by = item
        .document
        .inspired_by
        .iter()
        .map(|uri| (uri.clone(), known.iter().find(|k| &k.uri == uri).cloned()))
        .collect();
    Ok((Lineage { inspired_by, adapted_in }, known))
}

pub async fn lineage(node: &Node, item: &Item) -> Result<Lineage, OperationError> {
    Ok(lineage_and_links(node, item, &[]).await?.0)
}
