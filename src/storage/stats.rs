//! Counts for the home page and dashboards: how many public items this node holds, its
//! own and replicated, and from how many origins (read from the counts kept on write).

use sqlx::SqlitePool;

pub struct HoldingCounts {
    pub local: i64,
    pub replicated: i64,
    pub origins: i64,
}

/// From the counts kept on write (`public_counts`, facet `all`: one row per origin, `''`
/// for this node's own items).
pub async fn count_public_holdings(pool: &SqlitePool) -> sqlx::Result<HoldingCounts> {
    sqlx::query_as!(
        HoldingCounts,
        r#"SELECT COALESCE(SUM(CASE WHEN origin = '' THEN n END), 0) AS "local!: i64",
                COALESCE(SUM(CASE WHEN origin <> '' THEN n END), 0) AS "replicated!: i64",
                COUNT(*) FILTER (WHERE origin <> '') AS "origins!: i64"
           FROM public_counts WHERE facet = 'all' AND n > 0"#
    )
    .fetch_one(pool)
    .await
}
