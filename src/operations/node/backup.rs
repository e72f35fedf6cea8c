//! Backups of the database: an online, consistent copy checked once written, the check
//! of a file about to be restored, and whether a node still holds the database.

use crate::operations::Node;
use crate::storage;
use anyhow::Context;
use std::path::Path;

/// Writes a consistent copy of the node's database to `target`, then reads it back.
pub async fn write_backup(node: &Node, target: &Path) -> anyhow::Result<()> {
    storage::backup_into(&node.pool, target).await?;
    storage::check_database_file(target).await.context(crate::msg!("op-backup_unreadable"))
}

/// Checks that `source` is a database this node can open and use.
pub async fn check_backup(source: &Path) -> anyhow::Result<()> {
    storage::check_database_file(source).await
}

/// Refuses to go on while a running node holds `database` open.
pub async fn ensure_not_in_use(database: &Path) -> anyhow::Result<()> {
    if storage::is_database_in_use(database).await? {
        anyhow::bail!(crate::msg!("op-database_in_use"));
    }
    Ok(())
}
