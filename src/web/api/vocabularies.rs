//! Vocabularies as JSON, so peers and people can resolve a code.

use super::errors::ApiError;
use super::schemas::ApiErrorBody;
use crate::operations::Node;
use actix_web::{web, HttpResponse};
use std::collections::BTreeMap;

#[utoipa::path(get, path = "/api/v1/vocabularies", tag = "vocabularies", responses((status = 200, description = "Tous les vocabulaires, par nom", body = Object)))]
pub async fn all(node: web::Data<Node>) -> HttpResponse {
    let map: BTreeMap<_, _> = node.vocab.iter().collect();
    HttpResponse::Ok().json(map)
}

#[utoipa::path(get, path = "/api/v1/vocabularies/{name}", tag = "vocabularies", params(("name" = String, Path, description = "pillar, activity_domain…")),
    responses((status = 200, description = "Un vocabulaire", body = Object), (status = 404, description = "Inconnu", body = ApiErrorBody)))]
pub async fn one(node: web::Data<Node>, name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let vocabulary = node.vocab.get(&name).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().json(vocabulary))
}
