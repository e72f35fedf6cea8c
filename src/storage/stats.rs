//! Counts for the home page and dashboards: how many public items this node holds, its
//! own and replicated, and from how many origins.

use sqlx::SqlitePool;

pub struct HoldingCounts {
    pub local: i64,
    pub replicated: i64,
    pub origins: i64,
}

pub async fn count_public_holdings(pool: &SqlitePool) -> sqlx::Result<HoldingCounts> {
    let (local, replicated, origins): (i64, i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(origin IS NULL), 0), COALESCE(SUM(origin IS NOT NULL), 0), COUNT(DISTINCT origin)
         FROM items WHERE lifecycle IN ('published', 'archived')",
    )
    .fetch_one(pool)
    .await?;
    Ok(HoldingCounts { local, replicated, origins })
}
