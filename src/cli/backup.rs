//! `maillage backup FILE` (online, consistent) and `maillage restore FILE` (node stopped).
//! The files of items go along in a folder beside the backup, `FILE.media/` (hard links
//! where the file system allows: files are named by their digest and never change).

use super::out;
use crate::operations::node::backup::{check_backup, ensure_not_in_use, write_backup};
use crate::operations::Node;
use anyhow::Context;
use std::path::Path;

pub async fn backup(node: &Node, target: &Path) -> anyhow::Result<()> {
    if target.exists() {
        anyhow::bail!("{} existe déjà : choisissez un autre fichier", target.display());
    }
    let media_target = media_beside(target);
    if media_target.exists() {
        anyhow::bail!("{} existe déjà : choisissez un autre fichier", media_target.display());
    }
    write_backup(node, target).await?;
    let files = copy_files(node.media_folder.root(), &media_target)?;
    out(&format!(
        "sauvegarde cohérente écrite dans {} ({files} fichier(s) dans {})",
        target.display(),
        media_target.display()
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
                .with_context(|| format!("impossible de créer {}", target_shard.display()))?;
            let target = target_shard.join(&name);
            if target.exists() {
                continue;
            }
            if std::fs::hard_link(entry.path(), &target).is_err() {
                std::fs::copy(entry.path(), &target).with_context(|| {
                    format!("impossible de copier {} vers {}", entry.path().display(), target.display())
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
    check_backup(source).await.with_context(|| format!("{} n'est pas une sauvegarde utilisable", source.display()))?;
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
    let files = copy_files(&media_beside(source), media)?;
    out(&format!(
        "{} restaurée depuis {} ({files} fichier(s) remis dans {})",
        database.display(),
        source.display(),
        media.display()
    ))
}
