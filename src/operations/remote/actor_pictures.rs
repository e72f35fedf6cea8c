//! The territory actor's pictures: its logo (`icon`, shown above its own items) and banner
//! (`image`), set by an administrator from an uploaded picture (checked and re-encoded like
//! any upload), served like every stored file, and kept in memory once read.

use crate::content::media::MediaRefusal;
use crate::content::ItemDocument;
use crate::operations::items::media::{discard_unrecorded, prepare, record_files, release, write_files, Upload};
use crate::operations::{Node, OperationError};
use crate::storage;

/// Sets the territory's logo (`icon`) or banner (`image`) from an uploaded picture.
pub async fn set_actor_image(node: &Node, role: ActorImage, upload: Upload) -> Result<(), OperationError> {
    let prepared = prepare(node, upload).await?;
    if !prepared.entry.is_image() {
        return Err(OperationError::Media(MediaRefusal::Unsupported(prepared.entry.file.media_type.clone())));
    }
    let alt = prepared.entry.alt.clone().unwrap_or_default();
    let written = write_files(node, &[&prepared]).await?;
    let stored = async {
        let mut tx = storage::begin_write(&node.pool).await?;
        record_files(&mut tx, node, &ItemDocument::default(), &prepared.blobs()).await?;
        let previous = storage::media::set_actor_image(&mut tx, role.code(), &prepared.entry.file.sha256, &alt).await?;
        tx.commit().await?;
        Ok::<_, OperationError>(previous)
    }
    .await;
    match stored {
        Ok(previous) => {
            if let Ok(mut cached) = node.actor_pictures.0.write() {
                *cached = None;
            }
            // The thumbnail is not used for the actor: release it with the old picture.
            let mut candidates: Vec<String> = previous.into_iter().collect();
            candidates.extend(prepared.entry.thumbnail.iter().map(|t| t.sha256.clone()));
            release(node, candidates).await;
            Ok(())
        }
        Err(e) => {
            discard_unrecorded(node, written).await;
            Err(e)
        }
    }
}

/// The two pictures of the territory actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorImage {
    Logo,
    Banner,
}

impl ActorImage {
    pub fn code(self) -> &'static str {
        match self {
            ActorImage::Logo => "icon",
            ActorImage::Banner => "image",
        }
    }
}

/// A picture of the territory actor.
#[derive(Debug, Clone)]
pub struct ActorPicture {
    pub sha256: String,
    pub alt: String,
    pub media_type: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// The territory's logo and banner, when set.
#[derive(Debug, Clone, Default)]
pub struct ActorPictures {
    pub logo: Option<ActorPicture>,
    pub banner: Option<ActorPicture>,
}

/// The territory's pictures as last read, kept in memory (every page of a local item and
/// the actor document show them); forgotten when one is set.
#[derive(Debug, Default)]
pub struct ActorPicturesCache(std::sync::RwLock<Option<ActorPictures>>);

/// The territory's logo and banner, from memory once read.
pub async fn actor_pictures(node: &Node) -> Result<ActorPictures, OperationError> {
    if let Some(known) = node.actor_pictures.0.read().ok().and_then(|cached| cached.clone()) {
        return Ok(known);
    }
    let pictures = read_actor_pictures(node).await?;
    if let Ok(mut cached) = node.actor_pictures.0.write() {
        *cached = Some(pictures.clone());
    }
    Ok(pictures)
}

async fn read_actor_pictures(node: &Node) -> Result<ActorPictures, OperationError> {
    let mut pictures = ActorPictures::default();
    for row in storage::media::actor_images(&node.pool).await? {
        let picture = ActorPicture {
            sha256: row.sha256,
            alt: row.alt,
            media_type: row.media_type,
            width: row.width.and_then(|w| u32::try_from(w).ok()),
            height: row.height.and_then(|h| u32::try_from(h).ok()),
        };
        match row.role.as_str() {
            "icon" => pictures.logo = Some(picture),
            _ => pictures.banner = Some(picture),
        }
    }
    Ok(pictures)
}
