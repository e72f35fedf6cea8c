//! Followers keep their own copy of every file of the items they replicate. When a replica
//! is stored, the files it names that this node lacks are queued (in the replica's
//! transaction) with the URL its origin gave; the media worker downloads them through
//! the federation client (SSRF policy, redirects checked), within the size the origin
//! declared and the node's limits, checks the SHA-256 and the type from the bytes, and
//! stores them. A failed download is retried with back-off, then given up.

use crate::content::images::check_dimensions;
use crate::content::media::{is_image_type, sniff, MediaFile};
use crate::content::ItemDocument;
use crate::operations::items::media::{check_quota, limit_for, pixel_limits, sha256_hex};
use crate::operations::Node;
use crate::storage::{self, media::FetchRow, timestamp};
use sqlx::SqliteConnection;
use std::collections::BTreeMap;

/// Downloads given up after this many failures.
const MAX_ATTEMPTS: i64 = 12;
/// Downloads handled per step.
const BATCH: i64 = 16;

/// In a replica's transaction: queues the files `doc` names that are not stored, with
/// the URLs the origin gave. Returns how many were queued.
pub(crate) async fn queue_missing(
    conn: &mut SqliteConnection,
    node: &Node,
    doc: &ItemDocument,
    urls: &BTreeMap<String, String>,
) -> anyhow::Result<usize> {
    let files: Vec<_> =
        doc.media.iter().flat_map(|m: &MediaFile| std::iter::once(&m.file).chain(m.thumbnail.as_ref())).collect();
    if files.is_empty() {
        return Ok(0);
    }
    let digests: Vec<&str> = files.iter().map(|f| f.sha256.as_str()).collect();
    let stored = storage::media::stored_among(conn, &digests).await?;
    let due = timestamp(node.clock.now());
    let mut queued = 0;
    for file in files.into_iter().filter(|f| !stored.contains(&f.sha256)) {
        let Some(url) = urls.get(&file.sha256) else {
            tracing::warn!(sha256 = file.sha256, "a replica names a file its origin gave no URL for");
            continue;
        };
        let fetch = FetchRow {
            sha256: file.sha256.clone(),
            url: url.clone(),
            media_type: file.media_type.clone(),
            byte_size: file.size as i64,
            attempts: 0,
        };
        storage::media::queue_fetch(conn, &fetch, &due).await?;
        queued += 1;
    }
    Ok(queued)
}

/// Why a download failed, with its stable code.
#[derive(Debug, thiserror::Error)]
pub enum FetchFailure {
    #[error("{0}")]
    Network(String),
    #[error("media_too_large: {}", crate::msg!("op-media_too_large-declared", declared = *.declared, limit = *.limit))]
    DeclaredTooLarge { declared: u64, limit: u64 },
    #[error("media_size_mismatch: {}", crate::msg!("op-media_size_mismatch", got = *.got, declared = *.declared))]
    SizeMismatch { declared: u64, got: u64 },
    #[error("media_hash_mismatch: {}", crate::msg!("op-media_hash_mismatch"))]
    HashMismatch,
    #[error("{code}: {message}", code = .0.code(), message = .0)]
    Refused(crate::content::media::MediaRefusal),
    #[error("media_type_mismatch: {}", crate::msg!("op-media_type_mismatch", declared = .declared, found = .found))]
    TypeMismatch { declared: String, found: String },
    #[error("{0}")]
    Storage(String),
}

/// One step of the media worker: downloads the files due now. Returns how many were
/// handled (stored or postponed).
pub async fn fetch_due(node: &Node, stop: &(dyn Fn() -> bool + Sync)) -> anyhow::Result<usize> {
    let now = node.clock.now();
    let due = storage::media::due_fetches(&node.pool, &timestamp(now), BATCH).await?;
    let mut handled = 0;
    for fetch in due {
        if stop() {
            break;
        }
        handled += 1;
        match download(node, &fetch).await {
            Ok(()) => tracing::debug!(sha256 = fetch.sha256, "file of a replica stored"),
            Err(failure) => {
                let attempts = fetch.attempts + 1;
                tracing::warn!(url = fetch.url, attempts, error = %failure, "failed to fetch a file of a replica");
                if attempts >= MAX_ATTEMPTS {
                    let mut conn = node.pool.acquire().await?;
                    storage::media::delete_fetch(&mut conn, &fetch.sha256).await?;
                    continue;
                }
                let wait = chrono::Duration::seconds(30 * (1i64 << attempts.min(11)));
                let next = timestamp(now + wait.min(chrono::Duration::days(1)));
                storage::media::postpone_fetch(&node.pool, &fetch.sha256, &next, &failure.to_string()).await?;
            }
        }
    }
    Ok(handled)
}

/// When the next download is due, if any is queued.
pub async fn next_due(node: &Node) -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
    Ok(storage::media::next_fetch_due(&node.pool).await?.as_deref().and_then(storage::parse_timestamp))
}

async fn download(node: &Node, fetch: &FetchRow) -> Result<(), FetchFailure> {
    let declared = fetch.byte_size.max(0) as u64;
    let limit = limit_for(node, &fetch.media_type);
    if declared > limit {
        return Err(FetchFailure::DeclaredTooLarge { declared, limit });
    }
    check_quota(node, declared).await.map_err(|e| FetchFailure::Storage(format!("media_quota_exceeded: {e}")))?;
    // One byte more than declared: a peer that sends more is caught, not truncated.
    let bytes = node
        .client
        .fetch_file(&fetch.url, declared as usize + 1)
        .await
        .map_err(|e| FetchFailure::Network(e.to_string()))?;
    if bytes.len() as u64 != declared {
        return Err(FetchFailure::SizeMismatch { declared, got: bytes.len() as u64 });
    }
    if sha256_hex(&bytes) != fetch.sha256 {
        return Err(FetchFailure::HashMismatch);
    }
    let found = sniff(&bytes, None).map_err(FetchFailure::Refused)?;
    let same_type = found == fetch.media_type || (found == "text/plain" && fetch.media_type == "text/csv");
    if !same_type {
        return Err(FetchFailure::TypeMismatch { declared: fetch.media_type.clone(), found: found.to_owned() });
    }
    let (width, height) = if is_image_type(found) {
        let (w, h) = check_dimensions(&bytes, found, pixel_limits(node)).map_err(FetchFailure::Refused)?;
        (Some(i64::from(w)), Some(i64::from(h)))
    } else {
        (None, None)
    };
    let storage_error = |e: &dyn std::fmt::Display| FetchFailure::Storage(e.to_string());
    let wrote = node.media_folder.write(&fetch.sha256, &bytes).map_err(|e| storage_error(&e))?;
    let row = storage::media::BlobRow {
        sha256: fetch.sha256.clone(),
        media_type: fetch.media_type.clone(),
        byte_size: declared as i64,
        width,
        height,
    };
    let recorded = async {
        let mut tx = storage::begin_write(&node.pool).await?;
        storage::media::insert_blob(&mut tx, &row, &timestamp(node.clock.now())).await?;
        storage::media::delete_fetch(&mut tx, &fetch.sha256).await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = recorded {
        if wrote {
            let _ = node.media_folder.remove(&fetch.sha256);
        }
        return Err(storage_error(&e));
    }
    Ok(())
}
