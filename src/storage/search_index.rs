//! The full-text index (`search_index`, FTS5, contentless) and its bookkeeping
//! (`search_docs`): writing an item's analysed terms, and the start-up check for items
//! whose row is missing or stale. Reading it is in [`super::search_text`].
//!
//! Index rows are keyed by recency (see the migration): the key of an item is its update
//! time in milliseconds shifted left by 20 bits plus the low bits of its id, so newest
//! matches come first and date filters are key ranges.

use super::parse_timestamp;
use sqlx::{SqliteConnection, SqlitePool};

/// Bump when the analysis changes: every item is then reindexed at the next start.
pub const ANALYZER_VERSION: i64 = 2;
const ID_BITS: u32 = 20;

/// The lowest key of an update time (stored timestamp format); 0 for an unreadable one.
pub fn key_of_time(stored: &str) -> i64 {
    parse_timestamp(stored).map_or(0, |t| t.timestamp_millis().max(0) << ID_BITS)
}

/// The highest key of an update time.
pub fn last_key_of_time(stored: &str) -> i64 {
    key_of_time(stored) | ((1 << ID_BITS) - 1)
}

/// A token of the `filters` column: `kind_` + the value in hex, so any value (a
/// territory with spaces and accents) is one token that no analysed word can equal.
pub fn filter_token(name: &str, value: &str) -> String {
    let mut token = String::with_capacity(name.len() + 1 + value.len() * 2);
    token.push_str(name);
    token.push('_');
    for byte in value.bytes() {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

/// Lifecycles the public sees; their items also carry the token `public_` (one short
/// doclist for the most common filter, instead of a union of two long ones).
pub const PUBLIC_LIFECYCLES: [&str; 2] = ["published", "archived"];

/// The `filters` column of an item: its lifecycle (and `public_` when the public sees
/// it), kind, origin (`local` or `remote`), territory and vocabulary codes, as
/// [`filter_token`]s.
pub fn filter_tokens(kind: &str, lifecycle: &str, local: bool, territory: &str, terms: &[(&str, &str)]) -> String {
    let mut tokens = vec![
        filter_token("lifecycle", lifecycle),
        filter_token("kind", kind),
        filter_token("origin", if local { "local" } else { "remote" }),
        filter_token("territory", territory),
    ];
    if PUBLIC_LIFECYCLES.contains(&lifecycle) {
        tokens.push(filter_token("public", ""));
    }
    tokens.extend(terms.iter().map(|(vocabulary, code)| filter_token(vocabulary, code)));
    tokens.join(" ")
}

/// Facets counted on search results, beside each index row (see [`facet_list`]), and
/// held by the in-memory facet sets.
pub const COUNTED_FACETS: [&str; 8] =
    ["kind", "territory", "pillar", "activity_domain", "resource", "food_theme", "target_audience", "place"];

/// Whether a facet value is counted: every value of the [`COUNTED_FACETS`] but the
/// places below the département (communes and EPCI, tens of thousands of values that
/// no page counts; lists filtered on them are counted in SQL).
pub fn is_counted(facet: &str, value: &str) -> bool {
    COUNTED_FACETS.contains(&facet)
        && !(facet == "place" && (value.starts_with("commune:") || value.starts_with("epci:")))
}

/// Separates the entries of a [`facet_list`].
pub const FACET_SEPARATOR: char = '\u{1f}';

/// The facet values of an item as stored beside its index row: `facet=value` entries
/// separated by [`FACET_SEPARATOR`] (removed from values), for the [`COUNTED_FACETS`].
pub fn facet_list(kind: &str, territory: &str, terms: &[(&str, &str)]) -> String {
    let mut list = format!("kind={kind}{FACET_SEPARATOR}territory={}", territory.replace(FACET_SEPARATOR, " "));
    for (vocabulary, code) in terms.iter().filter(|(v, c)| is_counted(v, c)) {
        list.push(FACET_SEPARATOR);
        list.push_str(&format!("{vocabulary}={}", code.replace(FACET_SEPARATOR, " ")));
    }
    list
}

/// What an index row holds: analysed terms per weight group, filter tokens, and the
/// facet values counted on results.
pub struct IndexRow<'a> {
    pub item_id: i64,
    pub revision: i64,
    pub updated_at: &'a str,
    /// Title, lead, structured, body: terms separated by spaces.
    pub columns: &'a [String; 4],
    pub filters: &'a str,
    /// A [`facet_list`].
    pub facets: &'a str,
    /// The item may have an index row already (false only for an item just inserted).
    pub replaces: bool,
}

/// Replaces the index row of an item (in the caller's transaction).
pub async fn index_item(conn: &mut SqliteConnection, row: &IndexRow<'_>) -> sqlx::Result<()> {
    if row.replaces {
        remove_item(conn, row.item_id).await?;
    }
    let mut key = key_of_time(row.updated_at) | (row.item_id & ((1 << ID_BITS) - 1));
    // Two items updated in the same millisecond with ids 2^20 apart: take the next key.
    while sqlx::query_scalar!(r#"SELECT 1 AS "found!: i64" FROM search_docs WHERE doc_id = ?"#, key)
        .fetch_optional(&mut *conn)
        .await?
        .is_some()
    {
        key += 1;
    }
    let [title, lead, structured, body] = row.columns;
    sqlx::query!(
        "INSERT INTO search_index (rowid, title, lead, structured, body, filters) VALUES (?, ?, ?, ?, ?, ?)",
        key,
        title,
        lead,
        structured,
        body,
        row.filters
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO search_docs (item_id, doc_id, revision, analyzer, facets) VALUES (?, ?, ?, ?, ?)",
        row.item_id,
        key,
        row.revision,
        ANALYZER_VERSION,
        row.facets
    )
    .execute(conn)
    .await?;
    Ok(())
}

async fn remove_item(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    let old: Option<i64> =
        sqlx::query_scalar!(r#"DELETE FROM search_docs WHERE item_id = ? RETURNING doc_id AS "doc_id!""#, item_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some(doc_id) = old {
        sqlx::query!("DELETE FROM search_index WHERE rowid = ?", doc_id).execute(conn).await?;
    }
    Ok(())
}

/// Ids of items whose index row is missing, of an older revision or of an older
/// analyser: what a crash, an old binary or a restored backup may leave behind.
pub async fn stale_item_ids(pool: &SqlitePool) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar!(
        "SELECT items.id FROM items LEFT JOIN search_docs d ON d.item_id = items.id
         WHERE d.item_id IS NULL OR d.revision <> items.revision OR d.analyzer <> ? ORDER BY items.id",
        ANALYZER_VERSION
    )
    .fetch_all(pool)
    .await
}

/// Every item id, for a full rebuild.
pub async fn all_item_ids(pool: &SqlitePool) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar!("SELECT id FROM items ORDER BY id").fetch_all(pool).await
}

/// Empties the index (a full rebuild follows, in the same transaction or not).
pub async fn clear(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM search_docs").execute(&mut *conn).await?;
    sqlx::query!("DELETE FROM search_index").execute(conn).await?;
    Ok(())
}

/// Merges the index's segments (after a rebuild).
pub async fn optimize(pool: &SqlitePool) -> sqlx::Result<()> {
    sqlx::query!("INSERT INTO search_index (search_index) VALUES ('optimize')").execute(pool).await?;
    Ok(())
}

/// Bytes used by the index's shadow tables and bookkeeping (for reports).
pub async fn index_bytes(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar!(
        "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat
         WHERE name LIKE 'search_index%' OR name IN ('search_docs', 'sqlite_autoindex_search_docs_1')"
    )
    .fetch_one(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_by_time_and_bounds_cover_every_id() {
        let early = key_of_time("2026-01-01T00:00:00.000Z");
        let late = key_of_time("2026-01-01T00:00:00.001Z");
        assert!(early < late);
        assert_eq!(last_key_of_time("2026-01-01T00:00:00.000Z") + 1, late);
    }

    #[test]
    fn facet_lists_keep_counted_facets_and_values_whole() {
        let terms = [("pillar", "recyclage"), ("tags", "x"), ("place", "commune:43157"), ("place", "departement:43")];
        let list = facet_list("experience", "Le Puy\u{1f}", &terms);
        assert_eq!(list, "kind=experience\u{1f}territory=Le Puy \u{1f}pillar=recyclage\u{1f}place=departement:43");
    }

    #[test]
    fn filter_tokens_are_single_ascii_tokens() {
        assert_eq!(filter_token("territory", "Le Puy é"), "territory_4c652050757920c3a9");
    }
}
