//! The administration of peers, `/admin/pairs`: who follows this node and whom it
//! follows, the delivery queue and the catch-up progress per peer, and the actions on
//! them (follow, unfollow, answer a pending follower, relay mode). Any signed-in editor
//! may look; only administrators may act. Every form carries the session's CSRF token.
//! The audit log, `/admin/journal`, and the territory's logo and banner,
//! `/admin/identite`, are for administrators only.

mod actions;
mod audit;
mod identity;
mod peers;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/pairs", super::get().to(peers::show))
        .route("/admin/pairs/suivre", web::post().to(actions::follow))
        .route("/admin/pairs/ne-plus-suivre", web::post().to(actions::unfollow))
        .route("/admin/pairs/abonnes", web::post().to(actions::answer_follower))
        .route("/admin/pairs/relais", web::post().to(actions::relay))
        .route("/admin/identite", super::get().to(identity::show))
        .route("/admin/identite/{role}", web::post().to(identity::upload))
        .route("/admin/journal", super::get().to(audit::show));
}
