//! `maillage backup FILE` (online, consistent) and `maillage restore FILE` (node stopped).

use super::out;
use crate::operations::Node;
use crate::storage;
use anyhow::Context;
use std::path::Path;

pub async fn backup(node: &Node, target: &Path) -> anyhow::Result<()> {
    if target.exists() {
        anyhow::bail!("{} existe déjà : choisissez un autre fichier", target.display());
    }
    storage::backup_into(&node.pool, target).await?;
    storage::check_database_file(target).await.context("la sauvegarde écrite ne se relit pas")?;
    out(&format!("sauvegarde cohérente écrite dans {}", target.display()))
}

/// Replaces the database with a checked backup; the current file is kept beside it.
pub async fn restore(database: &Path, source: &Path) -> anyhow::Result<()> {
    storage::check_database_file(source)
        .await
        .with_context(|| format!("{} n'est pas une sauvegarde utilisable", source.display()))?;
    if database.exists() {
        ensure_not_in_use(database).await?;
        let kept =
            database.with_extension(format!("avant-restauration-{}.db", chrono::Utc::now().format("%Y%m%dT%H%M%S")));
        std::fs::rename(database, &kept)
            .with_context(|| format!("impossible de mettre {} de côté", database.display()))?;
        for suffix in ["-wal", "-shm"] {
            let side = format!("{}{suffix}", database.display());
            let _ = std::fs::remove_file(side);
        }
        out(&format!("base actuelle conservée dans {}", kept.display()))?;
    }
    std::fs::copy(source, database)
        .with_context(|| format!("impossible de copier {} vers {}", source.display(), database.display()))?;
    out(&format!("{} restaurée depuis {}", database.display(), source.display()))
}

/// A running node holds the database open in WAL mode; taking an exclusive lock tells.
async fn ensure_not_in_use(database: &Path) -> anyhow::Result<()> {
    use sqlx::Connection;
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(database).busy_timeout(std::time::Duration::ZERO);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await.context("impossible d'ouvrir la base")?;
    let locked = sqlx::query("BEGIN EXCLUSIVE").execute(&mut conn).await.is_err();
    let _ = sqlx::query("ROLLBACK").execute(&mut conn).await;
    conn.close().await.ok();
    if locked {
        anyhow::bail!("la base est utilisée : arrêtez le nœud avant de restaurer");
    }
    Ok(())
}
