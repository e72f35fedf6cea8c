//! The language of the pages: French first, English available. Owns the message
//! catalogues (Project Fluent files under `src/web/locales/{fr,en}/`), the choice of a
//! language for each request, and the lookups that templates and view builders make.
//!
//! The language is request-scoped, like Django's `translation.activate`: the [`localize`]
//! middleware picks it (`?lang=` first, which also sets a `lang` cookie, then that cookie,
//! then `Accept-Language`, else French) and runs the request inside a task-local scope, so
//! view builders and formatters call [`t`] without a language parameter threaded through
//! every function. Outside a request (the CLI, unit tests) the language is French.
//!
//! A key missing from a catalogue renders as the key itself; a test checks that every key
//! used in `src/web` exists in both catalogues and that the catalogues have the same keys.

pub use crate::content::Lang;
use crate::content::{Kind, Lifecycle, Vocabularies};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

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

/// The catalogue files, the same names in each language: `FRENCH` and `ENGLISH` hold
/// (file name, text) pairs.
macro_rules! catalogues {
    ($($file:literal),+) => {
        const FRENCH: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/fr/", $file)))),+];
        const ENGLISH: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/en/", $file)))),+];
    };
}
catalogues!("common.ftl", "public.ftl", "item.ftl", "network.ftl", "editor.ftl", "admin.ftl");

fn bundle(lang: Lang, files: &[(&str, &str)]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the pages are left-to-right only.
    bundle.set_use_isolating(false);
    for (name, text) in files {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(file = name, ?errors, "Syntax errors in a message catalogue");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(file = name, ?errors, "Duplicate messages in a message catalogue");
        }
    }
    bundle
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle(Lang::Fr, FRENCH), bundle(Lang::En, ENGLISH)]);

/// A value given to a message: a number (plural forms select on it) or a text.
pub enum Arg<'a> {
    Number(f64),
    Text(Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }

        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as f64)
            }
        }

        impl From<&&$t> for Arg<'_> {
            fn from(n: &&$t) -> Self {
                Arg::Number(**n as f64)
            }
        }
    )+};
}
number_arg!(i64, i32, u16, u32, u64, usize);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl<'a> From<&&'a String> for Arg<'a> {
    fn from(s: &&'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl<'a> From<&&'a str> for Arg<'a> {
    fn from(s: &&'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
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

/// A kind's label in the request's language.
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

pub fn kind(kind: Kind) -> &'static str {
    kind.label_in(lang())
}

/// A lifecycle's label in the request's language.
pub fn lifecycle(lifecycle: Lifecycle) -> &'static str {
    lifecycle.label_in(lang())
}

/// A vocabulary term's label in the request's language (the code when unknown).
pub fn term<'a>(vocabularies: &'a Vocabularies, name: &str, code: &'a str) -> &'a str {
    vocabularies.label_in(name, code, lang())
}

/// The message `key` in a given language.
pub fn format(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = &BUNDLES[lang as usize];
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(key, lang = lang.code(), "Missing message in the catalogue");
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_ref()),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, lang = lang.code(), ?errors, "A message could not be formatted completely");
    }
    text.into_owned()
}

#[cfg(test)]
mod tests;
