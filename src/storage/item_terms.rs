//! `item_terms`: the vocabulary codes of each item, what facet filters and counts read (the
//! public counts follow by triggers).

use sqlx::SqliteConnection;

/// Replaces the vocabulary codes of an item.
pub async fn replace_item_terms(conn: &mut SqliteConnection, item_id: i64, terms: &[(&str, &str)]) -> sqlx::Result<()> {
    delete_item_terms(&mut *conn, item_id).await?;
    insert_item_terms(conn, item_id, terms).await
}

/// Forgets an item's vocabulary codes (the public counts follow by triggers).
pub async fn delete_item_terms(conn: &mut SqliteConnection, item_id: i64) -> sqlx::Result<()> {
    sqlx::query!("DELETE FROM item_terms WHERE item_id = ?", item_id).execute(conn).await?;
    Ok(())
}

/// Adds vocabulary codes to an item.
pub async fn insert_item_terms(conn: &mut SqliteConnection, item_id: i64, terms: &[(&str, &str)]) -> sqlx::Result<()> {
    if terms.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(terms).unwrap_or_else(|_| "[]".into());
    sqlx::query!(
        "INSERT OR IGNORE INTO item_terms (item_id, vocabulary, code)
         SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?2)",
        item_id,
        list
    )
    .execute(conn)
    .await?;
    Ok(())
}
