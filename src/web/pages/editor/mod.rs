//! The editors' area: sign-in, the dashboard of the node's own items in every lifecycle,
//! and the forms that create, edit, preview and retract items. Every page here needs a
//! session; every POST carries the session's CSRF token.

mod dashboard;
mod files;
mod form_parse;
mod form_sections;
mod form_spec;
mod form_view;
mod forms;
mod place_picker;
pub(super) use actix_web::web;

use crate::web::pages::views::session;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", super::get().to(session::login_form))
        .route("/login", web::post().to(session::log_in))
        .route("/logout", web::post().to(session::log_out))
        .route("/edit", super::get().to(dashboard::show))
        .route("/edit/new", super::get().to(forms::new_form))
        .route("/edit/new", web::post().to(forms::create))
        .route("/edit/{slug}", super::get().to(forms::edit_form))
        .route("/edit/{slug}", web::post().to(forms::update))
        .route("/edit/{slug}/fichiers", web::post().to(files::upload))
        .route("/edit/{slug}/fichiers/{sha256}/retirer", web::post().to(files::remove))
        .route("/edit/{slug}/retract", super::get().to(forms::retract_form))
        .route("/edit/{slug}/retract", web::post().to(forms::retract));
}
