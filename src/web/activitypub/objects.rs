//! Items as ActivityStreams Articles; a withdrawn item answers 410 with a Tombstone.

use super::{activity_json, discovery::error};
use crate::content::Lifecycle;
use crate::federation::article::wire_time;
use crate::federation::vocab::{tombstone, AS_CONTEXT};
use crate::operations::outbound::outbox::article_json;
use crate::operations::{items::queries, Node, OperationError};
use actix_web::{web, HttpResponse};

pub async fn item(node: web::Data<Node>, req: actix_web::HttpRequest, slug: web::Path<String>) -> HttpResponse {
    if let Err(refused) = super::readers::check_reader(&node, &req).await {
        return refused;
    }
    match queries::local_item(&node, &slug).await {
        Ok(item) if item.lifecycle.is_public() => activity_json(&article_json(&node, &item)),
        Ok(item) if item.lifecycle == Lifecycle::Withdrawn => {
            let mut body = tombstone(&item.uri, &wire_time(item.updated_at));
            body["@context"] = serde_json::json!(AS_CONTEXT);
            HttpResponse::Gone().content_type(super::ACTIVITY_JSON_UTF8).json(body)
        }
        Ok(_) | Err(OperationError::NotFound) => error(404, "not_found", crate::msg!("api-ap-not_found-item")),
        Err(e) => {
            tracing::error!(error = %e, "failed to serve an item as ActivityPub");
            error(500, "internal_error", crate::msg!("api-ap-internal_error"))
        }
    }
}
