//! The ActivityPub face of a node: WebFinger, NodeInfo, the actor, its inbox (also the
//! shared inbox), outbox, followers and following collections, items as Articles, and
//! the `/ns` context. The same URLs serve HTML to browsers (see `pages`): these routes
//! are guarded on the Accept header and registered first.

mod collections;
mod discovery;
mod inbox;
mod objects;
mod readers;

use actix_web::guard::{self, GuardContext};
use actix_web::{web, HttpResponse};
use serde_json::Value;

pub const ACTIVITY_JSON_UTF8: &str = "application/activity+json; charset=utf-8";

/// Software asks for activity+json or ld+json, or sends no Accept at all; browsers ask
/// for text/html.
fn wants_activitypub(ctx: &GuardContext<'_>) -> bool {
    match ctx.head().headers().get(actix_web::http::header::ACCEPT).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(accept) => {
            let accept = accept.to_ascii_lowercase();
            accept.contains("application/activity+json")
                || accept.contains("application/ld+json")
                || (accept.contains("application/json") && !accept.contains("text/html"))
        }
    }
}

pub fn activity_json(value: &Value) -> HttpResponse {
    HttpResponse::Ok().content_type(ACTIVITY_JSON_UTF8).json(value)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    let ap = || guard::fn_guard(wants_activitypub);
    cfg.route("/.well-known/webfinger", web::get().to(discovery::webfinger))
        .route("/.well-known/nodeinfo", web::get().to(discovery::nodeinfo_links))
        .route("/.well-known/host-meta", web::get().to(discovery::host_meta))
        .route("/nodeinfo/2.1", web::get().to(discovery::nodeinfo))
        .route("/ns", web::get().to(discovery::namespace))
        .route("/actor", web::get().to(discovery::actor))
        .route("/actor/inbox", web::post().to(inbox::post))
        .route("/inbox", web::post().to(inbox::post))
        .route("/actor/outbox", web::get().to(collections::outbox))
        .route("/followers", web::get().to(collections::followers))
        .route("/following", web::get().to(collections::following))
        .route("/activities/{id}", web::get().to(collections::activity))
        .service(web::resource("/items/{slug}").guard(ap()).route(web::get().to(objects::item)));
}
