//! The stylesheet and the one script (the editor's place picker), compiled into the
//! binary (no external assets). Every page works without the script.

use actix_web::HttpResponse;

const STYLE_CSS: &str = include_str!("../../templates/style.css");
const PLACES_JS: &str = include_str!("../../templates/places.js");

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLE_CSS)
}

pub async fn places_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(PLACES_JS)
}
