//! `item_funding`: the funding lines of public items, as the coordination totals count
//! them (the totals follow by triggers).

use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// One funding line of a public item, as the coordination totals count it.
pub struct FundingRow<'a> {
    pub funding_type: &'a str,
    pub programme: &'a str,
    pub amount_cents: i64,
}

/// Forgets an item's funding lines; the totals follow by triggers.
pub async fn delete_item_funding(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM item_funding WHERE item_id = ?").bind(item_id).execute(conn).await?;
    Ok(())
}

/// Adds funding lines to an item (none for an item that is not public); the totals
/// follow by triggers.
pub async fn insert_item_funding(
    conn: &mut SqliteConnection,
    item_id: i64,
    lines: &[FundingRow<'_>],
    regions: &[&str],
) -> sqlx::Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let regions = serde_json::to_string(regions).unwrap_or_else(|_| "[]".to_owned());
    let mut q: QueryBuilder<Sqlite> =
        QueryBuilder::new("INSERT INTO item_funding (item_id, line, funding_type, programme, amount_cents, regions) ");
    q.push_values(lines.iter().enumerate(), |mut row, (i, line)| {
        row.push_bind(item_id)
            .push_bind(i as i64)
            .push_bind(line.funding_type)
            .push_bind(line.programme)
            .push_bind(line.amount_cents)
            .push_bind(regions.clone());
    });
    q.build().execute(conn).await?;
    Ok(())
}
