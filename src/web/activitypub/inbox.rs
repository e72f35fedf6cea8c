//! `POST /inbox` and `POST /actor/inbox`: ActivityStreams JSON only (415 before anything
//! is read otherwise), then verify, record (and apply what the payload carries) in a
//! group commit, answer 202 once it is durable; beyond the backlog bound, 503.

use super::discovery::{error, rejected};
use crate::federation::vocab::AS_CONTEXT;
use crate::operations::inbound::inbox::{receive_activity, Received};
use crate::operations::Node;
use crate::web::body::read_limited;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::mime::Mime;
use actix_web::{web, HttpRequest, HttpResponse};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// actix-web 4 and reqwest use different `http` versions: copy the headers across.
pub fn header_map(req: &HttpRequest) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in req.headers() {
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name.as_str().as_bytes()), HeaderValue::from_bytes(value.as_bytes()))
        {
            map.append(name, value);
        }
    }
    map
}

/// An inbox takes ActivityStreams JSON only: `application/activity+json`, or
/// `application/ld+json` with the ActivityStreams profile (any other parameters, such as
/// a charset, are fine). Returns the type that was given otherwise.
fn check_content_type(req: &HttpRequest) -> Result<(), String> {
    let given = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let Ok(mime) = given.parse::<Mime>() else { return Err(given.to_owned()) };
    let essence = (mime.type_().as_str(), mime.subtype().as_str(), mime.suffix().map(|s| s.as_str()));
    let accepted = match essence {
        ("application", "activity", Some("json")) => true,
        ("application", "ld", Some("json")) => mime
            .get_param("profile")
            .is_some_and(|profile| profile.as_str().split_whitespace().any(|p| p == AS_CONTEXT)),
        _ => false,
    };
    if accepted {
        Ok(())
    } else {
        Err(given.to_owned())
    }
}

pub async fn post(node: web::Data<Node>, req: HttpRequest, payload: web::Payload) -> HttpResponse {
    // Under a flood, answer 503 at once rather than queueing without bound.
    let Ok(_permit) = node.inbox_permits.try_acquire() else {
        return HttpResponse::ServiceUnavailable().insert_header((actix_web::http::header::RETRY_AFTER, "10")).json(
            serde_json::json!({ "error": { "code": "overloaded", "message": crate::msg!("api-ap-overloaded") } }),
        );
    };
    if node.ingest.backlog() >= node.settings.federation.inbox_backlog_limit {
        return HttpResponse::ServiceUnavailable().insert_header((actix_web::http::header::RETRY_AFTER, "30")).json(
            serde_json::json!({ "error": { "code": "backlog_full", "message": crate::msg!("api-ap-backlog_full") } }),
        );
    }
    if let Err(given) = check_content_type(&req) {
        return error(415, "unsupported_media_type", crate::msg!("api-ap-unsupported_media_type", given = given));
    }
    let body = match read_limited(payload, node.settings.server.max_body_bytes).await {
        Ok(body) => body,
        Err(e) => return error(e.status.as_u16(), e.code, e.message),
    };
    let path_and_query = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/inbox");
    match receive_activity(&node, path_and_query, &header_map(&req), &body).await {
        Ok(Received::Recorded { activity_id, applied }) => {
            tracing::debug!(%activity_id, applied, "activity recorded");
            node.metrics.inbox_accepted(false);
            HttpResponse::Accepted().json(serde_json::json!({ "status": "accepted" }))
        }
        Ok(Received::Duplicate) => {
            node.metrics.inbox_accepted(true);
            HttpResponse::Accepted().json(serde_json::json!({ "status": "duplicate" }))
        }
        Err(rejection) => {
            tracing::info!(code = rejection.code, reason = %rejection.message, "inbox request rejected");
            node.metrics.inbox_rejected(rejection.code);
            rejected(&rejection)
        }
    }
}
