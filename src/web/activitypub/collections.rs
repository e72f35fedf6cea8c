//! The outbox (paged, newest first, stable keyset page links), followers, following,
//! and single activities by id.

use super::readers::check_reader;
use super::{activity_json, discovery::error};
use crate::federation::vocab::AS_CONTEXT;
use crate::operations::{outbound::collections, Node};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

pub const OUTBOX_PAGE_SIZE: i64 = 50;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<bool>,
    /// Items strictly older than this activity row id.
    before: Option<i64>,
}

pub async fn outbox(node: web::Data<Node>, req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    if let Err(refused) = check_reader(&node, &req).await {
        return refused;
    }
    let id = node.url("actor/outbox");
    let (newest, total) = match collections::outbox_version(&node).await {
        Ok(version) => (version.newest, version.count),
        Err(e) => return internal(e),
    };
    if query.page != Some(true) && query.before.is_none() {
        // Peers reconcile with conditional GETs: an unchanged outbox costs no body.
        let etag = format!("\"outbox-{newest}-{total}\"");
        let unchanged = req.headers().get(actix_web::http::header::IF_NONE_MATCH).and_then(|v| v.to_str().ok())
            == Some(etag.as_str());
        if unchanged {
            return HttpResponse::NotModified().insert_header((actix_web::http::header::ETAG, etag)).finish();
        }
        let mut response = activity_json(&json!({
            "@context": AS_CONTEXT,
            "id": id,
            "type": "OrderedCollection",
            "totalItems": total,
            "first": format!("{id}?page=true"),
        }));
        if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&etag) {
            response.headers_mut().insert(actix_web::http::header::ETAG, value);
        }
        return response;
    }
    let rows = match collections::outbox_page(&node, query.before, OUTBOX_PAGE_SIZE).await {
        Ok(rows) => rows,
        Err(e) => return internal(e),
    };
    let page_id = match query.before {
        Some(before) => format!("{id}?page=true&before={before}"),
        None => format!("{id}?page=true"),
    };
    let mut page = json!({
        "@context": crate::federation::vocab::article_context(),
        "id": page_id,
        "type": "OrderedCollectionPage",
        "partOf": id,
        "totalItems": total,
        "orderedItems": rows.iter().filter_map(|row| strip_context(&row.payload)).collect::<Vec<_>>(),
    });
    if rows.len() as i64 == OUTBOX_PAGE_SIZE {
        if let Some(last) = rows.last() {
            page["next"] = json!(format!("{id}?page=true&before={}", last.id));
        }
    }
    activity_json(&page)
}

fn strip_context(payload: &str) -> Option<Value> {
    let mut value: Value = serde_json::from_str(payload).ok()?;
    value.as_object_mut()?.remove("@context");
    Some(value)
}

pub async fn followers(node: web::Data<Node>, req: HttpRequest) -> HttpResponse {
    if let Err(refused) = check_reader(&node, &req).await {
        return refused;
    }
    match collections::accepted_followers(&node).await {
        Ok(actors) => collection(&node.url("followers"), &actors),
        Err(e) => internal(e),
    }
}

pub async fn following(node: web::Data<Node>, req: HttpRequest) -> HttpResponse {
    if let Err(refused) = check_reader(&node, &req).await {
        return refused;
    }
    match collections::accepted_following(&node).await {
        Ok(actors) => collection(&node.url("following"), &actors),
        Err(e) => internal(e),
    }
}

fn collection(id: &str, items: &[String]) -> HttpResponse {
    activity_json(&json!({
        "@context": AS_CONTEXT,
        "id": id,
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    }))
}

pub async fn activity(node: web::Data<Node>, req: HttpRequest) -> HttpResponse {
    if let Err(refused) = check_reader(&node, &req).await {
        return refused;
    }
    let id = node.url(req.path().trim_start_matches('/'));
    match collections::activity_payload(&node, &id).await {
        Ok(Some(payload)) => match serde_json::from_str::<Value>(&payload) {
            Ok(value)
                if value
                    .get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| matches!(t, "Create" | "Update" | "Delete" | "Announce")) =>
            {
                activity_json(&value)
            }
            _ => error(404, "not_found", crate::msg!("api-ap-not_found-public_activity")),
        },
        Ok(None) => error(404, "not_found", crate::msg!("api-ap-not_found-activity")),
        Err(e) => internal(e),
    }
}

fn internal(e: sqlx::Error) -> HttpResponse {
    tracing::error!(error = %e, "database error in an ActivityPub collection");
    error(500, "internal_error", crate::msg!("api-ap-internal_error"))
}
