//! Listing, filtering and facet counts; text searches are handed to [`super::search_text`].
//! One filter builder serves the list, its total and its facets, so they always agree.

use super::facet_sets::FacetIndex;
use super::items::ItemRow;
use super::search_index::{is_counted, COUNTED_FACETS};
use super::search_text::{self, FacetCounts};
use crate::content::search::SearchQuery;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

#[derive(Debug, Clone, Default)]
pub struct ItemQuery {
    pub kind: Option<String>,
    pub territory: Option<String>,
    pub pillar: Option<String>,
    pub domain: Option<String>,
    pub resource: Option<String>,
    /// A place code (`region:76`): items whose territory lies in it.
    pub place: Option<String>,
    /// Lifecycles to include; empty means public ones (published, archived).
    pub lifecycles: Vec<String>,
    /// Inclusive bounds on `updated_at`, in the stored timestamp format.
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    /// Words to search for (see [`super::search_text`]).
    pub text: Option<SearchQuery>,
    pub local_only: bool,
    pub limit: i64,
    pub offset: i64,
}

impl ItemQuery {
    /// The facet filters of a list of public items bounded by nothing else (no words, no
    /// dates, no drafts): what the in-memory facet sets can count.
    fn only_facet_filters(&self) -> Option<Vec<(&'static str, &str)>> {
        if !self.lifecycles.is_empty()
            || self.text.is_some()
            || self.updated_from.is_some()
            || self.updated_to.is_some()
        {
            return None;
        }
        Some(self.facet_filters().into_iter().filter_map(|(facet, value)| Some((facet, value.as_deref()?))).collect())
    }

    /// The filters that are facets of `public_counts`, by facet name.
    fn facet_filters(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("kind", &self.kind),
            ("territory", &self.territory),
            ("pillar", &self.pillar),
            ("activity_domain", &self.domain),
            ("resource", &self.resource),
            ("place", &self.place),
        ]
    }
}

/// One page of a list or search, and the size of the whole result set.
pub struct Page {
    pub rows: Vec<ItemRow>,
    pub total: i64,
    /// False when the total of a very large search result is an estimate.
    pub exact: bool,
}

/// How a list reaches its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// The query planner chooses; a vocabulary filter is an `IN` over its codes' index, so
    /// that a selective code drives the query.
    Planner,
    /// Public items, newest first along `items_public_recent`, every filter checked on the
    /// way: a page costs about (offset + limit) / (share of matching items) index entries.
    NewestFirst,
}

/// A filter matching fewer public items than this drives the query from its own index;
/// above it, walking the newest items finds a page within a few thousand entries.
const SELECTIVE: i64 = 5_000;

/// How many public items each facet filter of a public list matches, from the counts
/// kept on write (`None` for other lists: drafts included, or a text search).
async fn filter_counts(pool: &SqlitePool, query: &ItemQuery) -> sqlx::Result<Option<Vec<i64>>> {
    if !query.lifecycles.is_empty() || query.text.is_some() {
        return Ok(None);
    }
    let mut counts = Vec::new();
    for (facet, value) in query.facet_filters() {
        if let Some(value) = value {
            let filter = MaintainedCount { local_only: query.local_only, facet: Some((facet, value.clone())) };
            counts.push(filter.total(pool).await?);
        }
    }
    Ok(Some(counts))
}

/// Chooses the access path of a list from its filters' counts: SQLite's planner has no
/// statistics on how common a code is, and guessed wrong both ways (a sort of 70,000
/// matches for a common pillar, or a walk of every item for an absent one).
fn access(filter_counts: Option<&[i64]>) -> Access {
    match filter_counts {
        Some(counts) if counts.iter().all(|n| *n > SELECTIVE) => Access::NewestFirst,
        _ => Access::Planner,
    }
}

/// How a live count reads: a public list bounded by date alone counts a range of the
/// newest-first index (the week's updates of the coordination view: a few hundred
/// entries, not every item); anything else is left to the planner.
fn count_access(query: &ItemQuery) -> Access {
    let dated = query.updated_from.is_some() || query.updated_to.is_some();
    let no_facet = query.facet_filters().iter().all(|(_, value)| value.is_none());
    if dated && no_facet && query.lifecycles.is_empty() && query.text.is_none() {
        Access::NewestFirst
    } else {
        Access::Planner
    }
}

fn push_from_where(q: &mut QueryBuilder<'_, Sqlite>, query: &ItemQuery, access: Access) {
    match access {
        Access::NewestFirst => q.push(" FROM items INDEXED BY items_public_recent WHERE 1 = 1"),
        Access::Planner => q.push(" FROM items WHERE 1 = 1"),
    };
    if query.lifecycles.is_empty() {
        q.push(" AND items.lifecycle IN ('published', 'archived')");
    } else {
        q.push(" AND items.lifecycle IN (");
        let mut list = q.separated(", ");
        for l in &query.lifecycles {
            list.push_bind(l.clone());
        }
        list.push_unseparated(")");
    }
    if let Some(kind) = &query.kind {
        q.push(" AND items.kind = ").push_bind(kind.clone());
    }
    if let Some(territory) = &query.territory {
        q.push(" AND items.territory = ").push_bind(territory.clone());
    }
    for (vocabulary, code) in [
        ("pillar", &query.pillar),
        ("activity_domain", &query.domain),
        ("resource", &query.resource),
        ("place", &query.place),
    ] {
        if let Some(code) = code {
            // Walking the newest items checks each one's codes; otherwise the codes' index
            // gives the items.
            let (items_with, code_is) = match access {
                Access::NewestFirst => (
                    " AND EXISTS (SELECT 1 FROM item_terms t WHERE t.item_id = items.id AND t.vocabulary = ",
                    " AND t.code = ",
                ),
                Access::Planner => {
                    (" AND items.id IN (SELECT item_id FROM item_terms WHERE vocabulary = ", " AND code = ")
                }
            };
            q.push(items_with).push_bind(vocabulary).push(code_is).push_bind(code.clone()).push(")");
        }
    }
    if let Some(from) = &query.updated_from {
        q.push(" AND items.updated_at >= ").push_bind(from.clone());
    }
    if let Some(to) = &query.updated_to {
        q.push(" AND items.updated_at <= ").push_bind(to.clone());
    }
    if query.local_only {
        q.push(" AND items.origin IS NULL");
    }
}

/// One page of items matching `query`: best match first when searching (see
/// [`super::search_text`]), newest first otherwise. Two steps, so that large result sets
/// stay cheap: the ids of the page are chosen first (an index walk), then only those rows
/// are read.
pub async fn search_items(pool: &SqlitePool, sets: &FacetIndex, query: &ItemQuery) -> sqlx::Result<Page> {
    Ok(search(pool, sets, query, false).await?.0)
}

/// A page and the facet counts of the whole result set, from one search.
pub async fn search_with_facets(
    pool: &SqlitePool,
    sets: &FacetIndex,
    query: &ItemQuery,
) -> sqlx::Result<(Page, FacetCounts)> {
    search(pool, sets, query, true).await
}

async fn search(
    pool: &SqlitePool,
    sets: &FacetIndex,
    query: &ItemQuery,
    with_facets: bool,
) -> sqlx::Result<(Page, FacetCounts)> {
    let (ids, total, exact, facets) = match &query.text {
        Some(text) => {
            let (page, facets) = search_text::search(pool, query, text, with_facets).await?;
            (page.item_ids, page.total, page.exact, facets)
        }
        None => {
            let selection = query
                .only_facet_filters()
                .and_then(|filters| sets.read(|sets| sets.select(&filters, query.local_only, SELECTIVE)).flatten());
            let (ids, counts) = match selection.as_ref().and_then(|s| s.ids.as_ref()) {
                // Few matches, known exactly: sort them, however rare their combination.
                Some(matching) => (newest_of(pool, matching, query).await?, None),
                None => {
                    let counts = filter_counts(pool, query).await?;
                    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT items.id");
                    push_from_where(&mut q, query, access(counts.as_deref()));
                    q.push(" ORDER BY items.updated_at DESC, items.id DESC LIMIT ")
                        .push_bind(query.limit)
                        .push(" OFFSET ")
                        .push_bind(query.offset);
                    (q.build_query_scalar().fetch_all(pool).await?, counts)
                }
            };
            let total = match (selection, MaintainedCount::of(query), counts.as_deref()) {
                (Some(selection), _, _) => selection.total,
                // One filter: its count was read to choose the access path.
                (None, Some(MaintainedCount { facet: Some(_), .. }), Some(&[n])) => n,
                (None, Some(maintained), _) => maintained.total(pool).await?,
                (None, None, _) => {
                    let mut count: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT COUNT(*)");
                    push_from_where(&mut count, query, count_access(query));
                    count.build_query_scalar().fetch_one(pool).await?
                }
            };
            let facets = if with_facets { all_facet_counts(pool, sets, query).await? } else { Vec::new() };
            (ids, total, true, facets)
        }
    };
    let rows = super::items::find_items_by_ids(pool, &ids).await?;
    let mut by_id: std::collections::HashMap<i64, ItemRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    let rows = ids.into_iter().filter_map(|id| by_id.remove(&id)).collect();
    Ok((Page { rows, total, exact }, facets))
}

/// One page, newest first, of the items `ids` (a few thousand at most).
async fn newest_of(pool: &SqlitePool, ids: &[u32], query: &ItemQuery) -> sqlx::Result<Vec<i64>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(ids).expect("a list of integers serializes");
    sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM items WHERE id IN (SELECT value FROM json_each(?))
          ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?"#,
        list,
        query.limit,
        query.offset
    )
    .fetch_all(pool)
    .await
}

/// A count that `public_counts` holds (see its migration): public items, all of them or
/// this node's own, with at most one facet value as filter.
struct MaintainedCount {
    local_only: bool,
    facet: Option<(&'static str, String)>,
}

impl MaintainedCount {
    fn of(query: &ItemQuery) -> Option<MaintainedCount> {
        match query.only_facet_filters()?.as_slice() {
            [] => Some(MaintainedCount { local_only: query.local_only, facet: None }),
            [(facet, value)] => {
                Some(MaintainedCount { local_only: query.local_only, facet: Some((facet, (*value).to_owned())) })
            }
            _ => None,
        }
    }

    async fn total(&self, pool: &SqlitePool) -> sqlx::Result<i64> {
        let (facet, value) = match &self.facet {
            Some((facet, value)) => (*facet, value.as_str()),
            None => ("all", ""),
        };
        sqlx::query_scalar!(
            "SELECT COALESCE(SUM(n), 0) FROM public_counts WHERE facet = ? AND value = ? AND (? = 0 OR origin = '')",
            facet,
            value,
            self.local_only
        )
        .fetch_one(pool)
        .await
    }
}

/// Facet counts of every public item (or of this node's own), from `public_counts`.
pub(super) async fn maintained_facets(pool: &SqlitePool, local_only: bool) -> sqlx::Result<FacetCounts> {
    let rows = sqlx::query!(
        r#"SELECT facet, value, SUM(n) AS "total!: i64" FROM public_counts
          WHERE facet IN ('kind', 'territory', 'pillar', 'activity_domain', 'resource', 'food_theme',
                          'target_audience', 'place')
            AND NOT (facet = 'place' AND (value LIKE 'commune:%' OR value LIKE 'epci:%'))
            AND (? = 0 OR origin = '')
          GROUP BY facet, value HAVING SUM(n) > 0
          ORDER BY CASE facet WHEN 'kind' THEN 0 WHEN 'territory' THEN 1 WHEN 'pillar' THEN 2
                              WHEN 'activity_domain' THEN 3 WHEN 'resource' THEN 4 WHEN 'food_theme' THEN 5
                              WHEN 'target_audience' THEN 6 ELSE 7 END, SUM(n) DESC, value"#,
        local_only
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|row| (row.facet, row.value, row.total)).collect())
}

/// Counts of the items matching `query` per facet value: from the counts kept on write
/// without filters, from the in-memory facet sets with facet filters only, else in SQL.
pub async fn all_facet_counts(pool: &SqlitePool, sets: &FacetIndex, query: &ItemQuery) -> sqlx::Result<FacetCounts> {
    if let Some(text) = &query.text {
        return Ok(search_text::search(pool, query, text, true).await?.1);
    }
    if let Some(MaintainedCount { local_only, facet: None }) = MaintainedCount::of(query) {
        return maintained_facets(pool, local_only).await;
    }
    let in_sets = query
        .only_facet_filters()
        .and_then(|filters| sets.read(|sets| sets.counts(&filters, query.local_only)).flatten());
    if let Some(counts) = in_sets {
        return Ok(counts);
    }
    let mut all = Vec::new();
    for facet in COUNTED_FACETS {
        let counts = facet_counts(pool, query, facet).await?;
        all.extend(
            counts
                .into_iter()
                .filter(|(value, _)| is_counted(facet, value))
                .map(|(value, n)| (facet.to_owned(), value, n)),
        );
    }
    Ok(all)
}

async fn facet_counts(pool: &SqlitePool, query: &ItemQuery, facet: &str) -> sqlx::Result<Vec<(String, i64)>> {
    let mut q: QueryBuilder<Sqlite> = match facet {
        "kind" => QueryBuilder::new("SELECT items.kind AS value, COUNT(*) AS n"),
        "territory" => QueryBuilder::new("SELECT items.territory AS value, COUNT(*) AS n"),
        _ => QueryBuilder::new("SELECT t.code AS value, COUNT(*) AS n"),
    };
    push_from_where(&mut q, query, Access::Planner);
    match facet {
        "kind" => q.push(" GROUP BY items.kind"),
        "territory" => q.push(" GROUP BY items.territory"),
        vocabulary => {
            // Re-wrap: count the matching items that carry each code of the vocabulary.
            let mut inner: QueryBuilder<Sqlite> =
                QueryBuilder::new("SELECT t.code AS value, COUNT(*) AS n FROM item_terms t WHERE t.vocabulary = ");
            inner.push_bind(vocabulary.to_owned()).push(" AND t.item_id IN (SELECT items.id");
            push_from_where(&mut inner, query, Access::Planner);
            inner.push(") GROUP BY t.code ORDER BY n DESC, value");
            return inner.build_query_as().fetch_all(pool).await;
        }
    };
    q.push(" ORDER BY n DESC, value");
    q.build_query_as().fetch_all(pool).await
}
