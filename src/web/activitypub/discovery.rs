//! WebFinger, NodeInfo 2.1, host-meta, the actor document and the `/ns` context.

use super::activity_json;
use crate::federation::vocab::{maillage_terms, ActorDescription};
use crate::federation::webfinger::jrd;
use crate::operations::inbound::inbox::{InboxRejection, RejectionReason};
use crate::operations::{outbound::collections, Node};
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct WebfingerQuery {
    resource: Option<String>,
}

pub async fn webfinger(node: web::Data<Node>, query: web::Query<WebfingerQuery>) -> HttpResponse {
    let Some(resource) = query.resource.as_deref() else {
        return error(400, "missing_resource", crate::msg!("api-ap-missing_resource"));
    };
    let subject = format!("acct:{}@{}", node.settings.node.username, node.authority());
    let actor = node.actor_uri();
    let matches = resource.eq_ignore_ascii_case(&subject) || resource == actor || resource == node.base_url.as_str();
    if !matches {
        return error(404, "unknown_resource", crate::msg!("api-ap-unknown_resource"));
    }
    HttpResponse::Ok()
        .content_type("application/jrd+json; charset=utf-8")
        .insert_header(("Access-Control-Allow-Origin", "*"))
        .json(jrd(&subject, &actor, node.base_url.as_str()))
}

pub async fn host_meta(node: web::Data<Node>) -> HttpResponse {
    let template = format!("{}.well-known/webfinger?resource={{uri}}", node.base_url);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n  <Link rel=\"lrdd\" template=\"{}\"/>\n</XRD>\n",
        template.replace('&', "&amp;").replace('"', "&quot;")
    );
    HttpResponse::Ok().content_type("application/xrd+xml; charset=utf-8").body(xml)
}

pub async fn nodeinfo_links(node: web::Data<Node>) -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "links": [{ "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": node.url("nodeinfo/2.1") }]
    }))
}

pub async fn nodeinfo(node: web::Data<Node>) -> HttpResponse {
    let local_posts = collections::public_activity_count(&node).await.unwrap_or(0);
    HttpResponse::Ok()
        .content_type("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"")
        .json(json!({
            "version": "2.1",
            "software": {
                "name": "maillage",
                "version": env!("CARGO_PKG_VERSION"),
                "homepage": node.base_url.as_str()
            },
            "protocols": ["activitypub"],
            "services": { "inbound": [], "outbound": ["atom1.0"] },
            "openRegistrations": false,
            "usage": { "users": { "total": 1, "activeHalfyear": 1, "activeMonth": 1 }, "localPosts": local_posts },
            "metadata": { "nodeName": node.settings.node.display_name, "territory": crate::content::geography::describe(&node.settings.node.territory) }
        }))
}

pub async fn actor(node: web::Data<Node>) -> HttpResponse {
    let (id, url, inbox, outbox, followers, following, shared) = (
        node.actor_uri(),
        node.base_url.to_string(),
        node.url("actor/inbox"),
        node.url("actor/outbox"),
        node.url("followers"),
        node.url("following"),
        node.url("inbox"),
    );
    let settings = &node.settings.node;
    let pictures = match crate::operations::remote::actor_pictures::actor_pictures(&node).await {
        Ok(pictures) => pictures,
        Err(e) => {
            tracing::error!(error = %e, "failed to read the actor's pictures");
            Default::default()
        }
    };
    let picture = |p: Option<crate::operations::remote::actor_pictures::ActorPicture>| {
        p.map(|p| {
            let mut json = json!({ "type": "Image", "mediaType": p.media_type, "url": node.media_url(&p.sha256) });
            if !p.alt.is_empty() {
                json["name"] = json!(p.alt);
            }
            json
        })
    };
    let mut document = ActorDescription {
        id: &id,
        username: &settings.username,
        name: &settings.display_name,
        summary: &settings.summary,
        url: &url,
        inbox: &inbox,
        outbox: &outbox,
        followers: &followers,
        following: &following,
        shared_inbox: &shared,
        public_key_pem: node.keys.public_key_pem(),
        manually_approves_followers: !node.settings.federation.auto_accept_followers,
    }
    .to_json();
    if let Some(icon) = picture(pictures.logo) {
        document["icon"] = icon;
    }
    if let Some(banner) = picture(pictures.banner) {
        document["image"] = banner;
    }
    activity_json(&document)
}

/// The project's JSON-LD context, for people and processors that want to resolve terms.
pub async fn namespace() -> HttpResponse {
    HttpResponse::Ok().content_type("application/ld+json; charset=utf-8").json(json!({ "@context": maillage_terms() }))
}

/// A refused inbox or signed request, with the status its kind of refusal calls for.
pub fn rejected(rejection: &InboxRejection) -> HttpResponse {
    let status = match rejection.reason {
        RejectionReason::Malformed => 400,
        RejectionReason::Unauthenticated => 401,
        RejectionReason::Forbidden => 403,
        RejectionReason::NotKept => 422,
        RejectionReason::Unavailable => 503,
    };
    error(status, rejection.code, &rejection.message)
}

pub fn error(status: u16, code: &str, message: impl std::fmt::Display) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::BAD_REQUEST);
    HttpResponse::build(status).json(json!({ "error": { "code": code, "message": message.to_string() } }))
}
