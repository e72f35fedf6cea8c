//! Figures of the whole known network, for the coordination view: items per origin, kind,
//! pillar and territory (read from the counts kept on write, `public_counts`), recent
//! items (an index range), and lineage links between origins (from the links).

use sqlx::SqlitePool;

/// (origin actor or NULL for local, territory label, kind, count) of public items.
pub async fn counts_by_origin_and_kind(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, String, i64)>> {
    sqlx::query_as(
        "SELECT NULLIF(origin, ''), value, n FROM public_counts WHERE facet = 'kind' AND n > 0 ORDER BY origin, value",
    )
    .fetch_all(pool)
    .await
}

pub async fn counts_by_origin_and_pillar(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, String, i64)>> {
    sqlx::query_as(
        "SELECT NULLIF(origin, ''), value, n FROM public_counts WHERE facet = 'pillar' AND n > 0 ORDER BY origin, value",
    )
    .fetch_all(pool)
    .await
}

/// Public items first published (or created, for replicas) since `since`, per origin: a
/// range of the `items_public_since` index, the recent entries only.
pub async fn counts_new_since(pool: &SqlitePool, since: &str) -> sqlx::Result<Vec<(Option<String>, i64)>> {
    sqlx::query_as(
        "SELECT origin, COUNT(*) FROM items INDEXED BY items_public_since
          WHERE lifecycle IN ('published', 'archived') AND COALESCE(published_at, created_at) >= ?
         GROUP BY origin",
    )
    .bind(since)
    .fetch_all(pool)
    .await
}

/// The territory label most used by each origin's public items, from the counts kept on
/// write (with one `max()`, SQLite takes the other columns from the row holding it).
pub async fn territory_of_origins(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, String)>> {
    sqlx::query_as(
        "SELECT NULLIF(origin, ''), value FROM (SELECT origin, value, max(n) FROM public_counts
                                                  WHERE facet = 'territory' AND n > 0 GROUP BY origin)",
    )
    .fetch_all(pool)
    .await
}

/// Lineage links (adapting origin, inspiring origin, count) between items this node holds.
pub async fn lineage_links(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, Option<String>, i64)>> {
    sqlx::query_as(
        // From the links (CROSS JOIN keeps that order): never a walk of every item.
        "SELECT a.origin, b.origin, COUNT(*) FROM item_links l CROSS JOIN items a ON a.id = l.item_id
           JOIN items b ON b.uri = l.target
         WHERE a.lifecycle IN ('published', 'archived') GROUP BY a.origin, b.origin",
    )
    .fetch_all(pool)
    .await
}

/// Display names of known remote actors.
pub async fn actor_names(pool: &SqlitePool) -> sqlx::Result<Vec<(String, Option<String>)>> {
    sqlx::query_as("SELECT uri, name FROM remote_actors").fetch_all(pool).await
}

/// Funding totals (funding type, programme, amount in cents, lines) of public items,
/// in a région or over the whole network, largest first.
pub async fn funding_totals(pool: &SqlitePool, region: Option<&str>) -> sqlx::Result<Vec<(String, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT funding_type, programme, amount_cents, lines FROM funding_totals
          WHERE region = ? AND lines > 0 ORDER BY amount_cents DESC, funding_type, programme",
    )
    .bind(region.unwrap_or(""))
    .fetch_all(pool)
    .await
}
