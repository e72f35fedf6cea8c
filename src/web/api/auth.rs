//! Bearer-token authentication for the JSON API, and the scope check: a request without
//! a token, or with an unknown or revoked one, gets 401; a live token without the scope
//! the route requires gets 403 `insufficient_scope` (RFC 6750 §3.1).

use super::errors::ApiError;
use crate::operations::people::accounts::{self, ApiTokenHolder};
use crate::operations::people::audit::Actor;
use crate::operations::people::scopes::Scope;
use crate::operations::Node;
use actix_web::HttpRequest;

/// The token that authenticated a request.
pub struct ApiClient {
    pub token: ApiTokenHolder,
}

impl ApiClient {
    /// Who the client is in revision histories and the audit log.
    pub fn actor(&self) -> Actor {
        Actor::ApiToken(self.token.name.clone())
    }
}

/// `Ok(None)` without an Authorization header; an error for a bad token, or for a good
/// one without `scope` (a client that sends a token expects to be recognised, not to be
/// silently served the public view).
pub async fn optional_client(node: &Node, req: &HttpRequest, scope: Scope) -> Result<Option<ApiClient>, ApiError> {
    let Some(header) = req.headers().get(actix_web::http::header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = header.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).ok_or_else(ApiError::unauthorized)?;
    let token = accounts::authenticate_api_token(node, token.trim()).await?.ok_or_else(ApiError::unauthorized)?;
    if !token.scopes.contains(scope) {
        tracing::info!(token = %token.name, scope = scope.code(), "API token refused: missing scope");
        return Err(ApiError::insufficient_scope(scope));
    }
    Ok(Some(ApiClient { token }))
}

/// The client of a request that needs a token with `scope`.
pub async fn required_client(node: &Node, req: &HttpRequest, scope: Scope) -> Result<ApiClient, ApiError> {
    optional_client(node, req, scope).await?.ok_or_else(ApiError::unauthorized)
}
