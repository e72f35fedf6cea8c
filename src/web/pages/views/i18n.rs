//! The language of the pages: French first, English available. Owns the choice of a
//! language for each request and the lookups that templates and view builders make in
//! the catalogues (`crate::i18n`, Project Fluent files under `src/locales/{fr,en}/`).
//!
//! The language is request-scoped, like Django's `translation.activate`: the [`localize`]
//! middleware picks it (`?lang=` first, which also sets a `lang` cookie, then that cookie,
//! then `Accept-Language`, else French) and runs the request inside a task-local scope, so
//! view builders and formatters call [`t`] without a language parameter threaded through
//! every function. Outside a request (the CLI, unit tests) the language is French.

use crate::content::{Kind, Lifecycle, Vocabularies};
pub use crate::i18n::{format, Arg, Lang};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// What the pages of one request know about its language (and the node's name, for the
/// pages rendered where the node is not at hand: errors).
#[derive(Debug, Clone)]
struct RequestLocale {
    lang: Lang,
    /// The request's URI (a cheap clone), for the switch link of pages that show one.
    uri: actix_web::http::Uri,
    node_name: Option<String>,
}

tokio::task_local! {
    static LOCALE: RequestLocale;
}

/// The language of the current request (French outside a request).
pub fn lang() -> Lang {
    LOCALE.try_with(|l| l.lang).unwrap_or(Lang::Fr)
}

/// The display name of the node serving the current request.
pub fn node_name() -> Option<String> {
    LOCALE.try_with(|l| l.node_name.clone()).ok().flatten()
}

/// The current page in the other language.
pub fn switch_href() -> String {
    LOCALE
        .try_with(|l| with_lang(l.uri.path(), l.uri.query().unwrap_or(""), l.lang.other()))
        .unwrap_or_else(|_| format!("/?lang={}", Lang::En.code()))
}

/// The cookie that remembers a language chosen with `?lang=`.
const COOKIE: &str = "lang";

/// Middleware: choose the request's language and run the request in it. HTML responses
/// say which language they are in and vary on the headers that chose it.
pub async fn localize(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let asked = query_lang(req.query_string());
    let lang = asked
        .or_else(|| req.cookie(COOKIE).and_then(|c| Lang::from_code(c.value())))
        .or_else(|| req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(preferred))
        .unwrap_or(Lang::Fr);
    let node_name = req
        .app_data::<actix_web::web::Data<crate::operations::Node>>()
        .map(|node| node.settings.node.display_name.clone());
    let locale = RequestLocale { lang, uri: req.uri().clone(), node_name };
    let mut response = LOCALE.scope(locale, next.call(req)).await?;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
        if let Some(asked) = asked {
            let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", asked.code());
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                headers.append(header::SET_COOKIE, value);
            }
        }
    }
    Ok(response)
}

fn query_lang(query: &str) -> Option<Lang> {
    url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::from_code(&v))
}

/// The first of French or English in an `Accept-Language` header, by weight then order.
fn preferred(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',') {
        let mut pieces = part.split(';');
        let Some(lang) = pieces.next().and_then(Lang::from_code) else { continue };
        let weight = pieces
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if weight > 0.0 && best.map_or(true, |(w, _)| weight > w) {
            best = Some((weight, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// `path?query` with `lang` replaced.
fn with_lang(path: &str, query: &str, lang: Lang) -> String {
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        if k != "lang" {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair("lang", lang.code());
    format!("{path}?{}", out.finish())
}

/// A message kept by an error (validation, operations, uploads) in the request's
/// language; the JSON API shows the same message in French.
pub fn shown(message: &crate::i18n::Message) -> String {
    message.in_lang(lang())
}

/// The message `key` in the request's language.
pub fn t(key: &str) -> String {
    format(lang(), key, &[])
}

/// The message `key` with arguments, in the request's language.
pub fn t_with(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    format(lang(), key, args)
}

/// The message `key` with one argument (`n` for counts, so plural forms can select).
pub fn t1<'a>(key: &str, name: &str, value: impl Into<Arg<'a>>) -> String {
    format(lang(), key, &[(name, value.into())])
}

/// The name of a level of the administrative reference ("Commune", "Département"…).
pub fn place_level(level: crate::content::geography::Level) -> String {
    use crate::content::geography::Level;
    t(match level {
        Level::Country => "place-level-country",
        Level::Region => "place-level-region",
        Level::Departement => "place-level-departement",
        Level::Epci => "place-level-epci",
        Level::Commune => "place-level-commune",
    })
}

/// A kind's label in the request's language.
pub fn kind(kind: Kind) -> String {
    kind.label_in(lang())
}

/// A lifecycle's label in the request's language.
pub fn lifecycle(lifecycle: Lifecycle) -> String {
    lifecycle.label_in(lang())
}

/// A vocabulary term's label in the request's language (the code when unknown).
pub fn term<'a>(vocabularies: &'a Vocabularies, name: &str, code: &'a str) -> &'a str {
    vocabularies.label_in(name, code, lang())
}

#[cfg(test)]
mod tests;
