//! The JSON API under `/api/v1`: items (create, read, replace, patch, retract, list with
//! filters and pagination), revisions, vocabularies, peers (follow, unfollow, queue state)
//! and the audit log.
//!
//! Authentication is a bearer token (`maillage token create`), and each authenticated route
//! requires exactly one scope of it (a token without it gets 403 `insufficient_scope`):
//!
//! | scope         | routes |
//! |---------------|--------|
//! | `items:read`  | `GET /items`, `GET /items/{slug}`, `GET /items/{slug}/revisions` when a token is sent (drafts and non-public items); without a token they serve the public view |
//! | `items:write` | `POST /items`, `PUT`, `PATCH`, `DELETE /items/{slug}`, `POST` and `DELETE /items/{slug}/media`, `POST /reshares` |
//! | `federation`  | `GET /peers`, `POST` and `DELETE /following`, `POST /following/relay`, `POST /followers/answer` |
//! | `admin`       | `GET /audit` |
//!
//! `GET /digest`, `/network` and `/vocabularies` are public and read no token.

mod audit;
mod auth;
pub mod errors;
mod federation;
mod items;
mod media;
pub mod openapi;
mod openapi_patches;
mod places;
mod query;
mod schemas;
mod vocabularies;

use actix_web::web;

/// A JSON body that actix's extractor refused, said in French (`api-` messages).
fn json_body_error(error: &actix_web::error::JsonPayloadError) -> errors::ApiError {
    use actix_web::error::JsonPayloadError;
    use actix_web::http::StatusCode;
    match error {
        JsonPayloadError::ContentType => errors::ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            crate::msg!("api-unsupported_media_type"),
        ),
        JsonPayloadError::Deserialize(e) if e.is_syntax() || e.is_eof() => errors::ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            crate::content::serde_messages::json_syntax(e),
        ),
        JsonPayloadError::Deserialize(e) => {
            let (code, message) = crate::content::serde_messages::field_error("$", &e.to_string());
            errors::ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                crate::msg!("api-invalid_json-refused", message = message.to_string(), code = code),
            )
        }
        other => errors::ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            crate::msg!("api-invalid_json-unreadable", reason = other.to_string()),
        ),
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    openapi::routes(cfg);
    cfg.service(
        web::scope("/api/v1")
            .app_data(web::JsonConfig::default().error_handler(|e, _| json_body_error(&e).into()))
            .route("/items", web::get().to(items::list))
            .route("/items", web::post().to(items::create))
            .route("/items/{slug}", web::get().to(items::get))
            .route("/items/{slug}", web::put().to(items::replace))
            .route("/items/{slug}", web::patch().to(items::patch))
            .route("/items/{slug}", web::delete().to(items::retract))
            .route("/items/{slug}/revisions", web::get().to(items::revisions))
            .route("/items/{slug}/media", web::post().to(media::upload))
            .route("/items/{slug}/media/{sha256}", web::delete().to(media::remove))
            .route("/peers", web::get().to(federation::peers))
            .route("/following", web::post().to(federation::follow))
            .route("/following", web::delete().to(federation::unfollow))
            .route("/followers/answer", web::post().to(federation::answer_follower))
            .route("/following/relay", web::post().to(federation::relay))
            .route("/reshares", web::post().to(federation::reshare))
            .route("/digest", web::get().to(federation::digest))
            .route("/network", web::get().to(federation::network))
            .route("/audit", web::get().to(audit::list))
            .route("/vocabularies", web::get().to(vocabularies::all))
            .route("/vocabularies/{name}", web::get().to(vocabularies::one))
            .route("/places", web::get().to(places::search))
            .route("/places/{code}", web::get().to(places::one))
            .default_service(web::to(|| async { Err::<actix_web::HttpResponse, _>(errors::ApiError::not_found()) })),
    );
}
