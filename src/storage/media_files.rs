//! The media folder: files named by their SHA-256 (`ab/abcdef…`), written to a temporary
//! name and renamed into place, so a reader never sees half a file and a crash leaves at
//! most a temporary file, which the clean-up removes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The files of one node.
#[derive(Debug, Clone)]
pub struct MediaFolder {
    root: PathBuf,
}

impl MediaFolder {
    pub fn new(root: PathBuf) -> MediaFolder {
        MediaFolder { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the file of `sha256` lives (the digest was checked to be hexadecimal).
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2]).join(sha256)
    }

    pub fn holds(&self, sha256: &str) -> bool {
        self.path_of(sha256).is_file()
    }

    /// Writes `bytes` as the file of `sha256` unless it is there already. Returns whether
    /// this call wrote it (the caller removes it again if its transaction fails).
    pub fn write(&self, sha256: &str, bytes: &[u8]) -> std::io::Result<bool> {
        let path = self.path_of(sha256);
        if path.is_file() {
            return Ok(false);
        }
        let folder = path.parent().expect("a file path has a folder");
        std::fs::create_dir_all(folder)?;
        let temporary = folder.join(format!(".{sha256}.{}.part", uuid::Uuid::new_v4().simple()));
        let written = (|| {
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            std::fs::rename(&temporary, &path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written.map(|()| true)
    }

    /// Removes the file of `sha256` (a missing file is not an error).
    pub fn remove(&self, sha256: &str) -> std::io::Result<()> {
        match std::fs::remove_file(self.path_of(sha256)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    pub fn read(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path_of(sha256))
    }

    /// Every file in the folder, temporary ones included: (file name, path, age).
    pub fn list(&self) -> std::io::Result<Vec<(String, PathBuf, std::time::Duration)>> {
        let mut files = Vec::new();
        let Ok(shards) = std::fs::read_dir(&self.root) else { return Ok(files) };
        for shard in shards.flatten().filter(|e| e.path().is_dir()) {
            for entry in std::fs::read_dir(shard.path())?.flatten() {
                let age = entry.metadata()?.modified()?.elapsed().unwrap_or_default();
                files.push((entry.file_name().to_string_lossy().into_owned(), entry.path(), age));
            }
        }
        Ok(files)
    }
}
