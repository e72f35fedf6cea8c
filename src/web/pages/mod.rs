//! The French pages for people (server-rendered, usable without JavaScript).

use actix_web::web;

pub fn routes(_cfg: &mut web::ServiceConfig) {}
