//! `maillage backup FILE` (online, consistent) and `maillage restore FILE` (node stopped).
//! The files of items go along in a folder beside the backup, `FILE.media/` (hard links
//! where the file system allows: files are named by their digest and never change).

use super::out;
use crate::msg;
use crate::operations::node::backup::{check_backup, ensure_not_in_use, write_backup};
use crate::operations::Node;
use anyhow::Context;
use std::path::Path;

pub async fn backup(node: &Node, target: &Path) -> anyhow::Result<()> {
    if target.exists() {
        anyhow::bail!(msg!("cli-backup-target-exists", path = target.display().to_string()));
    }
    let media_target = media_beside(target);
    if media_target.exists() {
        anyhow::bail!(msg!("cli-backup-target-exists", path = media_target.display().to_string()));
    }
    write_backup(node, target).await?;
    let files = copy_files(node.media_folder.root(), &media_target)?;
    out(msg!(
        "cli-backup-written",
        file = target.display().to_string(),
        files = files,
        media = media_target.display().to_string()
    ))
}

/// The media folder of the backup `file`.
pub fn media_beside(file: &Path) -> std::path::PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".media");
    name.into()
}

/// Copies every file of the media folder `from` (its `ab/` sub-folders) into `to`,
/// keeping files already there; temporary files are left out. Returns how many.
fn copy_files(from: &Path, to: &Path) -> anyhow::Result<usize> {
    let mut copied = 0;
    let Ok(shards) = std::fs::read_dir(from) else { return Ok(0) };
    for shard in shards.flatten().filter(|e| e.path().is_dir()) {
        let target_shard = to.join(shard.file_name());
        for entry in std::fs::read_dir(shard.path())?.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            std::fs::create_dir_all(&target_shard)
                .with_context(|| msg!("cli-cannot-create", path = target_shard.display().to_string()))?;
            let target = target_shard.join(&name);
            if target.exists() {
                continue;
            }
            if std::fs::hard_link(entry.path(), &target).is_err() {
                std::fs::copy(entry.path(), &target).with_context(|| {
                    msg!(
                        "cli-cannot-copy",
                        from = entry.path().display().to_string(),
                        to = target.display().to_string()
                    )
                })?;
            }
            copied += 1;
        }
    }
    Ok(copied)
}

/// Replaces the database with a checked backup; the current file is kept beside it. The
/// backup's files are added to the media folder `media` (files the restored items no
/// longer use are removed at the node's next start).
pub async fn restore(database: &Path, media: &Path, source: &Path) -> anyhow::Result<()> {
    check_backup(source)
        .await
        .with_context(|| msg!("cli-restore-not-a-backup", file = source.display().to_string()))?;
    if database.exists() {
        ensure_not_in_use(database).await?;
        let kept =
            database.with_extension(format!("avant-restauration-{}.db", chrono::Utc::now().format("%Y%m%dT%H%M%S")));
        std::fs::rename(database, &kept)
            .with_context(|| msg!("cli-restore-cannot-set-aside", file = database.display().to_string()))?;
        for suffix in ["-wal", "-shm"] {
            let side = format!("{}{suffix}", database.display());
            let _ = std::fs::remove_file(side);
        }
        out(msg!("cli-restore-kept", file = kept.display().to_string()))?;
    }
    std::fs::copy(source, database).with_context(|| {
        msg!("cli-cannot-copy", from = source.display().to_string(), to = database.display().to_string())
    })?;
    let files = copy_files(&media_beside(source), media)?;
    out(msg!(
        "cli-restore-done",
        database = database.display().to_string(),
        file = source.display().to_string(),
        files = files,
        media = media.display().to_string()
    ))
}
