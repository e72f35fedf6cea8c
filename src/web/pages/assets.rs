//! The one stylesheet, compiled into the binary (no external assets).

use actix_web::HttpResponse;

const STYLE_CSS: &str = include_str!("../templates/style.css");

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(STYLE_CSS)
}
