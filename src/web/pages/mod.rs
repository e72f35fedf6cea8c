//! The French pages for people: server-rendered HTML (askama templates, escaping on),
//! usable without JavaScript. Public pages (home, catalogue, item pages, vocabularies)
//! and the editors' area (`/login`, `/edit…`). Handlers parse the request, call
//! operations, build a view model and render it; they never write SQL or HTML by hand.
//!
//! The ActivityPub handler for `/items/{slug}` is registered before these routes with an
//! `Accept` guard; the plain GET here serves browsers.

mod assets;
mod cards;
mod catalogue;
mod editor;
mod errors;
mod format;
mod home;
mod item;
mod item_view;
mod item_view_kinds;
mod layout;
mod vocabularies;

use actix_web::web;

pub use errors::PageError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show))
        .route("/static/style.css", web::get().to(assets::stylesheet))
        .route("/catalogue", web::get().to(catalogue::show))
        .route("/items/{slug}", web::get().to(item::show_local))
        .route("/items/{slug}/revisions", web::get().to(item::revisions))
        .route("/items/{slug}/revisions/{number}", web::get().to(item::revision))
        .route("/replicas/{id}", web::get().to(item::show_replica))
        .route("/vocabularies", web::get().to(vocabularies::index))
        .route("/vocabularies/{name}", web::get().to(vocabularies::show))
        .configure(editor::routes)
        .default_service(web::to(errors::not_found));
}
