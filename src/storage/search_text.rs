//! Reading the full-text index: one page of matches ranked by relevance then recency, the
//! total, and the facet counts, all bounded in cost however common the words are.
//!
//! Relevance: for each query clause, the best weight group it appears in (title 10,
//! lead 5, structured texts 3, body 1), summed over clauses, plus a little for each group
//! a clause appears in; ties go to the most recent. The index is keyed by recency, so the
//! matches are walked newest first and only a window of them is ranked: the whole result
//! set when it has at most [`WINDOW`] items (or the page asked for lies deeper), else the
//! [`WINDOW`] most recent matches. Totals are exact up to [`EXACT_COUNT_LIMIT`] and
//! estimated beyond from the window's share of the index; facets are counted on the
//! window and scaled the same way.

use super::search::ItemQuery;
use super::search_index::{filter_token, key_of_time, last_key_of_time, FACET_SEPARATOR};
use crate::content::search::{Clause, Group, SearchQuery};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};
use std::collections::BTreeMap;

pub const WINDOW: i64 = 1000;
pub const EXACT_COUNT_LIMIT: i64 = 10_000;
/// Clauses past this many still filter, but no longer weigh in the ranking.
const RANKED_CLAUSES: usize = 4;
const TEXT_COLUMNS: &str = "{title lead structured body}";

/// The FTS5 form of one clause; stems are ASCII letters and digits, so quoting is safe.
fn clause_expression(clause: &Clause) -> String {
    match clause {
        Clause::Term(t) => format!("\"{t}\""),
        Clause::Phrase(terms) => format!("\"{}\"", terms.join(" ")),
        Clause::Prefix { stem, exact } => {
            let mut alternatives = vec![format!("\"{stem}\"*")];
            alternatives.extend(exact.iter().map(|e| format!("\"{e}\"")));
            format!("({})", alternatives.join(" OR "))
        }
    }
}

/// The filters of a query as groups of tokens (any token of each group must be there).
fn filter_groups(q: &ItemQuery) -> Vec<Vec<String>> {
    let mut groups = Vec::new();
    if q.lifecycles.is_empty() {
        groups.push(vec![filter_token("public", "")]);
    } else {
        groups.push(q.lifecycles.iter().map(|l| filter_token("lifecycle", l)).collect());
    }
    for (name, value) in [
        ("kind", &q.kind),
        ("territory", &q.territory),
        ("pillar", &q.pillar),
        ("activity_domain", &q.domain),
        ("resource", &q.resource),
    ] {
        if let Some(value) = value {
            groups.push(vec![filter_token(name, value)]);
        }
    }
    if q.local_only {
        groups.push(vec![filter_token("origin", "local")]);
    }
    groups
}

/// The whole MATCH expression: every clause in the text columns, every filter.
fn match_expression(text: &SearchQuery, q: &ItemQuery) -> String {
    let clauses: Vec<String> = text.clauses.iter().map(clause_expression).collect();
    let mut expression = format!("{TEXT_COLUMNS} : ({})", clauses.join(" AND "));
    for group in filter_groups(q) {
        let tokens: Vec<String> = group.iter().map(|t| format!("\"{t}\"")).collect();
        expression.push_str(&format!(" AND {{filters}} : ({})", tokens.join(" OR ")));
    }
    expression
}

/// The part of the index a search ranks, and what it knows of the whole result set.
struct Window {
    expression: String,
    low: i64,
    high: i64,
    /// Matches in [low, high].
    in_window: i64,
    total: i64,
    exact: bool,
}

/// The last word typed is a prefix only while it is not a term of the index: a finished
/// word already matches its inflections through its stem, and a prefix expands into every
/// term it begins, whose doclists FTS5 merges in full (the cost of a common word's search
/// went from about 15 ms to over 100 ms at 100,000 items).
async fn resolve_prefixes(pool: &SqlitePool, text: &SearchQuery) -> sqlx::Result<SearchQuery> {
    let mut clauses = Vec::with_capacity(text.clauses.len());
    for clause in &text.clauses {
        let known = match clause {
            Clause::Prefix { stem, .. } => {
                sqlx::query_scalar::<_, i64>("SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 1")
                    .bind(format!("{TEXT_COLUMNS} : \"{stem}\""))
                    .fetch_optional(pool)
                    .await?
                    .is_some()
            }
            _ => false,
        };
        clauses.push(match clause {
            Clause::Prefix { stem, .. } if known => Clause::Term(stem.clone()),
            other => other.clone(),
        });
    }
    Ok(SearchQuery { clauses })
}

async fn window(pool: &SqlitePool, q: &ItemQuery, text: &SearchQuery) -> sqlx::Result<Window> {
    let expression = match_expression(text, q);
    let low = q.updated_from.as_deref().map_or(0, key_of_time);
    let high = q.updated_to.as_deref().map_or(i64::MAX, last_key_of_time);
    let size = WINDOW.max(q.offset.saturating_add(q.limit));
    let limited_count = |limit: i64| {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)",
        )
        .bind(&expression)
        .bind(low)
        .bind(high)
        .bind(limit)
    };
    let counted = limited_count(EXACT_COUNT_LIMIT + 1).fetch_one(pool).await?;
    let exact = counted <= EXACT_COUNT_LIMIT;
    if counted <= size {
        return Ok(Window { expression, low, high, in_window: counted, total: counted, exact });
    }
    // The oldest key of the `size` newest matches bounds the window.
    let window_low: i64 = sqlx::query_scalar(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?
         ORDER BY rowid DESC LIMIT 1 OFFSET ?",
    )
    .bind(&expression)
    .bind(low)
    .bind(high)
    .bind(size - 1)
    .fetch_one(pool)
    .await?;
    let total = if exact {
        counted
    } else {
        // Matches are assumed as dense in the rest of the range as in the window. Without
        // date bounds the range is the whole index, whose size is the highest item id
        // (items are never deleted), read without counting a million rows.
        let in_range: i64 = if low == 0 && high == i64::MAX {
            sqlx::query_scalar("SELECT COALESCE(MAX(item_id), 0) FROM search_docs").fetch_one(pool).await?
        } else {
            count_keys(pool, low, high).await?
        };
        let in_window = count_keys(pool, window_low, high).await?;
        (size as f64 * in_range as f64 / in_window.max(1) as f64).round() as i64
    };
    Ok(Window { expression, low: window_low, high, in_window: size, total: total.max(counted), exact })
}

/// Index rows whose key lies in [low, high].
async fn count_keys(pool: &SqlitePool, low: i64, high: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM search_docs WHERE doc_id BETWEEN ? AND ?")
        .bind(low)
        .bind(high)
        .fetch_one(pool)
        .await
}

pub struct TextPage {
    /// Item ids of the page, best first.
    pub item_ids: Vec<i64>,
    pub total: i64,
    pub exact: bool,
}

/// Facet counts: (facet, value, count) for `kind`, `territory` and the vocabularies
/// `pillar`, `activity_domain`, `resource`.
pub type FacetCounts = Vec<(String, String, i64)>;

/// One page of a text search, and its facet counts when asked for.
pub async fn search(
    pool: &SqlitePool,
    q: &ItemQuery,
    text: &SearchQuery,
    with_facets: bool,
) -> sqlx::Result<(TextPage, FacetCounts)> {
    let text = &resolve_prefixes(pool, text).await?;
    let w = window(pool, q, text).await?;
    if w.in_window == 0 {
        return Ok((TextPage { item_ids: Vec::new(), total: 0, exact: true }, Vec::new()));
    }
    let page = rank_page(pool, q, text, &w).await?;
    let facets = if with_facets { facets(pool, &w).await? } else { Vec::new() };
    Ok((page, facets))
}

async fn rank_page(pool: &SqlitePool, q: &ItemQuery, text: &SearchQuery, w: &Window) -> sqlx::Result<TextPage> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT rowid FROM (SELECT rowid, c, MAX(w) AS best, COUNT(*) AS n FROM (\
         SELECT rowid, 0 AS c, 1.0 AS w FROM search_index WHERE search_index MATCH ",
    );
    push_bounds(&mut sql, w, w.expression.clone());
    let groups = [("title", Group::Title), ("lead", Group::Lead), ("structured", Group::Structured)];
    for (c, clause) in text.clauses.iter().take(RANKED_CLAUSES).enumerate() {
        for (column, group) in groups {
            sql.push(format!(
                " UNION ALL SELECT rowid, {c}, {:.1} FROM search_index WHERE search_index MATCH ",
                group.weight()
            ));
            let scoped = format!("({}) AND {{{column}}} : ({})", w.expression, clause_expression(clause));
            push_bounds(&mut sql, w, scoped);
        }
    }
    sql.push(") GROUP BY rowid, c) GROUP BY rowid ORDER BY SUM(best - 1) + 0.5 * SUM(n) DESC, rowid DESC LIMIT ")
        .push_bind(q.limit)
        .push(" OFFSET ")
        .push_bind(q.offset);
    let keys: Vec<i64> = sql.build_query_scalar().fetch_all(pool).await?;
    let item_ids = item_ids_of(pool, &keys).await?;
    Ok(TextPage { item_ids, total: w.total, exact: w.exact })
}

fn push_bounds(sql: &mut QueryBuilder<'_, Sqlite>, w: &Window, expression: String) {
    sql.push_bind(expression).push(" AND rowid BETWEEN ").push_bind(w.low).push(" AND ").push_bind(w.high);
}

async fn item_ids_of(pool: &SqlitePool, keys: &[i64]) -> sqlx::Result<Vec<i64>> {
    let json = serde_json::to_string(keys).unwrap_or_else(|_| "[]".to_owned());
    let pairs: Vec<(i64, i64)> =
        sqlx::query_as("SELECT doc_id, item_id FROM search_docs WHERE doc_id IN (SELECT value FROM json_each(?))")
            .bind(json)
            .fetch_all(pool)
            .await?;
    Ok(keys.iter().filter_map(|k| pairs.iter().find(|(d, _)| d == k).map(|(_, id)| *id)).collect())
}

/// Facet counts of the window, scaled to the whole result set: the facet lists stored
/// beside the window's matches, read by the key each match carries, joined in one value
/// and counted here.
async fn facets(pool: &SqlitePool, w: &Window) -> sqlx::Result<FacetCounts> {
    let lists: Option<String> = sqlx::query_scalar(
        // CROSS JOIN keeps the order: the index's matches first, then one lookup each.
        "SELECT group_concat(d.facets, char(31)) FROM search_index s CROSS JOIN search_docs d ON d.doc_id = s.rowid
          WHERE search_index MATCH ?1 AND s.rowid BETWEEN ?2 AND ?3",
    )
    .bind(&w.expression)
    .bind(w.low)
    .bind(w.high)
    .fetch_one(pool)
    .await?;
    let scale = w.total as f64 / w.in_window as f64;
    Ok(count_facet_lists(lists.as_deref().unwrap_or_default())
        .into_iter()
        .map(|((f, v), n)| (f.to_owned(), v.to_owned(), (n as f64 * scale).round() as i64))
        .collect())
}

/// Counts the `facet=value` entries of joined [`facet_list`](super::search_index::facet_list)s.
fn count_facet_lists(lists: &str) -> BTreeMap<(&str, &str), i64> {
    let mut counts = BTreeMap::new();
    for entry in lists.split(FACET_SEPARATOR) {
        if let Some(pair) = entry.split_once('=') {
            *counts.entry(pair).or_insert(0) += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::search::parse_query;

    #[test]
    fn the_expression_keeps_words_in_text_columns_and_filters_apart() {
        let text = parse_query("écologie \"circuits courts\" compo").expect("query");
        let q = ItemQuery { kind: Some("experience".into()), ..ItemQuery::default() };
        let expression = match_expression(&text, &q);
        assert!(
            expression.starts_with("{title lead structured body} : (\"ecolog\" AND \"circuit court\" AND (\"compo\"*"),
            "{expression}"
        );
        assert!(expression.contains(" AND {filters} : (\"kind_657870657269656e6365\")"), "{expression}");
    }

    #[test]
    fn facet_lists_are_counted_per_facet_and_value() {
        let counts = count_facet_lists("kind=experience\u{1f}territory=Foix\u{1f}kind=experience\u{1f}pillar=a=b");
        assert_eq!(counts.get(&("kind", "experience")), Some(&2));
        assert_eq!(counts.get(&("territory", "Foix")), Some(&1));
        assert_eq!(counts.get(&("pillar", "a=b")), Some(&1), "a value keeps what follows its first '='");
    }
}
