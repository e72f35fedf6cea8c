//! `/media/{sha256}` (and `/media/{sha256}/{name}`, the same file downloaded under a
//! name): the files of items, named by their digest, hence immutable. Served with their
//! stored type and `nosniff`, a sandboxing Content-Security-Policy, a year of caching, the
//! digest as ETag, and byte ranges; documents as attachments, never inline.

use crate::content::media::{extension_of, is_image_type};
use crate::operations::{items::media::stored_file, Node};
use actix_files::NamedFile;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};

/// The path of the stored file `sha256` on this node (what pages link to).
pub fn href(sha256: &str) -> String {
    format!("/media/{sha256}")
}

/// Files up to this size are read at once and sent in one write; larger ones, and byte
/// ranges, are streamed from disk.
const IN_ONE_WRITE: u64 = 4 * 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/media/{sha256}", web::get().to(file)).route("/media/{sha256}/{name}", web::get().to(named_file));
}

async fn file(node: web::Data<Node>, req: HttpRequest, sha256: web::Path<String>) -> HttpResponse {
    serve(&node, &req, &sha256, None).await
}

async fn named_file(node: web::Data<Node>, req: HttpRequest, path: web::Path<(String, String)>) -> HttpResponse {
    let (sha256, name) = path.into_inner();
    serve(&node, &req, &sha256, Some(&name)).await
}

fn not_found() -> HttpResponse {
    HttpResponse::NotFound()
        .content_type("application/json")
        .json(serde_json::json!({"error": {"code": "not_found", "message": crate::msg!("api-media-not_found")}}))
}

async fn serve(node: &Node, req: &HttpRequest, sha256: &str, name: Option<&str>) -> HttpResponse {
    let stored = match stored_file(node, sha256).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "failed to look up a stored file");
            return HttpResponse::InternalServerError().finish();
        }
    };
    let etag = format!("\"{sha256}\"");
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let disposition = if is_image_type(&stored.media_type) {
        ContentDisposition { disposition: DispositionType::Inline, parameters: vec![] }
    } else {
        let file_name = download_name(name, sha256, &stored.media_type);
        ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        }
    };
    let whole_and_small = stored.size <= IN_ONE_WRITE && !req.headers().contains_key(header::RANGE);
    let mut response = if matches {
        HttpResponse::NotModified().finish()
    } else if whole_and_small {
        // Read at once and sent with its head in one write: a streamed body is sent in
        // several, which Nagle's algorithm and delayed ACKs slow to ~20 ms a request.
        match tokio::fs::read(&stored.path).await {
            Ok(bytes) => HttpResponse::Ok()
                .content_type(stored.media_type.as_str())
                .insert_header((header::CONTENT_DISPOSITION, disposition))
                .insert_header((header::ACCEPT_RANGES, "bytes"))
                .body(bytes),
            Err(e) => return missing(sha256, &e),
        }
    } else {
        let opened = match NamedFile::open_async(&stored.path).await {
            Ok(file) => file,
            Err(e) => return missing(sha256, &e),
        };
        let mime = stored.media_type.parse().unwrap_or(mime_octet_stream());
        opened
            .set_content_type(mime)
            .set_content_disposition(disposition)
            .use_etag(false)
            .use_last_modified(false)
            .prefer_utf8(true)
            .into_response(req)
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::ETAG, etag.as_str()),
        (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::CONTENT_SECURITY_POLICY, "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"),
        (header::HeaderName::from_static("cross-origin-resource-policy"), "cross-origin"),
    ] {
        if let Ok(value) = header::HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    }
    response
}

/// A file the database records but the media folder lacks (removed by hand, a disk
/// restored without it): logged, and not found for the client.
fn missing(sha256: &str, error: &std::io::Error) -> HttpResponse {
    tracing::error!(%error, sha256, "a recorded file is missing from the media folder");
    not_found()
}

fn mime_octet_stream() -> actix_web::mime::Mime {
    actix_web::mime::APPLICATION_OCTET_STREAM
}

/// The name a document downloads under: the one in the link when it is a plain name,
/// else the digest's start with the type's extension.
fn download_name(name: Option<&str>, sha256: &str, media_type: &str) -> String {
    let plain = |n: &&str| {
        !n.is_empty()
            && n.len() <= 200
            && n.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')'))
            && !n.starts_with('.')
    };
    match name.filter(plain) {
        Some(n) => n.to_owned(),
        None => format!("{}.{}", &sha256[..12], extension_of(media_type)),
    }
}
