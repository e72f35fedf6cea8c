//! Figures of the whole known network, for the coordination view: items per origin, kind,
//! pillar and territory (read from the counts kept on write, `public_counts`), recent
//! items (an index range), and lineage links between origins (from the links).

use sqlx::SqlitePool;

/// How many public items of one origin have one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginCount {
    /// The origin actor; `None` for this node's own items.
    pub origin: Option<String>,
    /// The facet value: a kind or a pillar code.
    pub value: String,
    pub n: i64,
}

/// Public items of each origin by kind.
pub async fn counts_by_origin_and_kind(pool: &SqlitePool) -> sqlx::Result<Vec<OriginCount>> {
    sqlx::query_as!(
        OriginCount,
        r#"SELECT NULLIF(origin, '') AS "origin: String", value, n FROM public_counts
           WHERE facet = 'kind' AND n > 0 ORDER BY origin, value"#
    )
    .fetch_all(pool)
    .await
}

/// Public items of each origin by pillar.
pub async fn counts_by_origin_and_pillar(pool: &SqlitePool) -> sqlx::Result<Vec<OriginCount>> {
    sqlx::query_as!(
        OriginCount,
        r#"SELECT NULLIF(origin, '') AS "origin: String", value, n FROM public_counts
           WHERE facet = 'pillar' AND n > 0 ORDER BY origin, value"#
    )
    .fetch_all(pool)
    .await
}

/// How many public items an origin (`None`: this node) holds in some selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginTotal {
    pub origin: Option<String>,
    pub n: i64,
}

/// Public items first published (or created, for replicas) since `since`, per origin: a
/// range of the `items_public_since` index, the recent entries only.
pub async fn counts_new_since(pool: &SqlitePool, since: &str) -> sqlx::Result<Vec<OriginTotal>> {
    sqlx::query_as!(
        OriginTotal,
        r#"SELECT origin, COUNT(*) AS "n!: i64" FROM items INDEXED BY items_public_since
           WHERE lifecycle IN ('published', 'archived') AND COALESCE(published_at, created_at) >= ?
           GROUP BY origin"#,
        since
    )
    .fetch_all(pool)
    .await
}

/// The territory label an origin (`None`: this node) uses most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginTerritory {
    pub origin: Option<String>,
    pub territory: String,
}

/// The territory label most used by each origin's public items, from the counts kept on
/// write (with one `max()`, SQLite takes the other columns from the row holding it).
pub async fn territory_of_origins(pool: &SqlitePool) -> sqlx::Result<Vec<OriginTerritory>> {
    sqlx::query_as!(
        OriginTerritory,
        r#"SELECT NULLIF(origin, '') AS "origin: String", value AS "territory!: String"
           FROM (SELECT origin, value, max(n) FROM public_counts WHERE facet = 'territory' AND n > 0 GROUP BY origin)"#
    )
    .fetch_all(pool)
    .await
}

/// How many items of one origin draw on items of another (`None`: this node).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageCount {
    pub adapting: Option<String>,
    pub inspiring: Option<String>,
    pub items: i64,
}

/// Lineage links between the origins of the items this node holds.
pub async fn lineage_links(pool: &SqlitePool) -> sqlx::Result<Vec<LineageCount>> {
    sqlx::query_as!(
        LineageCount,
        // From the links (CROSS JOIN keeps that order): never a walk of every item.
        r#"SELECT a.origin AS adapting, b.origin AS inspiring, COUNT(*) AS "items!: i64"
           FROM item_links l CROSS JOIN items a ON a.id = l.item_id JOIN items b ON b.uri = l.target
           WHERE a.lifecycle IN ('published', 'archived') GROUP BY a.origin, b.origin"#
    )
    .fetch_all(pool)
    .await
}

/// A known remote actor's display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    pub uri: String,
    pub name: Option<String>,
}

/// Display names of known remote actors.
pub async fn actor_names(pool: &SqlitePool) -> sqlx::Result<Vec<ActorName>> {
    sqlx::query_as!(ActorName, r#"SELECT uri AS "uri!", name FROM remote_actors"#).fetch_all(pool).await
}

/// What public items received from one funding type and programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingTotal {
    /// A `funding_type` code, or empty when the lines give none.
    pub funding_type: String,
    /// Empty when the lines name none.
    pub programme: String,
    pub amount_cents: i64,
    pub lines: i64,
}

/// Funding totals of public items, in a région or over the whole network, largest first.
pub async fn funding_totals(pool: &SqlitePool, region: Option<&str>) -> sqlx::Result<Vec<FundingTotal>> {
    let region = region.unwrap_or("");
    sqlx::query_as!(
        FundingTotal,
        "SELECT funding_type, programme, amount_cents, lines FROM funding_totals
          WHERE region = ? AND lines > 0 ORDER BY amount_cents DESC, funding_type, programme",
        region
    )
    .fetch_all(pool)
    .await
}
