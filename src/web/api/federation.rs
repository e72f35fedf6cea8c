//! Peers and following through the JSON API: who follows us, whom we follow, and the
//! delivery queue per peer; follow, unfollow, and answer pending followers.

use super::auth::required_client;
use super::errors::ApiError;
use super::schemas::ApiErrorBody;
use crate::operations::items::digest::SetDigest;
use crate::operations::node::network::NetworkView;
use crate::operations::people::scopes::Scope;
use crate::operations::remote::peers::FollowState;
use crate::operations::{outbound::follow, Node};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Peer {
    actor: String,
    state: FollowState,
    since: String,
}

#[utoipa::path(get, path = "/api/v1/peers", tag = "federation", security(("bearer" = ["federation"])),
    responses((status = 200, description = "Abonnés, abonnements, files de livraison et synchronisations", body = Object), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody)))]
pub async fn peers(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    required_client(&node, &req, Scope::Federation).await?;
    let crate::operations::remote::peers::PeerOverview { followers, following, queues, syncs, .. } =
        crate::operations::remote::peers::overview(&node).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "followers": followers.into_iter().map(|f| Peer { actor: f.actor_uri, state: f.state, since: f.created_at }).collect::<Vec<_>>(),
        "following": following.into_iter().map(|f| Peer { actor: f.actor_uri, state: f.state, since: f.created_at }).collect::<Vec<_>>(),
        "queues": queues,
        "syncs": syncs,
    })))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `user@host[:port]` or an actor URL.
    target: String,
}

/// A follow request sent: to which actor, and its state (`pending` until accepted).
#[derive(Serialize, utoipa::ToSchema)]
pub struct FollowSent {
    actor: String,
    state: &'static str,
}

/// A re-share: whether it was queued (false: already re-shared in this revision).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReshareQueued {
    queued: bool,
}

#[utoipa::path(post, path = "/api/v1/following", tag = "federation", request_body = Target, security(("bearer" = ["federation"])),
    responses((status = 202, description = "Demande d'abonnement envoyée", body = FollowSent), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 409, description = "Pair introuvable", body = ApiErrorBody)))]
pub async fn follow(
    node: web::Data<Node>,
    req: HttpRequest,
    body: web::Json<Target>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::Federation).await?;
    let actor = follow::follow(&node, &body.target, &client.actor()).await?;
    Ok(HttpResponse::Accepted().json(FollowSent { actor, state: "pending" }))
}

#[utoipa::path(delete, path = "/api/v1/following", tag = "federation", request_body = Target, security(("bearer" = ["federation"])),
    responses((status = 204, description = "Abonnement arrêté"), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Pas abonné", body = ApiErrorBody)))]
pub async fn unfollow(
    node: web::Data<Node>,
    req: HttpRequest,
    body: web::Json<Target>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::Federation).await?;
    follow::unfollow(&node, &body.target, &client.actor()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    actor: String,
    accept: bool,
}

#[utoipa::path(post, path = "/api/v1/followers/answer", tag = "federation", request_body = Answer, security(("bearer" = ["federation"])),
    responses((status = 204, description = "Réponse envoyée"), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Abonné inconnu", body = ApiErrorBody)))]
pub async fn answer_follower(
    node: web::Data<Node>,
    req: HttpRequest,
    body: web::Json<Answer>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::Federation).await?;
    follow::answer_follower(&node, &body.actor, body.accept, &client.actor()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DigestQuery {
    /// The origin actor of the replicas; absent: this node's own items.
    origin: Option<String>,
}

/// A digest of this node's items, or of its replicas from one origin: two nodes holding
/// the same set give the same digest.
#[utoipa::path(get, path = "/api/v1/digest", tag = "federation", params(DigestQuery),
    responses((status = 200, description = "Empreinte de l'ensemble de fiches", body = SetDigest), (status = 400, description = "Paramètre de requête invalide (`invalid_query`), nommé avec la valeur reçue et le format attendu", body = ApiErrorBody)))]
pub async fn digest(
    node: web::Data<Node>,
    query: super::query::ApiQuery<DigestQuery>,
) -> Result<HttpResponse, ApiError> {
    let digest = crate::operations::items::digest::item_set_digest(&node, query.origin.as_deref()).await?;
    Ok(HttpResponse::Ok().json(digest))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Reshare {
    uri: String,
}

#[utoipa::path(post, path = "/api/v1/reshares", tag = "federation", request_body = Reshare, security(("bearer" = ["items:write"])),
    responses((status = 202, description = "Repartage en file d'attente", body = ReshareQueued), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 409, description = "Non repartageable", body = ApiErrorBody)))]
pub async fn reshare(
    node: web::Data<Node>,
    req: HttpRequest,
    body: web::Json<Reshare>,
) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::ItemsWrite).await?;
    let queued = crate::operations::outbound::announce::reshare(&node, &body.uri, &client.actor()).await?;
    Ok(HttpResponse::Accepted().json(ReshareQueued { queued }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Relay {
    actor: String,
    relay: bool,
}

#[utoipa::path(post, path = "/api/v1/following/relay", tag = "federation", request_body = Relay, security(("bearer" = ["federation"])),
    responses((status = 204, description = "Mode relais réglé"), (status = 401, description = "Jeton manquant ou invalide", body = ApiErrorBody), (status = 403, description = "Jeton sans la portée requise", body = ApiErrorBody), (status = 404, description = "Pas abonné", body = ApiErrorBody)))]
pub async fn relay(node: web::Data<Node>, req: HttpRequest, body: web::Json<Relay>) -> Result<HttpResponse, ApiError> {
    let client = required_client(&node, &req, Scope::Federation).await?;
    crate::operations::remote::peers::set_relay(&node, &body.actor, body.relay, &client.actor()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The network at a glance (the coordination view's figures).
#[utoipa::path(get, path = "/api/v1/network", tag = "federation", responses((status = 200, description = "Le réseau d'un coup d'œil", body = NetworkView)))]
pub async fn network(node: web::Data<Node>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(crate::operations::node::network::network_view(&node).await?))
}
