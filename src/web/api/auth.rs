//! Bearer-token authentication for the JSON API.

use super::errors::ApiError;
use crate::operations::{accounts, Node};
use actix_web::{web, HttpRequest};

/// The name of the API token that authenticated a request.
pub struct ApiClient {
    pub token_name: String,
}

impl ApiClient {
    /// How the client appears in revision histories.
    pub fn editor(&self) -> String {
        format!("api:{}", self.token_name)
    }
}

/// `Ok(None)` without an Authorization header; an error for a bad one.
pub async fn optional_client(node: &Node, req: &HttpRequest) -> Result<Option<ApiClient>, ApiError> {
    let Some(header) = req.headers().get(actix_web::http::header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = header.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).ok_or_else(ApiError::unauthorized)?;
    match accounts::authenticate_api_token(node, token.trim()).await? {
        Some(token_name) => Ok(Some(ApiClient { token_name })),
        None => Err(ApiError::unauthorized()),
    }
}

pub async fn required_client(node: &web::Data<Node>, req: &HttpRequest) -> Result<ApiClient, ApiError> {
    optional_client(node, req).await?.ok_or_else(ApiError::unauthorized)
}
