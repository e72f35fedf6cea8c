//! `/api/v1/audit`: the audit log, newest first, page by page (scope `admin`).

use super::auth::required_client;
use super::errors::ApiError;
use super::schemas::ApiErrorBody;
use crate::operations::people::audit::AuditRow;
use crate::operations::people::audit::{self, AuditFilter};
use crate::operations::people::scopes::Scope;
use crate::operations::Node;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    /// Only this action, e.g. `item.update`, `token.revoke`.
    action: Option<String>,
    /// Only this actor, e.g. `editor:camille`, `api:outil`, `cli:import`.
    actor: Option<String>,
    /// The `next` cursor of the previous page.
    before: Option<String>,
    /// Entries per page (1 to 200, default 50).
    limit: Option<i64>,
}

/// One change: when, who, what, on what.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditEntryBody {
    id: i64,
    at: String,
    actor: String,
    action: String,
    target: String,
    /// Action-specific details (revision, scopes…), when there are some.
    #[schema(value_type = Option<Object>)]
    detail: Option<serde_json::Value>,
}

/// One page of the audit log.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditPageBody {
    entries: Vec<AuditEntryBody>,
    /// Link to the next (older) page, when there may be one.
    next: Option<String>,
}

fn entry_body(row: AuditRow) -> AuditEntryBody {
    AuditEntryBody {
        // Written by `audit::record` from a `serde_json::Value`, so it parses back.
        detail: row.detail.as_deref().and_then(|d| serde_json::from_str(d).ok()),
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        target: row.target,
    }
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "admin", params(AuditParams), security(("bearer" = ["admin"])),
    responses((status = 200, description = "Une page du journal d'audit, la plus récente d'abord", body = AuditPageBody),
              (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody),
              (status = 400, description = "Paramètre de requête invalide (`invalid_query`), nommé avec la valeur reçue et le format attendu", body = ApiErrorBody), (status = 422, description = "Filtre invalide", body = ApiErrorBody)))]
pub async fn list(
    node: web::Data<Node>,
    req: HttpRequest,
    params: super::query::ApiQuery<AuditParams>,
) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req, Scope::Admin).await?;
    let params = params.into_inner();
    let action = params.action.as_deref().map(audit::parse_action).transpose().map_err(ApiError::validation)?;
    let filter = AuditFilter { action, actor: params.actor.clone(), before: params.before, limit: params.limit };
    let page = audit::list(&node, &filter).await?;
    let next = page.next.map(|cursor| {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if let Some(action) = &params.action {
            query.append_pair("action", action);
        }
        if let Some(actor) = &params.actor {
            query.append_pair("actor", actor);
        }
        if let Some(limit) = params.limit {
            query.append_pair("limit", &limit.to_string());
        }
        query.append_pair("before", &cursor);
        format!("{}?{}", req.path(), query.finish())
    });
    Ok(HttpResponse::Ok().json(AuditPageBody { entries: page.entries.into_iter().map(entry_body).collect(), next }))
}
