//! Exports of the public catalogue (local items and replicas): `/export/catalogue.csv`
//! for spreadsheets (see `export_csv`; `?separateur=point-virgule` for spreadsheet
//! software set up for French, which expects `;`) and `/export/catalogue.json`, the items
//! in the JSON API's shape. Both are downloads named after the node and the day.

use crate::operations::items::model::Audience;
use crate::operations::items::queries::{self, ItemFilter, MAX_PAGE_SIZE};
use crate::operations::{Item, Node};
use crate::web::pages::downloads::export_csv::{self, BOM, HEADERS};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::links::item_href;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use anyhow::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/export/catalogue.csv", crate::web::pages::get().to(csv))
        .route("/export/catalogue.json", crate::web::pages::get().to(json));
}

/// Every public item, newest first, read page by page.
async fn all_public_items(node: &Node) -> Result<Vec<Item>, PageError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let filter = ItemFilter { page, per_page: MAX_PAGE_SIZE, ..ItemFilter::default() };
        let list = queries::list_items(node, &filter, false).await?;
        let done = list.items.is_empty() || page >= list.pages();
        items.extend(list.items.into_iter().map(|(item, _)| item));
        if done {
            return Ok(items);
        }
        page += 1;
    }
}

/// `attachment; filename="catalogue-marseille-2026-03-12.csv"` (ASCII only).
fn attachment(node: &Node, extension: &str) -> String {
    let username: String =
        node.settings.node.username.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    let day = node.clock.now().format("%Y-%m-%d");
    format!("attachment; filename=\"catalogue-{username}-{day}.{extension}\"")
}

pub async fn csv(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let separator = match url::form_urlencoded::parse(req.query_string().as_bytes()).find(|(k, _)| k == "separateur") {
        Some((_, v)) if v == "point-virgule" || v == ";" => ';',
        _ => ',',
    };
    let items = all_public_items(&node).await?;
    let mut out = String::with_capacity(512 * (items.len() + 1));
    out.push_str(BOM);
    export_csv::push_record(&mut out, &HEADERS, separator);
    for item in &items {
        let page = node.url(item_href(item).trim_start_matches('/'));
        let origin = match &item.origin {
            None => "ce nœud".to_owned(),
            Some(actor) => crate::web::pages::views::format::host_of(actor),
        };
        export_csv::push_record(&mut out, &export_csv::item_row(item, &node.vocab, &page, &origin), separator);
    }
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8; header=present")
        .insert_header((header::CONTENT_DISPOSITION, attachment(&node, "csv")))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(out))
}

pub async fn json(node: web::Data<Node>) -> Result<HttpResponse, PageError> {
    let items = all_public_items(&node).await?;
    let today = node.clock.now().date_naive();
    let views: Vec<_> = items.iter().map(|item| item.view(today, Audience::Public, node.base_url.as_str())).collect();
    let body = serde_json::to_vec_pretty(&serde_json::json!({
        "node": node.actor_uri(),
        "generated_at": crate::clock::timestamp(node.clock.now()),
        "total": views.len(),
        "items": views,
    }))
    .context("Failed to serialize the catalogue export")?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, attachment(&node, "json")))
        .body(body))
}
