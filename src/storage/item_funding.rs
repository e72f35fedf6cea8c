//! `item_funding`: the funding lines of public items, as the coordination totals count
//! them (the totals follow by triggers).

use sqlx::SqliteConnection;

/// One funding line of a public item, as the coordination totals count it.
pub struct FundingRow<'a> {
    pub funding_type: &'a str,
    pub programme: &'a str,
    pub amount_cents: i64,
}

/// Forgets an item's funding lines; the totals follow by triggers.
pub async fn delete_item_funding(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM item_funding WHERE item_id = ?", item_id).execute(conn).await?;
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
    let list: Vec<(&str, &str, i64)> =
        lines.iter().map(|line| (line.funding_type, line.programme, line.amount_cents)).collect();
    let list = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
    sqlx::query!(
        "INSERT INTO item_funding (item_id, line, funding_type, programme, amount_cents, regions)
         SELECT ?1, CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                json_extract(value, '$[2]'), ?2
         FROM json_each(?3)",
        item_id,
        regions,
        list
    )
    .execute(conn)
    .await?;
    Ok(())
}
