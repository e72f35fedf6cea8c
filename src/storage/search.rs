//! Listing, filtering, full-text search (FTS5, accents folded) and facet counts.
//! One filter builder serves the list, its total and its facets, so they always agree.

use super::items::ItemRow;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

/// Sentinels around highlighted words in snippets; the web layer escapes the snippet and
/// then turns them into `<mark>`, so text from the database is never trusted as HTML.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

#[derive(Debug, Clone, Default)]
pub struct ItemQuery {
    pub kind: Option<String>,
    pub territory: Option<String>,
    pub pillar: Option<String>,
    pub domain: Option<String>,
    pub resource: Option<String>,
    /// Lifecycles to include; empty means public ones (published, archived).
    pub lifecycles: Vec<String>,
    /// Inclusive bounds on `updated_at`, in the stored timestamp format.
    pub updated_from: Option<String>,
    pub updated_to: Option<String>,
    /// An FTS5 MATCH expression (see [`fts_match_expression`]).
    pub text: Option<String>,
    pub local_only: bool,
    pub limit: i64,
    pub offset: i64,
}

pub struct SearchHit {
    pub row: ItemRow,
    pub snippet: Option<String>,
}

fn push_from_where(q: &mut QueryBuilder<'_, Sqlite>, query: &ItemQuery) {
    if query.text.is_some() {
        q.push(" FROM items JOIN items_fts ON items_fts.rowid = items.id WHERE items_fts MATCH ");
        q.push_bind(query.text.clone().unwrap_or_default());
    } else {
        q.push(" FROM items WHERE 1 = 1");
    }
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
    for (vocabulary, code) in
        [("pillar", &query.pillar), ("activity_domain", &query.domain), ("resource", &query.resource)]
    {
        if let Some(code) = code {
            q.push(" AND EXISTS (SELECT 1 FROM item_terms t WHERE t.item_id = items.id AND t.vocabulary = ")
                .push_bind(vocabulary)
                .push(" AND t.code = ")
                .push_bind(code.clone())
                .push(")");
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

/// One page of items matching `query`, best match first when searching, newest first
/// otherwise. Two steps, so that large result sets stay cheap: the ids of the page are
/// chosen first (an index walk, or the FTS ranking, without touching documents), then
/// only those rows and their snippets are read.
pub async fn search_items(pool: &SqlitePool, query: &ItemQuery) -> sqlx::Result<Vec<SearchHit>> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT items.id");
    push_from_where(&mut q, query);
    if query.text.is_some() {
        // Title and summary weigh more than the body.
        q.push(" ORDER BY bm25(items_fts, 10.0, 5.0, 1.0, 3.0, 4.0), items.updated_at DESC");
    } else {
        q.push(" ORDER BY items.updated_at DESC, items.id DESC");
    }
    q.push(" LIMIT ").push_bind(query.limit).push(" OFFSET ").push_bind(query.offset);
    let ids: Vec<i64> = q.build_query_scalar().fetch_all(pool).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }

    let rows = super::items::find_items_by_ids(pool, &ids).await?;
    let mut snippets = std::collections::HashMap::new();
    if let Some(text) = &query.text {
        let mut s: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "SELECT rowid, snippet(items_fts, -1, '{MARK_START}', '{MARK_END}', '…', 24) FROM items_fts WHERE items_fts MATCH "
        ));
        s.push_bind(text.clone()).push(" AND rowid IN (");
        let mut list = s.separated(", ");
        for id in &ids {
            list.push_bind(*id);
        }
        list.push_unseparated(")");
        let found: Vec<(i64, String)> = s.build_query_as().fetch_all(pool).await?;
        snippets.extend(found);
    }
    let mut by_id: std::collections::HashMap<i64, ItemRow> = rows.into_iter().map(|r| (r.id, r)).collect();
    Ok(ids
        .into_iter()
        .filter_map(|id| by_id.remove(&id).map(|row| SearchHit { snippet: snippets.remove(&id), row }))
        .collect())
}

pub async fn count_items(pool: &SqlitePool, query: &ItemQuery) -> sqlx::Result<i64> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new("SELECT COUNT(*)");
    push_from_where(&mut q, query);
    q.build_query_scalar().fetch_one(pool).await
}

/// Counts of matching items per value of one facet: `kind`, `territory`, or a vocabulary
/// name (`pillar`, `activity_domain`, `resource`).
pub async fn facet_counts(pool: &SqlitePool, query: &ItemQuery, facet: &str) -> sqlx::Result<Vec<(String, i64)>> {
    let mut q: QueryBuilder<Sqlite> = match facet {
        "kind" => QueryBuilder::new("SELECT items.kind AS value, COUNT(*) AS n"),
        "territory" => QueryBuilder::new("SELECT items.territory AS value, COUNT(*) AS n"),
        _ => QueryBuilder::new("SELECT t.code AS value, COUNT(*) AS n"),
    };
    push_from_where(&mut q, query);
    match facet {
        "kind" => q.push(" GROUP BY items.kind"),
        "territory" => q.push(" GROUP BY items.territory"),
        vocabulary => {
            // Re-wrap: count the matching items that carry each code of the vocabulary.
            let mut inner: QueryBuilder<Sqlite> =
                QueryBuilder::new("SELECT t.code AS value, COUNT(*) AS n FROM item_terms t WHERE t.vocabulary = ");
            inner.push_bind(vocabulary.to_owned()).push(" AND t.item_id IN (SELECT items.id");
            push_from_where(&mut inner, query);
            inner.push(") GROUP BY t.code ORDER BY n DESC, value");
            return inner.build_query_as().fetch_all(pool).await;
        }
    };
    q.push(" ORDER BY n DESC, value");
    q.build_query_as().fetch_all(pool).await
}

/// Rewrites the full-text row of an item.
pub async fn index_item(
    conn: &mut SqliteConnection,
    item_id: i64,
    title: &str,
    summary: &str,
    body_text: &str,
    territory: &str,
    keywords: &str,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM items_fts WHERE rowid = ?").bind(item_id).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO items_fts (rowid, title, summary, body, territory, keywords) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(item_id)
        .bind(title)
        .bind(summary)
        .bind(body_text)
        .bind(territory)
        .bind(keywords)
        .execute(conn)
        .await?;
    Ok(())
}

/// Turns what a person typed into a safe FTS5 expression: every word must appear (any
/// accent, any case), the last one as a prefix. Operators and quotes typed by the user are
/// treated as plain text. `None` when nothing searchable remains.
pub fn fts_match_expression(input: &str) -> Option<String> {
    let words: Vec<String> =
        input.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(12).map(|w| w.to_owned()).collect();
    let last = words.len().checked_sub(1)?;
    let terms: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == last { format!("\"{w}\"*") } else { format!("\"{w}\"") })
        .collect();
    Some(terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_match_expression;

    #[test]
    fn user_operators_are_neutralised() {
        assert_eq!(fts_match_expression("écologie OR \"x"), Some("\"écologie\" \"OR\" \"x\"*".into()));
        assert_eq!(fts_match_expression("  -- ;"), None);
    }
}
