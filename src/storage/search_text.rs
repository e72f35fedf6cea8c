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
use sqlx::Row;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};
use std::collections::{HashMap, HashSet};

pub const WINDOW: i64 = 1000;
pub const EXACT_COUNT_LIMIT: i64 = 2000;
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
        ("place", &q.place),
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
                let expression = format!("{TEXT_COLUMNS} : \"{stem}\"");
                sqlx::query_scalar!(
                    r#"SELECT rowid AS "rowid!: i64" FROM search_index WHERE search_index MATCH ? LIMIT 1"#,
                    expression
                )
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
    // The newest `size` matches: how many there are, and the oldest key among them.
    let newest_matches = sqlx::query!(
        r#"SELECT count(*) AS "newest!: i64", min(rowid) AS "oldest_key: i64"
           FROM (SELECT rowid FROM search_index WHERE search_index MATCH ?
                   AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?)"#,
        expression,
        low,
        high,
        size
    )
    .fetch_one(pool)
    .await?;
    let (newest, oldest_key) = (newest_matches.newest, newest_matches.oldest_key);
    if newest < size {
        return Ok(Window { expression, low, high, in_window: newest, total: newest, exact: true });
    }
    let window_low = oldest_key.unwrap_or(low);
    // The window holds `size` matches; counting goes on below it only as far as the
    // exact-count limit.
    let limit = EXACT_COUNT_LIMIT.max(size);
    let (below_window, rest) = (window_low - 1, limit - size + 1);
    let older = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)"#,
        expression,
        low,
        below_window,
        rest
    )
    .fetch_one(pool)
    .await?;
    let counted = size + older;
    let exact = counted <= limit;
    let total = if exact {
        counted
    } else {
        // Matches are assumed as dense in the rest of the range as in the window. Without
        // date bounds the range is the whole index, whose size is the highest item id
        // (items are never deleted), read without counting a million rows.
        let in_range: i64 = if low == 0 && high == i64::MAX {
            sqlx::query_scalar!("SELECT COALESCE(MAX(item_id), 0) FROM search_docs").fetch_one(pool).await?
        } else {
            count_keys(pool, low, high).await?
        };
        let in_window = count_keys(pool, window_low, high).await?;
        (size as f64 * in_range as f64 / in_window.max(1) as f64).round() as i64
    };
    Ok(Window { expression, low: window_low, high, in_window: size, total: total.max(counted), exact })
}

/// Index rows whose key lies in [low, high], counted on FTS5's `search_index_docsize`
/// shadow table (one short row per index row, keyed like the index; documented in the
/// FTS5 manual's appendix on shadow tables): five times cheaper than `search_docs`, whose
/// rows carry the facet lists.
async fn count_keys(pool: &SqlitePool, low: i64, high: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar!("SELECT count(*) FROM search_index_docsize WHERE id BETWEEN ? AND ?", low, high)
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
    let rows = read_window(pool, text, &w, with_facets).await?;
    let offset = usize::try_from(q.offset).unwrap_or(usize::MAX);
    let limit = usize::try_from(q.limit).unwrap_or(0);
    let keys: Vec<i64> = rank(&rows).into_iter().skip(offset).take(limit).collect();
    let item_ids = item_ids_of(pool, &keys).await?;
    let facets = if with_facets {
        let scale = w.total as f64 / w.in_window as f64;
        count_facet_lists(&rows.facet_lists)
            .into_iter()
            .map(|((f, v), n)| (f.to_owned(), v.to_owned(), (n as f64 * scale).round() as i64))
            .collect()
    } else {
        Vec::new()
    };
    Ok((TextPage { item_ids, total: w.total, exact: w.exact }, facets))
}

/// The weight groups a clause is looked for in when ranking (the body is what is left).
const RANKED_GROUPS: [(&str, Group); 3] =
    [("title", Group::Title), ("lead", Group::Lead), ("structured", Group::Structured)];

/// What one read of the window brings back.
struct WindowRows {
    /// Index keys of every match in the window.
    matches: Vec<i64>,
    /// For each ranked clause, the keys of the window whose title, lead or structured
    /// texts hold it (in [`RANKED_GROUPS`] order).
    in_groups: Vec<[HashSet<i64>; 3]>,
    /// The window's facet lists, joined (empty unless asked for).
    facet_lists: String,
}

/// Reads the window in one statement: its matches (and their facet lists, looked up
/// beside each match only when asked for), then, for each ranked clause and group, the
/// keys of the window that hold it there — lists joined by SQLite and split here, rather
/// than a row per key.
async fn read_window(pool: &SqlitePool, text: &SearchQuery, w: &Window, with_facets: bool) -> sqlx::Result<WindowRows> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT group_concat(s.rowid), ");
    sql.push(if with_facets { "group_concat(d.facets, char(31))" } else { "NULL" });
    let ranked: Vec<&Clause> = text.clauses.iter().take(RANKED_CLAUSES).collect();
    for clause in &ranked {
        for (column, _) in RANKED_GROUPS {
            sql.push(", (SELECT group_concat(rowid) FROM search_index WHERE search_index MATCH ")
                .push_bind(format!("{{{column}}} : ({})", clause_expression(clause)))
                .push(" AND rowid BETWEEN ")
                .push_bind(w.low)
                .push(" AND ")
                .push_bind(w.high)
                .push(")");
        }
    }
    // CROSS JOIN keeps the order: the index's matches first, then one lookup each.
    sql.push(if with_facets {
        " FROM search_index s CROSS JOIN search_docs d ON d.doc_id = s.rowid WHERE search_index MATCH "
    } else {
        " FROM search_index s WHERE search_index MATCH "
    })
    .push_bind(w.expression.clone())
    .push(" AND s.rowid BETWEEN ")
    .push_bind(w.low)
    .push(" AND ")
    .push_bind(w.high);
    let row = sql.build().fetch_one(pool).await?;
    let text_at = |i: usize| row.try_get::<Option<String>, _>(i).map(Option::unwrap_or_default);
    let matches = text_at(0)?.split(',').filter_map(|key| key.parse().ok()).collect();
    let facet_lists = text_at(1)?;
    let mut in_groups = Vec::with_capacity(ranked.len());
    for c in 0..ranked.len() {
        let mut sets: [HashSet<i64>; 3] = Default::default();
        for (g, set) in sets.iter_mut().enumerate() {
            *set = text_at(2 + c * RANKED_GROUPS.len() + g)?.split(',').filter_map(|k| k.parse().ok()).collect();
        }
        in_groups.push(sets);
    }
    Ok(WindowRows { matches, in_groups, facet_lists })
}

/// Keys of the window's matches, best first: for each ranked clause, the weight of
/// the best group that holds it (less 1) plus half a point per group that holds it;
/// ties to the most recent (the highest key).
fn rank(rows: &WindowRows) -> Vec<i64> {
    let score = |key: i64| -> f64 {
        rows.in_groups
            .iter()
            .map(|sets| {
                let (best, groups) = RANKED_GROUPS
                    .iter()
                    .zip(sets)
                    .filter(|(_, set)| set.contains(&key))
                    .fold((Group::Body.weight(), 0.0), |(best, n), ((_, group), _)| {
                        (group.weight().max(best), n + 1.0)
                    });
                (best - 1.0) + 0.5 * groups
            })
            .sum()
    };
    let mut scored: Vec<(f64, i64)> = rows.matches.iter().map(|&key| (score(key), key)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
    scored.into_iter().map(|(_, key)| key).collect()
}

/// The item ids of index keys, in the keys' order.
async fn item_ids_of(pool: &SqlitePool, keys: &[i64]) -> sqlx::Result<Vec<i64>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::to_string(keys).unwrap_or_else(|_| "[]".into());
    let found: HashMap<i64, i64> = sqlx::query!(
        r#"SELECT doc_id AS "doc_id!", item_id FROM search_docs WHERE doc_id IN (SELECT value FROM json_each(?))"#,
        list
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.doc_id, row.item_id))
    .collect();
    Ok(keys.iter().filter_map(|key| found.get(key).copied()).collect())
}

/// Counts the `facet=value` entries of joined [`facet_list`](super::search_index::facet_list)s
/// (each entry hashed once as a whole, split once per distinct entry).
fn count_facet_lists(lists: &str) -> HashMap<(&str, &str), i64> {
    let mut per_entry: HashMap<&str, i64> = HashMap::new();
    for entry in lists.split(FACET_SEPARATOR) {
        *per_entry.entry(entry).or_insert(0) += 1;
    }
    per_entry.into_iter().filter_map(|(entry, n)| entry.split_once('=').map(|pair| (pair, n))).collect()
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
    fn ranking_weighs_the_best_group_of_each_word_then_recency() {
        let set = |keys: &[i64]| keys.iter().copied().collect::<HashSet<i64>>();
        let rows = WindowRows {
            // Key 4 is the most recent.
            matches: vec![1, 2, 3, 4],
            in_groups: vec![
                // "compost": in the title of 1, the lead of 2 and 3, only the body of 4.
                [set(&[1]), set(&[2, 3]), set(&[])],
                // "jardin": in the structured texts of 3.
                [set(&[]), set(&[]), set(&[3])],
            ],
            facet_lists: String::new(),
        };
        assert_eq!(rank(&rows), vec![1, 3, 2, 4]);
    }

    #[test]
    fn facet_lists_are_counted_per_facet_and_value() {
        let counts = count_facet_lists("kind=experience\u{1f}territory=Foix\u{1f}kind=experience\u{1f}pillar=a=b");
        assert_eq!(counts.get(&("kind", "experience")), Some(&2));
        assert_eq!(counts.get(&("territory", "Foix")), Some(&1));
        assert_eq!(counts.get(&("pillar", "a=b")), Some(&1), "a value keeps what follows its first '='");
    }
}
