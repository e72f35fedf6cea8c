//! Peers and following through the JSON API: who follows us, whom we follow, and the
//! delivery queue per peer; follow, unfollow, and answer pending followers.

use super::auth::required_client;
use super::errors::ApiError;
use crate::operations::{follow, Node, OperationError};
use crate::storage;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Peer {
    actor: String,
    state: String,
    since: String,
}

pub async fn peers(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    let followers = storage::federation::list_followers(&node.pool).await.map_err(OperationError::from)?;
    let following = storage::federation::list_following(&node.pool).await.map_err(OperationError::from)?;
    let queues = storage::federation::peer_queue_states(&node.pool).await.map_err(OperationError::from)?;
    let syncs = storage::federation::list_peer_syncs(&node.pool).await.map_err(OperationError::from)?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "followers": followers.into_iter().map(|f| Peer { actor: f.actor_uri, state: f.state, since: f.created_at }).collect::<Vec<_>>(),
        "following": following.into_iter().map(|f| Peer { actor: f.actor_uri, state: f.state, since: f.created_at }).collect::<Vec<_>>(),
        "queues": queues,
        "syncs": syncs,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `user@host[:port]` or an actor URL.
    target: String,
}

pub async fn follow(node: web::Data<Node>, req: HttpRequest, body: web::Json<Target>) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    let actor = follow::follow(&node, &body.target).await?;
    Ok(HttpResponse::Accepted().json(serde_json::json!({ "actor": actor, "state": "pending" })))
}

pub async fn unfollow(node: web::Data<Node>, req: HttpRequest, body: web::Json<Target>) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    follow::unfollow(&node, &body.target).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    actor: String,
    accept: bool,
}

pub async fn answer_follower(node: web::Data<Node>, req: HttpRequest, body: web::Json<Answer>) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    follow::answer_follower(&node, &body.actor, body.accept).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigestQuery {
    /// The origin actor of the replicas; absent: this node's own items.
    origin: Option<String>,
}

/// A digest of this node's items, or of its replicas from one origin: two nodes holding
/// the same set give the same digest.
pub async fn digest(node: web::Data<Node>, query: web::Query<DigestQuery>) -> Result<HttpResponse, ApiError> {
    let digest = crate::operations::digest::item_set_digest(&node, query.origin.as_deref()).await?;
    Ok(HttpResponse::Ok().json(digest))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reshare {
    uri: String,
}

pub async fn reshare(node: web::Data<Node>, req: HttpRequest, body: web::Json<Reshare>) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    let queued = crate::operations::announce::reshare(&node, &body.uri).await?;
    Ok(HttpResponse::Accepted().json(serde_json::json!({ "queued": queued })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relay {
    actor: String,
    relay: bool,
}

pub async fn relay(node: web::Data<Node>, req: HttpRequest, body: web::Json<Relay>) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req).await?;
    if storage::federation::set_following_relay(&node.pool, &body.actor, body.relay).await.map_err(OperationError::from)? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::not_found())
    }
}

/// The network at a glance (the coordination view's figures).
pub async fn network(node: web::Data<Node>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(crate::operations::network::network_view(&node).await?))
}
