//! Every SQL statement of the node, one small function each. Callers get plain row types;
//! conversion to domain types happens in `operations`. SQLite runs in WAL mode with
//! foreign keys on; migrations in `migrations/` are applied at connect. Two things here
//! are not SQL but belong to the stored data: how large texts are stored (`packed`), and
//! the in-memory facet sets derived from the tables (`facet_sets`).

pub mod accounts;
pub mod activities;
pub mod announces;
pub mod audit;
pub mod deliveries;
pub mod facet_sets;
pub mod followers;
pub mod following;
pub mod inbox_log;
pub mod item_funding;
pub mod item_links;
pub mod item_revisions;
pub mod item_terms;
pub mod item_versions;
pub mod items;
pub mod keys;
pub mod media;
pub mod media_files;
pub mod network;
pub mod packed;
pub mod peer_sync;
pub mod peers;
pub mod remote_actors;
pub mod search;
pub mod search_index;
pub mod search_text;
pub mod states;
pub mod stats;
pub mod tombstones;
pub mod upgrades;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Opens (creating the file if needed, never its folder) and migrates the database at `path`.
pub async fn connect(path: &Path) -> anyhow::Result<SqlitePool> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))
        .with_context(|| crate::msg!("storage-path_unreadable", path = path.display().to_string()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // NORMAL in WAL mode: a crash never corrupts the database; a power loss may lose the
        // last transactions, which peers re-deliver or reconciliation heals.
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        // A connection is a handle on a local file: it cannot go stale like a network
        // one, so it is not pinged before each use (a round trip to its thread each time;
        // sqlx still pings on release, which flushes what a dropped query left pending).
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .with_context(|| crate::msg!("storage-open_failed-path", path = path.display().to_string()))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .with_context(|| crate::msg!("storage-migration_failed", path = path.display().to_string()))?;
    Ok(pool)
}

/// Starts a write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so
/// a transaction that reads before it writes never fails with a stale snapshot; other
/// writers wait for the busy timeout instead.
pub async fn begin_write(pool: &SqlitePool) -> sqlx::Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

pub use crate::clock::{parse_timestamp, timestamp};

/// Whether another process holds `database` open (a running node, in WAL mode): taking
/// an exclusive lock without waiting tells.
pub async fn is_database_in_use(database: &Path) -> anyhow::Result<bool> {
    use sqlx::Connection;
    let options = SqliteConnectOptions::new().filename(database).busy_timeout(Duration::ZERO);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await.context(crate::msg!("storage-open_failed"))?;
    let locked = sqlx::query!("BEGIN EXCLUSIVE").execute(&mut conn).await.is_err();
    let _ = sqlx::query!("ROLLBACK").execute(&mut conn).await;
    conn.close().await.ok();
    Ok(locked)
}

/// SQLite's `PRAGMA quick_check`: "ok", or the problems found.
pub async fn quick_check(pool: &SqlitePool) -> sqlx::Result<String> {
    sqlx::query_scalar("PRAGMA quick_check").fetch_one(pool).await
}

/// How many migrations the database has applied.
pub async fn migrations_applied(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM _sqlx_migrations"#).fetch_one(pool).await
}

/// A consistent copy of the live database (`VACUUM INTO`), safe while the node serves.
pub async fn backup_into(pool: &SqlitePool, target: &Path) -> anyhow::Result<()> {
    let target = target.to_str().context(crate::msg!("storage-backup_path_not_utf8"))?;
    sqlx::query!("VACUUM INTO ?", target).execute(pool).await.context(crate::msg!("storage-backup_write_failed"))?;
    Ok(())
}

/// `PRAGMA integrity_check` of a database file, and whether it holds maillage's tables.
pub async fn check_database_file(path: &Path) -> anyhow::Result<()> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?.read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .context(crate::msg!("storage-not_sqlite"))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .context(crate::msg!("storage-integrity_unchecked"))?;
    if integrity != "ok" {
        anyhow::bail!(crate::msg!("storage-integrity_failed", problems = integrity));
    }
    let tables: i64 = sqlx::query_scalar!(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('items', '_sqlx_migrations')"
    )
    .fetch_one(&pool)
    .await?;
    if tables != 2 {
        anyhow::bail!(crate::msg!("storage-not_maillage"));
    }
    pool.close().await;
    Ok(())
}
