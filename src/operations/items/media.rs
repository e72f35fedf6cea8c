//! Files attached to local items: an upload is checked (name, type from the bytes, size,
//! pixels), pictures are re-encoded as two variants, the files are written to the media
//! folder by digest, and the item gets a new revision naming them (attaching is an
//! outbound change: `operations::outbound::attachments`) — the file rows in the
//! transaction of that revision. Files no item uses any more are released after the
//! commit; [`collect_garbage`] is the documented step that removes anything left behind
//! (a crash between writing a file and committing).

use crate::content::images::{make_variants, EncodedImage, PixelLimits};
use crate::content::media::{check_file_name, is_image_type, sniff, MediaFile, MediaKind, MediaRefusal, StoredFile};
use crate::content::ItemDocument;
use crate::operations::{Node, OperationError};
use crate::storage::{self, media::BlobRow, timestamp};
use anyhow::Context;
use sqlx::SqliteConnection;
use std::collections::BTreeSet;

/// Pictures being decoded at once.
static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A file as an editor sends it, with what they say about it.
#[derive(Debug, Default)]
pub struct Upload {
    pub bytes: Vec<u8>,
    pub file_name: Option<String>,
    pub title: String,
    pub license: Option<String>,
    pub credit: Option<String>,
    pub alt: Option<String>,
    pub cover: bool,
}

/// An upload checked and turned into the files to store and the entry that names them.
pub struct Prepared {
    pub entry: MediaFile,
    files: Vec<(BlobRow, Vec<u8>)>,
}

impl Prepared {
    pub fn blobs(&self) -> Vec<BlobRow> {
        self.files.iter().map(|(row, _)| row.clone()).collect()
    }
}

/// Lowercase hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes))
}

pub(crate) fn pixel_limits(node: &Node) -> PixelLimits {
    let media = &node.settings.media;
    PixelLimits { max_side: media.max_image_side, max_pixels: media.max_image_megapixels.saturating_mul(1_000_000) }
}

/// The size limit of a type.
pub(crate) fn limit_for(node: &Node, media_type: &str) -> u64 {
    if is_image_type(media_type) {
        node.settings.media.max_image_bytes
    } else {
        node.settings.media.max_document_bytes
    }
}

/// Checks an upload and makes the files to store (pictures: re-encoded variants).
pub async fn prepare(node: &Node, upload: Upload) -> Result<Prepared, OperationError> {
    if let Some(name) = &upload.file_name {
        check_file_name(name).map_err(OperationError::Media)?;
    }
    let media_type = sniff(&upload.bytes, upload.file_name.as_deref()).map_err(OperationError::Media)?;
    let limit = limit_for(node, media_type);
    if upload.bytes.len() as u64 > limit {
        return Err(OperationError::Media(MediaRefusal::TooLarge { limit }));
    }
    let title = if upload.title.trim().is_empty() {
        upload.file_name.clone().unwrap_or_default()
    } else {
        upload.title.trim().to_owned()
    };
    let mut entry = MediaFile {
        title,
        license: upload.license.filter(|l| !l.is_empty()),
        credit: upload.credit.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        alt: upload.alt.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()),
        cover: upload.cover,
        file_name: upload.file_name,
        ..Default::default()
    };
    let mut files = Vec::new();
    if is_image_type(media_type) {
        let limits = pixel_limits(node);
        let bytes = upload.bytes;
        // Pictures are decoded a few at a time, so that simultaneous uploads cannot
        // take the node's memory (each needs up to ~4 bytes per pixel, twice).
        let _turn = DECODING.acquire().await.context("The picture queue is closed")?;
        let variants = tokio::task::spawn_blocking(move || make_variants(&bytes, media_type, limits))
            .await
            .context("The picture worker stopped")?
            .map_err(OperationError::Media)?;
        entry.kind = Some(MediaKind::Image);
        let (large, large_row) = stored_picture(variants.large);
        let (thumbnail, thumbnail_row) = stored_picture(variants.thumbnail);
        entry.file = large;
        entry.thumbnail = Some(thumbnail);
        files.push(large_row);
        files.push(thumbnail_row);
    } else {
        entry.kind = Some(MediaKind::Document);
        entry.cover = false;
        let sha256 = sha256_hex(&upload.bytes);
        let size = upload.bytes.len() as u64;
        entry.file =
            StoredFile { sha256: sha256.clone(), media_type: media_type.to_owned(), size, width: None, height: None };
        files.push((blob_row(&entry.file), upload.bytes));
    }
    Ok(Prepared { entry, files })
}

fn stored_picture(picture: EncodedImage) -> (StoredFile, (BlobRow, Vec<u8>)) {
    let file = StoredFile {
        sha256: sha256_hex(&picture.bytes),
        media_type: picture.media_type.to_owned(),
        size: picture.bytes.len() as u64,
        width: Some(picture.width),
        height: Some(picture.height),
    };
    let row = blob_row(&file);
    (file, (row, picture.bytes))
}

pub(crate) fn blob_row(file: &StoredFile) -> BlobRow {
    BlobRow {
        sha256: file.sha256.clone(),
        media_type: file.media_type.clone(),
        byte_size: file.size as i64,
        width: file.width.map(i64::from),
        height: file.height.map(i64::from),
    }
}

/// Digests this node wrote to disk for one operation, to take back if it fails.
#[derive(Debug, Default)]
pub struct Written(Vec<String>);

/// Writes prepared files to the media folder, within the node's quota.
pub async fn write_files(node: &Node, prepared: &[&Prepared]) -> Result<Written, OperationError> {
    let incoming: u64 = prepared.iter().flat_map(|p| p.files.iter()).map(|(_, bytes)| bytes.len() as u64).sum();
    check_quota(node, incoming).await?;
    let mut written = Written::default();
    for (row, bytes) in prepared.iter().flat_map(|p| p.files.iter()) {
        match node.media_folder.write(&row.sha256, bytes) {
            Ok(true) => written.0.push(row.sha256.clone()),
            Ok(false) => {}
            Err(e) => {
                discard_unrecorded(node, written).await;
                return Err(anyhow::Error::new(e).context("Failed to write a file to the media folder").into());
            }
        }
    }
    Ok(written)
}

/// Refuses `incoming` more bytes when they would take the node's files past its quota.
pub(crate) async fn check_quota(node: &Node, incoming: u64) -> Result<(), OperationError> {
    let used = storage::media::total_bytes(&mut *node.pool.acquire().await?).await? as u64;
    let quota = node.settings.media.quota_bytes;
    if used + incoming > quota {
        return Err(OperationError::QuotaExceeded(crate::msg!("op-media_quota_exceeded", used = used, quota = quota)));
    }
    Ok(())
}

/// After a failed operation: removes the files it wrote that no row records.
pub async fn discard_unrecorded(node: &Node, written: Written) {
    for sha256 in written.0 {
        if matches!(storage::media::blob(&node.pool, &sha256).await, Ok(None)) {
            if let Err(e) = node.media_folder.remove(&sha256) {
                tracing::warn!(error = %e, sha256, "failed to remove a file of a failed upload");
            }
        }
    }
}

/// In the transaction of an item's revision: records the new files and checks that every
/// file the document names is stored (a client may name files by digest, but only files
/// this node holds).
pub(crate) async fn record_files(
    conn: &mut SqliteConnection,
    node: &Node,
    doc: &ItemDocument,
    new_files: &[BlobRow],
) -> Result<(), OperationError> {
    let stored_at = timestamp(node.clock.now());
    for row in new_files {
        storage::media::insert_blob(conn, row, &stored_at).await?;
    }
    let named: Vec<&str> = doc.media.iter().flat_map(MediaFile::digests).collect();
    if named.is_empty() {
        return Ok(());
    }
    let stored: BTreeSet<String> = storage::media::stored_among(conn, &named).await?.into_iter().collect();
    let mut errors = Vec::new();
    for (i, m) in doc.media.iter().enumerate() {
        if m.digests().any(|d| !stored.contains(d)) {
            errors.push(crate::content::FieldError {
                path: format!("media[{i}].file.sha256"),
                code: "media_unknown_file",
                message: crate::msg!("op-media_unknown_file"),
            });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::content::ValidationErrors(errors).into())
    }
}

/// The digests an item document names.
pub(crate) fn digests_of(doc: &ItemDocument) -> Vec<String> {
    doc.media.iter().flat_map(MediaFile::digests).map(str::to_owned).collect()
}

/// After a commit that may have stopped using `candidates`: forgets those no item uses any
/// more, and removes their files.
pub(crate) async fn release(node: &Node, candidates: Vec<String>) {
    if candidates.is_empty() {
        return;
    }
    if let Err(e) = forget_and_remove(node, Some(&candidates)).await {
        tracing::warn!(error = format!("{e:#}"), "failed to release unused files (the clean-up step will)");
    }
}

async fn forget_and_remove(node: &Node, candidates: Option<&[String]>) -> anyhow::Result<usize> {
    let mut tx = storage::begin_write(&node.pool).await?;
    let forgotten = storage::media::forget_unused(&mut tx, candidates).await?;
    storage::media::drop_unneeded_fetches(&mut tx).await?;
    tx.commit().await?;
    for sha256 in &forgotten {
        node.media_folder.remove(sha256).with_context(|| format!("Failed to remove the file {sha256}"))?;
    }
    Ok(forgotten.len())
}

/// What the clean-up step removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Collected {
    pub unused_files: usize,
    pub stray_files: usize,
}

/// The clean-up step (`maillage media gc`, and at start): forgets files no item uses,
/// and removes files on disk that no row records (left by a crash) once older than an hour.
pub async fn collect_garbage(node: &Node) -> anyhow::Result<Collected> {
    let unused_files = forget_and_remove(node, None).await?;
    let known: BTreeSet<String> = storage::media::all_digests(&node.pool).await?.into_iter().collect();
    let mut stray_files = 0;
    for (name, path, age) in node.media_folder.list()? {
        if !known.contains(&name) && age > std::time::Duration::from_secs(3600) {
            std::fs::remove_file(&path).with_context(|| format!("Failed to remove {}", path.display()))?;
            stray_files += 1;
        }
    }
    Ok(Collected { unused_files, stray_files })
}

/// A stored file as the web layer serves it.
pub struct ServedFile {
    pub path: std::path::PathBuf,
    pub media_type: String,
    pub size: u64,
}

/// The file stored under `sha256`, if this node holds it.
pub async fn stored_file(node: &Node, sha256: &str) -> Result<Option<ServedFile>, OperationError> {
    if !crate::content::media::is_sha256(sha256) {
        return Ok(None);
    }
    Ok(storage::media::blob(&node.pool, sha256).await?.map(|row| ServedFile {
        path: node.media_folder.path_of(&row.sha256),
        media_type: row.media_type,
        size: row.byte_size.max(0) as u64,
    }))
}

/// A file of an export (named by its digest) taken back as it was stored: its digest, type
/// and, for a picture, dimensions are checked again; it is not re-encoded (it already is).
pub fn adopt_exported(node: &Node, file: &StoredFile, bytes: Vec<u8>) -> Result<Prepared, OperationError> {
    if sha256_hex(&bytes) != file.sha256 {
        return Err(OperationError::Media(MediaRefusal::Corrupt(crate::msg!("op-media_corrupt-digest").into())));
    }
    let found = sniff(&bytes, None).map_err(OperationError::Media)?;
    if found != file.media_type && !(found == "text/plain" && file.media_type == "text/csv") {
        return Err(OperationError::Media(MediaRefusal::Unsupported(found.to_owned())));
    }
    if bytes.len() as u64 > limit_for(node, found) {
        return Err(OperationError::Media(MediaRefusal::TooLarge { limit: limit_for(node, found) }));
    }
    if is_image_type(found) {
        crate::content::images::check_dimensions(&bytes, found, pixel_limits(node)).map_err(OperationError::Media)?;
    }
    Ok(Prepared { entry: MediaFile::default(), files: vec![(blob_row(file), bytes)] })
}

/// The bytes of a stored file (exports).
pub fn stored_bytes(node: &Node, sha256: &str) -> std::io::Result<Vec<u8>> {
    node.media_folder.read(sha256)
}

/// The media folder at a glance, for `maillage doctor`.
#[derive(Debug, Clone)]
pub struct MediaSummary {
    pub files: i64,
    pub bytes: i64,
    pub quota: u64,
    /// Files of replicas still to download, and how many of them failed at least once.
    pub queued: i64,
    pub failing: i64,
    pub directory: std::path::PathBuf,
    /// Whether the folder can be written.
    pub writable: bool,
}

pub async fn summary(node: &Node) -> Result<MediaSummary, OperationError> {
    let stored = storage::media::summary(&node.pool).await?;
    let root = node.media_folder.root();
    let writable = std::fs::create_dir_all(root).is_ok()
        && std::fs::metadata(root).map(|m| !m.permissions().readonly()).unwrap_or(false);
    Ok(MediaSummary {
        files: stored.files,
        bytes: stored.bytes,
        quota: node.settings.media.quota_bytes,
        queued: stored.queued,
        failing: stored.failing,
        directory: root.to_path_buf(),
        writable,
    })
}
