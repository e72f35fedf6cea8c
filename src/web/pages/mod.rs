//! The pages for people, in French or English (see [`views::i18n`]): server-rendered HTML
//! (askama templates, escaping on), usable without JavaScript. Public pages (home,
//! catalogue, item pages, the network view, vocabularies), feeds and exports, the editors'
//! area (`/login`, `/edit…`) and the administration of peers (`/admin/pairs`). Handlers
//! parse the request, call operations, build a view model and render it; they never write
//! SQL or HTML by hand.
//!
//! Grouped, each group naming only those before it (checked by `tests/it/architecture.rs`):
//! [`views`] (what pages share), [`public`], `downloads` (feeds and exports), `editor`,
//! `admin`.
//!
//! The ActivityPub handler for `/items/{slug}` is registered before these routes with an
//! `Accept` guard; the plain GET here serves browsers. Every GET route also answers HEAD
//! (same headers, no body), which link checkers and feed readers use.

mod admin;
mod downloads;
mod editor;
pub mod public;
pub mod views;

use actix_web::{guard, web, Route};

pub use views::errors::PageError;

/// A route for GET and HEAD (actix answers HEAD only where a route accepts it; the
/// server drops the body of a HEAD response).
pub(crate) fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", get().to(public::home::show))
        .route("/static/style.css", get().to(views::assets::stylesheet))
        .route("/static/places.js", get().to(views::assets::places_script))
        .route("/catalogue", get().to(public::catalogue::show))
        .route("/reseau", get().to(public::network::show))
        .route("/reseau/export/{table}", get().to(downloads::coordination_csv::export))
        .route("/items/{slug}", get().to(public::item::show_local))
        .route("/items/{slug}/revisions", get().to(public::item::revisions))
        .route("/items/{slug}/revisions/{number}", get().to(public::item::revision))
        .route("/replicas/{id}", get().to(public::item::show_replica))
        .route("/replicas/{id}/repartager", web::post().to(public::item::reshare))
        .route("/vocabularies", get().to(public::vocabularies::index))
        .route("/vocabularies/{name}", get().to(public::vocabularies::show))
        .configure(downloads::feeds::routes)
        .configure(downloads::exports::routes)
        .configure(editor::routes)
        .configure(admin::routes)
        .default_service(web::to(views::errors::not_found));
}
