//! Multipart uploads (`multipart/form-data`, as a plain HTML form sends them): the file is
//! read in memory up to the node's largest accepted size and cut off beyond it (413,
//! nothing written anywhere); the other parts are short text fields. Shared by the API,
//! the editor form and the admin page.

use crate::content::media::starts_like_a_picture;
use crate::i18n::Message;
use crate::operations::items::media::Upload;
use actix_multipart::Multipart;
use actix_web::{web, HttpRequest};
use futures_util::TryStreamExt;
use std::collections::BTreeMap;

/// Text fields longer than this are refused.
const MAX_FIELD_BYTES: usize = 16 * 1024;

/// Why a multipart body was refused. `Display` is the French [`message`](Self::message).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum UploadError {
    NotMultipart,
    /// The largest size accepted for this file, in bytes.
    TooLarge(u64),
    FieldTooLong(String),
    NoFile,
    /// The multipart reader's error.
    Unreadable(String),
    /// The name of a text field that is not UTF-8.
    NotUtf8(String),
}

impl UploadError {
    pub fn code(&self) -> &'static str {
        match self {
            UploadError::NotMultipart => "unsupported_media_type",
            UploadError::TooLarge(_) => "media_too_large",
            UploadError::FieldTooLong(_) => "too_long",
            UploadError::NoFile => "media_missing",
            UploadError::Unreadable(_) | UploadError::NotUtf8(_) => "invalid_body",
        }
    }

    /// What the person who sent the file reads.
    pub fn message(&self) -> Message {
        match self {
            UploadError::NotMultipart => crate::msg!("api-upload-unsupported_media_type"),
            UploadError::TooLarge(limit) => crate::msg!("api-upload-media_too_large", limit = *limit),
            UploadError::FieldTooLong(field) => crate::msg!("api-upload-too_long", field = field),
            UploadError::NoFile => crate::msg!("api-upload-media_missing"),
            UploadError::Unreadable(reason) => crate::msg!("api-upload-invalid_body", reason = reason),
            UploadError::NotUtf8(field) => crate::msg!("api-upload-invalid_body-utf8", field = field),
        }
    }
}

/// A multipart body: the file (if any) and the text fields.
pub struct Received {
    pub file: Option<(Option<String>, Vec<u8>)>,
    pub fields: BTreeMap<String, String>,
}

impl Received {
    pub fn field(&self, name: &str) -> Option<String> {
        self.fields.get(name).cloned()
    }

    /// The upload described by the fields `title`, `license`, `credit`, `alt`, `cover`.
    pub fn into_upload(mut self) -> Result<Upload, UploadError> {
        let (file_name, bytes) = self.file.take().ok_or(UploadError::NoFile)?;
        let cover = matches!(self.field("cover").as_deref(), Some("true" | "on" | "1"));
        Ok(Upload {
            bytes,
            file_name,
            title: self.field("title").unwrap_or_default(),
            license: self.field("license"),
            credit: self.field("credit"),
            alt: self.field("alt"),
            cover,
        })
    }
}

/// How long the file part may be: pictures are recognised from their first bytes, so
/// that a picture over its limit is cut off while it streams, like any file over the
/// document limit.
#[derive(Debug, Clone, Copy)]
pub struct SizeLimits {
    pub picture: u64,
    pub other: u64,
}

impl SizeLimits {
    pub fn of(node: &crate::operations::Node) -> SizeLimits {
        let media = &node.settings.media;
        SizeLimits { picture: media.max_image_bytes, other: media.max_document_bytes }
    }

    /// Pictures only (the territory's logo and banner).
    pub fn pictures_only(node: &crate::operations::Node) -> SizeLimits {
        SizeLimits { other: node.settings.media.max_image_bytes, ..SizeLimits::of(node) }
    }

    fn for_start(&self, prefix: &[u8]) -> u64 {
        if starts_like_a_picture(prefix) {
            self.picture
        } else {
            self.other
        }
    }
}

/// Reads a multipart body whose file part is named `file`, within `limits`.
pub async fn receive(req: &HttpRequest, payload: web::Payload, limits: SizeLimits) -> Result<Received, UploadError> {
    let is_multipart = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(UploadError::NotMultipart);
    }
    let mut multipart = Multipart::new(req.headers(), payload.into_inner());
    let mut received = Received { file: None, fields: BTreeMap::new() };
    while let Some(mut part) = multipart.try_next().await.map_err(|e| UploadError::Unreadable(e.to_string()))? {
        let name = part.name().unwrap_or_default().to_owned();
        // RFC 6266: `filename*` (RFC 5987, percent-encoded) wins over `filename`.
        let file_name = part.content_disposition().and_then(|d| {
            d.get_filename_ext()
                .map(|ext| String::from_utf8_lossy(&ext.value).into_owned())
                .or_else(|| d.get_filename().map(str::to_owned))
        });
        let mut bytes = Vec::new();
        while let Some(chunk) = part.try_next().await.map_err(|e| UploadError::Unreadable(e.to_string()))? {
            bytes.extend_from_slice(&chunk);
            if name != "file" && bytes.len() > MAX_FIELD_BYTES {
                return Err(UploadError::FieldTooLong(name));
            }
            // Known once the first bytes are in (a chunk is far longer than a signature).
            let limit = limits.for_start(&bytes);
            if name == "file" && bytes.len() as u64 > limit {
                return Err(UploadError::TooLarge(limit));
            }
        }
        if name == "file" {
            // A form sent with no file chosen has an empty part without a name.
            if !bytes.is_empty() || file_name.as_deref().is_some_and(|n| !n.is_empty()) {
                received.file = Some((file_name.filter(|n| !n.is_empty()), bytes));
            }
        } else {
            let text = String::from_utf8(bytes).map_err(|_| UploadError::NotUtf8(name.clone()))?;
            received.fields.insert(name, text);
        }
    }
    Ok(received)
}
