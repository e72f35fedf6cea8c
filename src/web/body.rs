//! Request bodies read with the node's size limit, so that an oversized body gets the
//! JSON error of the API or the inbox (413 `payload_too_large`) rather than the
//! framework's plain text. Shared by `api` and `activitypub`.

use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes, BytesMut};
use futures_util::StreamExt;

/// Why a body could not be read: an HTTP status, a stable code and a message.
#[derive(Debug)]
pub struct BodyRefused {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: crate::i18n::Message,
}

pub async fn read_limited(mut payload: web::Payload, limit: usize) -> Result<Bytes, BodyRefused> {
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| BodyRefused {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_body",
            message: crate::msg!("api-invalid_body", reason = e.to_string()),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(BodyRefused {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "payload_too_large",
                message: crate::msg!("api-payload_too_large", limit = limit),
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
