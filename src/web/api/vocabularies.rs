//! Vocabularies as JSON, so peers and people can resolve a code.

use super::errors::ApiError;
use crate::operations::Node;
use actix_web::{web, HttpResponse};
use std::collections::BTreeMap;

pub async fn all(node: web::Data<Node>) -> HttpResponse {
    let map: BTreeMap<_, _> = node.vocab.iter().collect();
    HttpResponse::Ok().json(map)
}

pub async fn one(node: web::Data<Node>, name: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let vocabulary = node.vocab.get(&name).ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok().json(vocabulary))
}
