//! Request bodies read with the node's size limit, so that an oversized body gets the
//! API's JSON error (413 `payload_too_large`) rather than the framework's plain text.

use super::errors::ApiError;
use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes, BytesMut};
use futures_util::StreamExt;

pub async fn read_limited(mut payload: web::Payload, limit: usize) -> Result<Bytes, ApiError> {
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid_body", format!("Corps de requête illisible : {e}"))
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("Le corps de la requête dépasse la limite de {limit} octets."),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
