//! The OpenAPI 3.1 description of the JSON API, generated from the handlers' annotations
//! (utoipa) and patched where derivation falls short (`openapi_patches`), served at
//! `/api/v1/openapi.json` with a readable page at `/api/docs`.

use super::schemas::{ApiErrorBody, ApiErrorDetail, ItemListBody, ItemWithMeta};
use super::{audit, federation, items, media, places, vocabularies};
use crate::content::{item, FieldError, ItemDocument};
use crate::operations::items::digest::SetDigest;
use crate::operations::items::model::{FileLink, ItemMeta};
use crate::operations::node::network::{LineageLink, NetworkView, PeerHealth, Territory};
use actix_web::{web, HttpResponse};
use askama::Template;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// How the bearer scheme is described: the scopes and the routes that require each
/// (the same table as in `web::api`).
const BEARER_DESCRIPTION: &str = "Jeton d'API (`maillage token create NOM --scope …`), envoyé en \
`Authorization: Bearer mlg_…`. Chaque route authentifiée exige exactement une portée :\n\
- `items:read` : `GET /items`, `GET /items/{slug}`, `GET /items/{slug}/revisions` avec un jeton \
(brouillons et fiches non publiques ; sans jeton, la vue publique) ;\n\
- `items:write` : `POST /items`, `PUT`, `PATCH` et `DELETE /items/{slug}`, `POST` et `DELETE /items/{slug}/media`, `POST /reshares` ;\n\
- `federation` : `GET /peers`, `POST` et `DELETE /following`, `POST /following/relay`, `POST /followers/answer` ;\n\
- `admin` : `GET /audit`.\n\
Jeton absent, inconnu ou révoqué : 401 `unauthorized`. Jeton sans la portée : 403 `insufficient_scope`, \
avec `WWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"…\"`.";

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some(BEARER_DESCRIPTION)).build();
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "maillage", description = "API JSON d'un nœud maillage : fiches projet, bonnes pratiques et retours d'expérience."),
    paths(
        items::list, items::create, items::get, items::replace, items::patch, items::retract, items::revisions,
        media::upload, media::remove,
        vocabularies::all, vocabularies::one, places::search, places::one,
        federation::peers, federation::follow, federation::unfollow, federation::answer_follower, federation::relay,
        federation::reshare, federation::digest, federation::network, audit::list,
    ),
    components(schemas(
        ItemDocument, ItemWithMeta, ItemMeta, FileLink, ItemListBody, ApiErrorBody, ApiErrorDetail, FieldError, SetDigest,
        NetworkView, Territory, PeerHealth, LineageLink, items::RevisionBody, item::Kind, item::Lifecycle,
        audit::AuditEntryBody, audit::AuditPageBody, places::PlacesBody, places::PlaceBody, places::ParentBody,
    )),
    modifiers(&BearerAuth),
    tags((name = "items", description = "Fiches"), (name = "vocabularies", description = "Vocabulaires contrôlés"),
         (name = "places", description = "Référentiel géographique (Code officiel géographique de l'INSEE)"),
         (name = "federation", description = "Pairs, abonnements, repartages et réseau"),
         (name = "admin", description = "Journal d'audit")),
)]
pub struct ApiDoc;

/// The description as served: the derived one, with the patches of `openapi_patches`.
pub fn served_description(vocab: &crate::content::Vocabularies) -> serde_json::Value {
    let mut spec = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    super::openapi_patches::apply(&mut spec, vocab);
    spec
}

pub async fn spec(node: web::Data<crate::operations::Node>) -> HttpResponse {
    HttpResponse::Ok().json(served_description(&node.vocab))
}

/// One operation on the docs page.
struct Operation {
    method: String,
    path: String,
    summary: String,
    secured: bool,
    responses: String,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsPage {
    operations: Vec<Operation>,
}

/// A readable page generated from the same document (no external assets, no script).
pub async fn docs() -> HttpResponse {
    let spec = ApiDoc::openapi();
    let mut operations = Vec::new();
    for (path, item) in spec.paths.paths.iter() {
        let methods = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, operation) in methods {
            if let Some(op) = operation {
                let responses: Vec<String> = op
                    .responses
                    .responses
                    .iter()
                    .map(|(code, r)| match r {
                        utoipa::openapi::RefOr::T(r) => format!("{code} {}", r.description),
                        utoipa::openapi::RefOr::Ref(_) => code.clone(),
                    })
                    .collect();
                operations.push(Operation {
                    method: method.to_owned(),
                    path: path.clone(),
                    summary: op.description.clone().or_else(|| op.summary.clone()).unwrap_or_default(),
                    // A route whose requirements include an empty one takes a token optionally.
                    secured: op.security.as_ref().is_some_and(|requirements| {
                        !requirements.is_empty()
                            && requirements
                                .iter()
                                .all(|r| serde_json::to_value(r).is_ok_and(|v| v != serde_json::json!({})))
                    }),
                    responses: responses.join(" · "),
                });
            }
        }
    }
    match (DocsPage { operations }).render() {
        Ok(html) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html),
        Err(e) => {
            tracing::error!(error = %e, "failed to render the API docs");
            HttpResponse::InternalServerError().body(crate::msg!("api-docs-internal_error").to_string())
        }
    }
}

/// The (method, path) pairs the spec documents, for the test that compares them with
/// the route table.
pub fn documented_operations() -> Vec<(String, String)> {
    let spec = ApiDoc::openapi();
    let mut out = Vec::new();
    for (path, item) in spec.paths.paths.iter() {
        for (method, present) in [
            ("get", item.get.is_some()),
            ("post", item.post.is_some()),
            ("put", item.put.is_some()),
            ("patch", item.patch.is_some()),
            ("delete", item.delete.is_some()),
        ] {
            if present {
                out.push((method.to_owned(), path.clone()));
            }
        }
    }
    out.sort();
    out
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/v1/openapi.json", web::get().to(spec)).route("/api/docs", web::get().to(docs));
}

#[cfg(test)]
mod tests {
    use super::documented_operations;

    /// The routes registered in `web::api::routes`, read from its source.
    fn registered_operations() -> Vec<(String, String)> {
        let source = include_str!("mod.rs");
        let mut out = Vec::new();
        for line in source.lines() {
            let line = line.trim();
            let Some(rest) = line.strip_prefix(".route(\"") else { continue };
            let Some((path, tail)) = rest.split_once('"') else { continue };
            let Some(method) = tail.split("web::").nth(1).and_then(|m| m.split('(').next()) else { continue };
            out.push((method.to_owned(), format!("/api/v1{path}")));
        }
        out.sort();
        out
    }

    #[test]
    fn the_spec_documents_exactly_the_registered_routes() {
        let registered = registered_operations();
        assert!(registered.len() >= 15, "the route table was not read: {registered:?}");
        assert_eq!(documented_operations(), registered);
    }
}
