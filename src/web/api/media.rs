//! Files of local items: `POST /items/{slug}/media` uploads one (multipart: `file`, and
//! `title`, `license`, `credit`, `alt`, `cover`), `DELETE /items/{slug}/media/{sha256}`
//! removes one. Both make a new revision and answer with the item. Titles, licences and
//! order are edited through `PUT`/`PATCH` of the item, whose `media` entries name files by
//! digest.

use super::auth::required_client;
use super::errors::ApiError;
use super::items::item_json;
use super::schemas::{ApiErrorBody, ItemWithMeta};
use crate::operations::items::model::Audience;
use crate::operations::people::scopes::Scope;
use crate::operations::{outbound::attachments, Node};
use crate::web::uploads::{receive, SizeLimits, UploadError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

impl From<UploadError> for ApiError {
    fn from(e: UploadError) -> Self {
        let status = match e {
            UploadError::NotMultipart => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            UploadError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            UploadError::NoFile | UploadError::FieldTooLong(_) => StatusCode::UNPROCESSABLE_ENTITY,
            UploadError::Unreadable(_) | UploadError::NotUtf8(_) => StatusCode::BAD_REQUEST,
        };
        ApiError::new(status, e.code(), e.message())
    }
}

#[utoipa::path(post, path = "/api/v1/items/{slug}/media", tag = "items",
    request_body(content = String, description = "multipart/form-data : `file` (JPEG, PNG, WebP, PDF, OpenDocument, Office, CSV, texte), `title`, `license`, `credit`, `alt` (obligatoire pour une image publiée), `cover` (`true` : image de couverture)", content_type = "multipart/form-data"),
    security(("bearer" = ["items:write"])), params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 201, description = "Fichier ajouté ; la fiche avec sa nouvelle révision", body = ItemWithMeta),
              (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 404, description = "Inconnue", body = ApiErrorBody),
              (status = 413, description = "Fichier trop lourd (`media_too_large`), coupé pendant l'envoi", body = ApiErrorBody),
              (status = 415, description = "Corps qui n'est pas multipart/form-data", body = ApiErrorBody),
              (status = 422, description = "Fichier refusé : `media_type_unsupported`, `media_type_mismatch`, `media_svg_refused`, `media_polyglot`, `media_corrupt`, `media_too_many_pixels`, `media_bad_file_name`, `media_empty`, `media_missing`, ou champ à corriger (`validation_failed`)", body = ApiErrorBody),
              (status = 507, description = "Quota de fichiers du nœud atteint (`media_quota_exceeded`)", body = ApiErrorBody)))]
pub async fn upload(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let upload = receive(&req, payload, SizeLimits::of(&node)).await?.into_upload()?;
    let item = attachments::attach(&node, &slug, upload, &client.actor()).await?;
    Ok(HttpResponse::Created().json(item_json(&node, &item, Audience::Editors)?))
}

#[utoipa::path(delete, path = "/api/v1/items/{slug}/media/{sha256}", tag = "items",
    security(("bearer" = ["items:write"])),
    params(("slug" = String, Path, description = "Identifiant d'URL"), ("sha256" = String, Path, description = "Empreinte SHA-256 du fichier (`media[].file.sha256`)")),
    responses((status = 200, description = "Fichier retiré ; la fiche avec sa nouvelle révision", body = ItemWithMeta),
              (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 404, description = "Fiche ou fichier inconnu", body = ApiErrorBody)))]
pub async fn remove(
    node: web::Data<Node>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let (slug, sha256) = path.into_inner();
    let item = attachments::detach(&node, &slug, &sha256, &client.actor()).await?.into_item();
    Ok(HttpResponse::Ok().json(item_json(&node, &item, Audience::Editors)?))
}
