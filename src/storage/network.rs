//! Figures of the whole known network, for the coordination view: items per origin, kind
//! and pillar (read from the counts kept on write, `public_counts`), recent items, and
//! lineage links between origins.

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

/// Public items first published (or created, for replicas) since `since`, per origin.
pub async fn counts_new_since(pool: &SqlitePool, since: &str) -> sqlx::Result<Vec<(Option<String>, i64)>> {
    sqlx::query_as(
        "SELECT origin, COUNT(*) FROM items WHERE lifecycle IN ('published', 'archived') AND COALESCE(published_at, created_at) >= ?
         GROUP BY origin",
    )
    .bind(since)
    .fetch_all(pool)
    .await
}

/// The most territory label used by each origin's items.
pub async fn territory_of_origins(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, String)>> {
    sqlx::query_as(
        "SELECT origin, territory FROM (SELECT origin, territory, COUNT(*) AS n FROM items GROUP BY origin, territory ORDER BY n DESC)
         GROUP BY origin",
    )
    .fetch_all(pool)
    .await
}

/// Lineage links (adapting origin, inspiring origin, count) between items this node holds.
pub async fn lineage_links(pool: &SqlitePool) -> sqlx::Result<Vec<(Option<String>, Option<String>, i64)>> {
    sqlx::query_as(
        "SELECT a.origin, b.origin, COUNT(*) FROM items a JOIN item_links l ON l.item_id = a.id
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
