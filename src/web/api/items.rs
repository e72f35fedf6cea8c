//! `/api/v1/items`: the item endpoints.

use super::auth::{optional_client, required_client};
use super::errors::ApiError;
use super::schemas::{ApiErrorBody, ItemListBody, ItemWithMeta};
use crate::content::files::parse_json_document;
use crate::content::ItemDocument;
use crate::content::{Lifecycle, ValidationErrors};
use crate::operations::items::model::Audience;
use crate::operations::items::queries::{self, ItemFilter};
use crate::operations::people::scopes::Scope;
use crate::operations::{outbound::publish, outbound::retract, outbound::update, Item, Node, OperationError};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    kind: Option<String>,
    territory: Option<String>,
    pillar: Option<String>,
    domain: Option<String>,
    resource: Option<String>,
    /// A place code: `region:76`, `departement:09`, `epci:200067791`, `commune:09122`
    /// (or a bare commune, EPCI or département code); what lies inside it matches too.
    place: Option<String>,
    lifecycle: Option<String>,
    updated_from: Option<String>,
    updated_to: Option<String>,
    q: Option<String>,
    /// `true`: only this node's items (not replicas).
    local: Option<bool>,
    page: Option<i64>,
    per_page: Option<i64>,
}

#[derive(Serialize)]
struct ListBody<'a> {
    items: Vec<serde_json::Value>,
    total: i64,
    /// False when `total` estimates a very large search result.
    total_exact: bool,
    page: i64,
    per_page: i64,
    pages: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<&'a str>,
}

fn today(node: &Node) -> chrono::NaiveDate {
    node.clock.now().date_naive()
}

/// The JSON of an item for a reader with (`Editors`) or without (`Public`) a token.
pub(super) fn item_json(node: &Node, item: &Item, audience: Audience) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(item.view(today(node), audience, node.base_url.as_str()))
        .map_err(|e| crate::operations::OperationError::Internal(e.into()).into())
}

fn audience_of<T>(client: &Option<T>) -> Audience {
    if client.is_some() {
        Audience::Editors
    } else {
        Audience::Public
    }
}

fn check_date(field: &'static str, value: &Option<String>) -> Result<(), ApiError> {
    match value {
        Some(v) if queries::normalize_bound(v, false).is_none() => Err(ApiError::validation(ValidationErrors::single(
            field,
            "invalid_date",
            crate::msg!("api-invalid_date", value = v),
        ))),
        _ => Ok(()),
    }
}

#[utoipa::path(get, path = "/api/v1/items", tag = "items", params(ListParams), security((), ("bearer" = ["items:read"])),
    responses((status = 200, description = "Une page de fiches", body = ItemListBody), (status = 401, description = "Jeton invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 400, description = "Paramètre de requête invalide (`invalid_query`), nommé avec la valeur reçue et le format attendu", body = ApiErrorBody),
              (status = 422, description = "Filtre invalide : date, état, type, ou code inconnu d'un vocabulaire (`unknown_code`, avec les codes possibles)", body = ApiErrorBody)))]
pub async fn list(
    node: web::Data<Node>,
    req: HttpRequest,
    params: super::query::ApiQuery<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let client = optional_client(&node, &req, Scope::ItemsRead).await?;
    let params = params.into_inner();
    let lifecycle = match params.lifecycle.as_deref() {
        None => None,
        Some(code) => Some(Lifecycle::parse(code).ok_or_else(|| {
            ApiError::validation(ValidationErrors::single(
                "lifecycle",
                "unknown_code",
                crate::msg!("api-unknown_code-lifecycle", code = code),
            ))
        })?),
    };
    if let Some(kind) = &params.kind {
        if crate::content::Kind::parse(kind).is_none() {
            return Err(ApiError::validation(ValidationErrors::single(
                "kind",
                "unknown_code",
                crate::msg!("api-unknown_code-kind", code = kind),
            )));
        }
    }
    check_date("updated_from", &params.updated_from)?;
    check_date("updated_to", &params.updated_to)?;
    let filter = ItemFilter {
        kind: params.kind,
        territory: params.territory,
        pillar: params.pillar,
        domain: params.domain,
        resource: params.resource,
        place: params.place,
        lifecycle,
        updated_from: params.updated_from,
        updated_to: params.updated_to,
        text: params.q,
        local_only: params.local.unwrap_or(false),
        page: params.page.unwrap_or(1),
        per_page: params.per_page.unwrap_or(20),
    };
    let unknown = filter.unknown_codes(&node.vocab);
    if !unknown.is_empty() {
        return Err(ApiError::validation(ValidationErrors(unknown)));
    }
    let list = queries::list_items(&node, &filter, client.is_some()).await?;
    let items = list
        .items
        .iter()
        .map(|(item, _)| item_json(&node, item, audience_of(&client)))
        .collect::<Result<Vec<_>, _>>()?;
    let next = (list.page < list.pages()).then(|| next_page_link(&req, list.page + 1));
    Ok(HttpResponse::Ok().json(ListBody {
        items,
        total: list.total,
        total_exact: list.total_exact,
        page: list.page,
        per_page: list.per_page,
        pages: list.pages(),
        next: next.as_deref(),
    }))
}

fn next_page_link(req: &HttpRequest, page: i64) -> String {
    let kept: Vec<(String, String)> = url::form_urlencoded::parse(req.query_string().as_bytes())
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(kept);
    query.append_pair("page", &page.to_string());
    format!("{}?{}", req.path(), query.finish())
}

fn require_json(req: &HttpRequest) -> Result<(), ApiError> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let mime = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            mime == "application/json" || mime.ends_with("+json")
        })
        .unwrap_or(false);
    if is_json {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            crate::msg!("api-unsupported_media_type-item"),
        ))
    }
}

fn parse_body(req: &HttpRequest, body: &[u8]) -> Result<crate::content::ItemDocument, ApiError> {
    require_json(req)?;
    parse_json_document(body).map_err(|e| {
        if e.error.code == "invalid_json" {
            ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", e.error.message)
        } else {
            ApiError::validation(ValidationErrors(vec![e.error]))
        }
    })
}

#[utoipa::path(post, path = "/api/v1/items", tag = "items", request_body = ItemDocument, security(("bearer" = ["items:write"])),
    responses((status = 201, description = "Fiche créée", body = ItemWithMeta), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 409, description = "Conflit", body = ApiErrorBody), (status = 413, description = "Corps trop grand", body = ApiErrorBody),
              (status = 415, description = "Pas du JSON", body = ApiErrorBody), (status = 422, description = "Champs à corriger", body = ApiErrorBody)))]
pub async fn create(node: web::Data<Node>, req: HttpRequest, payload: web::Payload) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let body = crate::web::body::read_limited(payload, node.settings.server.max_body_bytes).await?;
    let doc = parse_body(&req, &body)?;
    let item = publish::create_item(&node, doc, &client.actor()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/items/{}", item.slug)))
        .json(item_json(&node, &item, Audience::Editors)?))
}

#[utoipa::path(get, path = "/api/v1/items/{slug}", tag = "items", security((), ("bearer" = ["items:read"])), params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 200, description = "La fiche", body = ItemWithMeta), (status = 401, description = "Jeton invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Inconnue", body = ApiErrorBody),
              (status = 410, description = "Retirée (code `retracted`), avec la date et le nœud", body = ApiErrorBody)))]
pub async fn get(node: web::Data<Node>, req: HttpRequest, slug: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let client = optional_client(&node, &req, Scope::ItemsRead).await?;
    let item = queries::local_item(&node, &slug).await?;
    if client.is_none() && !item.lifecycle.is_public() {
        return Err(match item.lifecycle {
            Lifecycle::Withdrawn => ApiError::new(
                StatusCode::GONE,
                "retracted",
                crate::msg!(
                    "api-retracted",
                    date = item.updated_at.format("%Y-%m-%d").to_string(),
                    node = &node.settings.node.display_name
                ),
            ),
            _ => OperationError::NotFound.into(),
        });
    }
    Ok(HttpResponse::Ok().json(item_json(&node, &item, audience_of(&client))?))
}

#[utoipa::path(put, path = "/api/v1/items/{slug}", tag = "items", request_body = ItemDocument, security(("bearer" = ["items:write"])),
    params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 200, description = "Fiche remplacée", body = ItemWithMeta), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 404, description = "Inconnue", body = ApiErrorBody), (status = 422, description = "Champs à corriger", body = ApiErrorBody)))]
pub async fn replace(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let body = crate::web::body::read_limited(payload, node.settings.server.max_body_bytes).await?;
    let doc = parse_body(&req, &body)?;
    let item = update::replace_item(&node, &slug, doc, &client.actor()).await?.into_item();
    Ok(HttpResponse::Ok().json(item_json(&node, &item, Audience::Editors)?))
}

#[utoipa::path(patch, path = "/api/v1/items/{slug}", tag = "items", request_body(content = Object, description = "Patch JSON (RFC 7396)", content_type = "application/merge-patch+json"),
    security(("bearer" = ["items:write"])), params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 200, description = "Fiche modifiée", body = ItemWithMeta), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 404, description = "Inconnue", body = ApiErrorBody), (status = 422, description = "Champs à corriger", body = ApiErrorBody)))]
pub async fn patch(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    require_json(&req)?;
    let body = crate::web::body::read_limited(payload, node.settings.server.max_body_bytes).await?;
    let patch: serde_json::Value = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            crate::msg!("api-invalid_json-patch", reason = e.to_string()),
        )
    })?;
    if !patch.is_object() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_patch", crate::msg!("api-invalid_patch")));
    }
    let item = update::patch_item(&node, &slug, patch, &client.actor()).await?.into_item();
    Ok(HttpResponse::Ok().json(item_json(&node, &item, Audience::Editors)?))
}

#[utoipa::path(delete, path = "/api/v1/items/{slug}", tag = "items", security(("bearer" = ["items:write"])),
    params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 200, description = "Fiche retirée (withdrawn)", body = ItemWithMeta), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Inconnue", body = ApiErrorBody)))]
pub async fn retract(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let item = retract::retract_item(&node, &slug, &client.actor()).await?;
    Ok(HttpResponse::Ok().json(item_json(&node, &item, Audience::Editors)?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RevisionBody {
    revision: i64,
    lifecycle: String,
    edited_at: String,
    editor: String,
    document: crate::content::ItemDocument,
}

#[utoipa::path(get, path = "/api/v1/items/{slug}/revisions", tag = "items", security((), ("bearer" = ["items:read"])), params(("slug" = String, Path, description = "Identifiant d'URL")),
    responses((status = 200, description = "Historique, la plus récente d'abord", body = [RevisionBody]), (status = 401, description = "Jeton invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Inconnue", body = ApiErrorBody)))]
pub async fn revisions(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let client = optional_client(&node, &req, Scope::ItemsRead).await?;
    let item = match client {
        Some(_) => queries::local_item(&node, &slug).await?,
        None => queries::public_local_item(&node, &slug).await?,
    };
    let revisions = queries::revisions(&node, &item).await?;
    let body: Vec<RevisionBody> = revisions
        .into_iter()
        .map(|r| RevisionBody {
            revision: r.revision,
            lifecycle: r.lifecycle,
            edited_at: r.edited_at,
            editor: r.editor,
            document: match client {
                Some(_) => r.document,
                None => r.document.public_view(),
            },
        })
        .collect();
    Ok(HttpResponse::Ok().json(body))
}
