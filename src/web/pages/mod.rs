//! The pages for people, in French or English (see [`i18n`]): server-rendered HTML (askama templates, escaping on),
//! usable without JavaScript. Public pages (home, catalogue, item pages, the network
//! view, vocabularies), feeds and exports, the editors' area (`/login`, `/edit…`) and the
//! administration of peers (`/admin/pairs`). Handlers parse the request, call
//! operations, build a view model and render it; they never write SQL or HTML by hand.
//!
//! The ActivityPub handler for `/items/{slug}` is registered before these routes with an
//! `Accept` guard; the plain GET here serves browsers. Every GET route also answers HEAD
//! (same headers, no body), which link checkers and feed readers use.

mod admin;
mod assets;
mod cards;
mod catalogue;
mod charts;
mod coordination;
mod coordination_csv;
mod editor;
mod errors;
mod export_csv;
mod exports;
mod feeds;
mod format;
mod france_map;
mod home;
pub mod i18n;
mod item;
mod item_media;
mod item_view;
mod item_view_details;
mod item_view_kinds;
mod layout;
mod lineage_graph;
mod network;
mod vocabularies;

use actix_web::{guard, web, Route};

pub use errors::PageError;

/// A route for GET and HEAD (actix answers HEAD only where a route accepts it; the
/// server drops the body of a HEAD response).
pub(crate) fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", get().to(home::show))
        .route("/static/style.css", get().to(assets::stylesheet))
        .route("/static/places.js", get().to(assets::places_script))
        .route("/catalogue", get().to(catalogue::show))
        .route("/reseau", get().to(network::show))
        .route("/reseau/export/{table}", get().to(coordination_csv::export))
        .route("/items/{slug}", get().to(item::show_local))
        .route("/items/{slug}/revisions", get().to(item::revisions))
        .route("/items/{slug}/revisions/{number}", get().to(item::revision))
        .route("/replicas/{id}", get().to(item::show_replica))
        .route("/replicas/{id}/repartager", web::post().to(item::reshare))
        .route("/vocabularies", get().to(vocabularies::index))
        .route("/vocabularies/{name}", get().to(vocabularies::show))
        .configure(feeds::routes)
        .configure(exports::routes)
        .configure(editor::routes)
        .configure(admin::routes)
        .default_service(web::to(errors::not_found));
}
