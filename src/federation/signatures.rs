//! Draft-cavage HTTP Signatures (`rsa-sha256`) and `Digest` headers, both ways.
//!
//! This module owns the wire format: which headers we sign, the signing string, the
//! `Date` window and the `Digest` check. It does not fetch keys or judge authority. The
//! inbox calls [`verify_digest`], then [`parse_signature`], fetches the key named by
//! [`UnverifiedSignature::key_id`] (and checks its owner), then calls
//! [`UnverifiedSignature::verify`]. It is framework-neutral: callers pass the method, the
//! raw path and query as received, and an `http::HeaderMap` (on HTTP/2 the caller must
//! supply `Host` from `:authority`).
//!
//! http-signature-normalization rebuilds the signing string on the verifying side. We
//! sign without it: its `Signed` header always says `algorithm="hs2019"` and lists the
//! headers alphabetically, whereas peers of the Mastodon era expect `rsa-sha256` and the
//! order `(request-target) host date digest`. The round-trip tests hold the two together.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Context;
use aws_lc_rs::digest::{digest, SHA256};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, TimeDelta, Utc};
use http_signature_normalization::verify::ValidateError;
use http_signature_normalization::{Config, PrepareVerifyError};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, DATE};
use reqwest::Method;
use url::{Position, Url};

use super::keys::{NodeKeys, RemotePublicKey};

const SIGNATURE: HeaderName = HeaderName::from_static("signature");
const SIGNATURE_INPUT: HeaderName = HeaderName::from_static("signature-input");
const DIGEST: HeaderName = HeaderName::from_static("digest");
/// Mastodon's window: a `Date` at most this far in the future…
const MAX_CLOCK_SKEW: TimeDelta = TimeDelta::hours(1);
/// …and at most this old.
const MAX_AGE: TimeDelta = TimeDelta::hours(12);

/// Why an incoming request's signature or digest was refused; `code()` is stable for APIs.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error("la requête n'a pas d'en-tête Signature")]
    MissingSignature,
    #[error("les signatures RFC 9421 ne sont pas encore acceptées ; signez selon draft-cavage")]
    Rfc9421Unsupported,
    #[error("la signature est mal formée : {0}")]
    Malformed(String),
    #[error("l'algorithme de signature « {0} » n'est pas accepté ; utilisez rsa-sha256")]
    UnsupportedAlgorithm(String),
    #[error("la signature doit couvrir l'en-tête « {0} »")]
    MissingSignedHeader(String),
    #[error("la requête n'a pas d'en-tête Date")]
    MissingDate,
    #[error("l'en-tête Date date de plus de 12 heures ou est à plus d'une heure dans le futur")]
    DateOutOfWindow,
    #[error("la requête n'a pas d'en-tête Digest SHA-256")]
    MissingDigest,
    #[error("l'en-tête Digest ne correspond pas au corps")]
    DigestMismatch,
    #[error("la signature ne se vérifie pas avec la clé de l'expéditeur")]
    BadSignature,
}

impl SignatureError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::MissingSignature => "signature_missing",
            Self::Rfc9421Unsupported => "signature_rfc9421_unsupported",
            Self::Malformed(_) => "signature_malformed",
            Self::UnsupportedAlgorithm(_) => "signature_algorithm_unsupported",
            Self::MissingSignedHeader(_) => "signature_header_not_signed",
            Self::MissingDate => "date_missing",
            Self::DateOutOfWindow => "date_out_of_window",
            Self::MissingDigest => "digest_missing",
            Self::DigestMismatch => "digest_mismatch",
            Self::BadSignature => "signature_invalid",
        }
    }
}

/// `SHA-256=<base64>` of the exact body bytes.
pub fn digest_header(body: &[u8]) -> String {
    format!("SHA-256={}", STANDARD.encode(digest(&SHA256, body)))
}

/// The headers to add to an outgoing request: `Host`, `Date`, `Digest` (when there is a
/// body, and always on POST) and `Signature`.
pub fn sign_request(
    keys: &NodeKeys,
    key_id: &str,
    method: &Method,
    url: &Url,
    body: Option<&[u8]>,
    now: DateTime<Utc>,
) -> anyhow::Result<HeaderMap> {
    let digest = (body.is_some() || method == Method::POST).then(|| digest_header(body.unwrap_or_default()));
    sign_request_with_digest(keys, key_id, method, url, digest.as_deref(), now)
}

/// [`sign_request`] with the body's `Digest` header already computed (a fan-out signs
/// the same body for every inbox).
pub fn sign_request_with_digest(
    keys: &NodeKeys,
    key_id: &str,
    method: &Method,
    url: &Url,
    digest: Option<&str>,
    now: DateTime<Utc>,
) -> anyhow::Result<HeaderMap> {
    let host = url.host_str().context("Failed to sign: the URL has no host")?;
    // `Url::port` is `None` for the scheme's default port, which is what `Host` wants.
    let host = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    let request_target =
        format!("{} {}", method.as_str().to_ascii_lowercase(), &url[Position::BeforePath..Position::AfterQuery]);
    let date = now.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let mut signed = vec![("(request-target)", request_target), ("host", host), ("date", date)];
    if let Some(digest) = digest {
        signed.push(("digest", digest.to_owned()));
    }
    let signing_string: Vec<String> = signed.iter().map(|(n, v)| format!("{n}: {v}")).collect();
    let signature = keys.sign_rsa_sha256(signing_string.join("\n").as_bytes())?;
    let names: Vec<&str> = signed.iter().map(|(name, _)| *name).collect();
    let signature_header = format!(
        r#"keyId="{key_id}",algorithm="rsa-sha256",headers="{}",signature="{}""#,
        names.join(" "),
        STANDARD.encode(signature)
    );

    let mut headers = HeaderMap::new();
    for (name, value) in signed.into_iter().skip(1) {
        let name = HeaderName::from_static(name);
        let value = HeaderValue::from_str(&value).with_context(|| format!("Failed to build the {name} header"))?;
        headers.insert(name, value);
    }
    let value = HeaderValue::from_str(&signature_header)
        .context("Failed to build the Signature header (is the keyId a valid URL?)")?;
    headers.insert(SIGNATURE, value);
    Ok(headers)
}

/// A well-formed, fresh signature whose key has not been checked yet.
#[derive(Debug, Clone)]
pub struct UnverifiedSignature {
    key_id: String,
    signing_string: String,
    signature: Vec<u8>,
}

impl UnverifiedSignature {
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The `keyId` without its `#fragment`: usually the actor to fetch for the key.
    pub fn actor_url_hint(&self) -> String {
        self.key_id.split('#').next().unwrap_or_default().to_owned()
    }

    pub fn verify(&self, key: &RemotePublicKey) -> bool {
        key.verify_rsa_sha256(self.signing_string.as_bytes(), &self.signature)
    }
}

/// Checks everything about an incoming signature that needs no key. `path_and_query`
/// must be the raw request target, exactly as received.
pub fn parse_signature(
    method: &Method,
    path_and_query: &str,
    headers: &HeaderMap,
    now: DateTime<Utc>,
) -> Result<UnverifiedSignature, SignatureError> {
    // An RFC 9421 request also has a `Signature` header, with a different syntax.
    if headers.contains_key(SIGNATURE_INPUT) {
        return Err(SignatureError::Rfc9421Unsupported);
    }
    let Some(header) = headers.get(SIGNATURE) else {
        return Err(SignatureError::MissingSignature);
    };
    let header = header.to_str().map_err(|_| SignatureError::Malformed("the Signature header is not text".into()))?;

    let params = signature_params(header);
    let algorithm = params.get("algorithm").map(|a| a.to_ascii_lowercase());
    // hs2019 means "ask the key"; for the RSA keys actors publish that is rsa-sha256.
    if let Some(other) = algorithm.filter(|a| a != "rsa-sha256" && a != "hs2019") {
        return Err(SignatureError::UnsupportedAlgorithm(other));
    }
    let signed = params.get("headers").map(|h| h.to_ascii_lowercase()).unwrap_or_default();
    let signed: Vec<&str> = signed.split_whitespace().collect();
    let mut required = vec!["(request-target)", "host", "date"];
    if method == Method::POST {
        required.push("digest");
    }
    if let Some(missing) = required.into_iter().find(|name| !signed.contains(name)) {
        return Err(SignatureError::MissingSignedHeader(missing.to_owned()));
    }
    check_date(headers, now)?;

    // The crate re-checks Date against the wall clock; ours uses the injected `now`, so
    // its check is pushed out of the way. `mastodon_compat` (no `(created)`, Date and Host
    // required) matches the checks above.
    let config = Config::new().mastodon_compat().set_expiration(Duration::from_secs(100 * 365 * 24 * 3600));
    // The crate does not trim parameter names, so `keyId="…", signature="…"` (with a
    // space) would lose its signature: hand it the parameters re-joined without spaces.
    let mut crate_headers = header_map_for_crate(headers);
    let normalized: Vec<String> = params.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
    crate_headers.insert(SIGNATURE.as_str().to_owned(), normalized.join(","));
    let unverified =
        config.begin_verify(method.as_str(), path_and_query, crate_headers).map_err(|error| match error {
            PrepareVerifyError::Validate(ValidateError::Missing) => SignatureError::MissingSignature,
            PrepareVerifyError::Validate(ValidateError::Expired { .. }) => SignatureError::DateOutOfWindow,
            PrepareVerifyError::Parse(e) => SignatureError::Malformed(format!("no `{}` parameter", e.missing_field())),
            PrepareVerifyError::Required(e) => {
                let mut names: Vec<&str> = e.headers().iter().map(String::as_str).collect();
                names.sort_unstable();
                SignatureError::Malformed(format!("signed headers absent: {}", names.join(", ")))
            }
        })?;
    let signature = STANDARD
        .decode(unverified.signature())
        .map_err(|_| SignatureError::Malformed("the signature is not base64".into()))?;
    Ok(UnverifiedSignature {
        key_id: unverified.key_id().to_owned(),
        signing_string: unverified.signing_string().to_owned(),
        signature,
    })
}

/// Checks the body against its `Digest` header. Every SHA-256 value present must match
/// (algorithm names are case-insensitive; other algorithms are ignored).
pub fn verify_digest(headers: &HeaderMap, body: &[u8]) -> Result<(), SignatureError> {
    let actual = digest(&SHA256, body);
    let mut found = false;
    for value in headers.get_all(DIGEST) {
        let value = value.to_str().map_err(|_| SignatureError::Malformed("the Digest header is not text".into()))?;
        for entry in value.split(',') {
            let Some((algorithm, encoded)) = entry.trim().split_once('=') else {
                return Err(SignatureError::Malformed(format!("bad Digest entry `{entry}`")));
            };
            if !algorithm.trim().eq_ignore_ascii_case("sha-256") {
                continue;
            }
            found = true;
            let expected = STANDARD
                .decode(encoded.trim())
                .map_err(|_| SignatureError::Malformed("the Digest is not base64".into()))?;
            if expected != actual.as_ref() {
                return Err(SignatureError::DigestMismatch);
            }
        }
    }
    if found {
        Ok(())
    } else {
        Err(SignatureError::MissingDigest)
    }
}

fn check_date(headers: &HeaderMap, now: DateTime<Utc>) -> Result<(), SignatureError> {
    let date = headers.get(DATE).ok_or(SignatureError::MissingDate)?;
    let date = date
        .to_str()
        .ok()
        .and_then(|d| DateTime::parse_from_rfc2822(d).ok())
        .ok_or_else(|| SignatureError::Malformed("the Date header is not an HTTP date".into()))?;
    if date > now + MAX_CLOCK_SKEW || date < now - MAX_AGE {
        return Err(SignatureError::DateOutOfWindow);
    }
    Ok(())
}

/// `key="value"` pairs, split the same way http-signature-normalization splits them.
fn signature_params(header: &str) -> BTreeMap<&str, &str> {
    header
        .split(',')
        .filter_map(|part| part.split_once('='))
        .map(|(key, value)| (key.trim(), value.trim().trim_matches('"')))
        .collect()
}

/// Repeated headers are joined with ", " as draft-cavage says. `Authorization` is left
/// out: the crate reads it in preference to `Signature`, so a bearer token would hide
/// the signature.
fn header_map_for_crate(headers: &HeaderMap) -> BTreeMap<String, String> {
    headers
        .keys()
        .filter(|name| **name != AUTHORIZATION)
        .map(|name| {
            let values: Vec<&str> = headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect();
            (name.as_str().to_owned(), values.join(", "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use chrono::TimeZone;
    use reqwest::header::HOST;

    use super::*;

    const KEY_ID: &str = "https://a.example/actor#main-key";

    fn keys() -> NodeKeys {
        static KEYS: OnceLock<NodeKeys> = OnceLock::new();
        KEYS.get_or_init(|| NodeKeys::generate().expect("key generation works")).clone()
    }

    fn public_key() -> RemotePublicKey {
        RemotePublicKey::from_pem(keys().public_key_pem()).expect("our own key parses")
    }

    /// A fixed instant far from the wall clock, so the crate's own Date check can't interfere.
    fn signed_at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 5, 1, 10, 0, 0).single().expect("valid date")
    }

    fn signed(method: Method, url: &str, body: Option<&[u8]>) -> HeaderMap {
        let url = Url::parse(url).expect("valid URL");
        sign_request(&keys(), KEY_ID, &method, &url, body, signed_at()).expect("signing works")
    }

    fn signature_header(headers: &HeaderMap) -> &str {
        headers[SIGNATURE].to_str().expect("ASCII")
    }

    fn replace_signature(headers: &mut HeaderMap, from: &str, to: &str) {
        let header = signature_header(headers).replace(from, to);
        headers.insert(SIGNATURE, HeaderValue::from_str(&header).expect("valid header"));
    }

    #[test]
    fn a_signed_get_verifies_with_the_signers_key() {
        let mut headers = signed(Method::GET, "https://a.example/notes?page=2", None);
        assert_eq!(headers[DATE], "Wed, 01 May 2024 10:00:00 GMT");
        assert!(!headers.contains_key(DIGEST));
        assert!(signature_header(&headers)
            .contains(r#"algorithm="rsa-sha256",headers="(request-target) host date",signature=""#));
        let bearer = HeaderValue::from_static("Bearer not-a-signature");
        headers.insert(AUTHORIZATION, bearer);
        replace_signature(&mut headers, "\",", "\", "); // some peers add spaces

        let signature =
            parse_signature(&Method::GET, "/notes?page=2", &headers, signed_at()).expect("signature parses");

        assert_eq!(signature.key_id(), KEY_ID);
        assert_eq!(signature.actor_url_hint(), "https://a.example/actor");
        assert!(signature.verify(&public_key()));
        let other = parse_signature(&Method::GET, "/notes?page=3", &headers, signed_at());
        assert!(!other.expect("still well-formed").verify(&public_key()));
    }

    #[test]
    fn a_signed_post_verifies_and_its_digest_matches_the_body() {
        let body = br#"{"type":"Create"}"#;
        let headers = signed(Method::POST, "http://127.0.0.1:8081/inbox", Some(body));

        verify_digest(&headers, body).expect("digest matches");
        let signature = parse_signature(&Method::POST, "/inbox", &headers, signed_at()).expect("signature parses");

        assert_eq!(headers[HOST], "127.0.0.1:8081");
        assert!(signature_header(&headers).contains(r#"headers="(request-target) host date digest""#));
        assert!(signature.verify(&public_key()));
    }

    #[test]
    fn the_host_header_carries_only_a_non_default_port() {
        assert_eq!(signed(Method::GET, "https://b.example:443/x", None)[HOST], "b.example");
        assert_eq!(signed(Method::GET, "https://b.example:8443/x", None)[HOST], "b.example:8443");
    }

    #[test]
    fn a_tampered_body_is_a_digest_mismatch_and_a_missing_digest_is_reported() {
        let headers = signed(Method::POST, "https://b.example/inbox", Some(b"original"));

        let tampered = verify_digest(&headers, b"tampered").expect_err("must not match");
        let missing = verify_digest(&HeaderMap::new(), b"original").expect_err("no digest");

        assert!(matches!(tampered, SignatureError::DigestMismatch));
        assert_eq!(tampered.code(), "digest_mismatch");
        assert!(matches!(missing, SignatureError::MissingDigest));
    }

    #[test]
    fn a_lowercase_digest_among_several_is_accepted() {
        let sha256 = digest_header(b"body").replace("SHA-256=", "sha-256=");
        let mut headers = HeaderMap::new();
        let value = format!("SHA-512=ignored, {sha256}");
        headers.insert(DIGEST, HeaderValue::from_str(&value).expect("valid header"));

        assert!(verify_digest(&headers, b"body").is_ok());
        assert!(matches!(verify_digest(&headers, b"other"), Err(SignatureError::DigestMismatch)));
    }

    #[test]
    fn a_signature_does_not_verify_with_another_key() {
        let headers = signed(Method::POST, "https://b.example/inbox", Some(b"{}"));
        let other = NodeKeys::generate().expect("key generation works");
        let other = RemotePublicKey::from_pem(other.public_key_pem()).expect("parses");

        let signature = parse_signature(&Method::POST, "/inbox", &headers, signed_at()).expect("signature parses");

        assert!(!signature.verify(&other));
    }

    #[test]
    fn a_date_outside_mastodons_window_is_refused() {
        let headers = signed(Method::GET, "https://b.example/x", None);
        let parse_at = |now| parse_signature(&Method::GET, "/x", &headers, now);

        assert!(parse_at(signed_at() + TimeDelta::hours(11)).is_ok());
        assert!(parse_at(signed_at() - TimeDelta::minutes(59)).is_ok());
        let too_old = parse_at(signed_at() + TimeDelta::hours(13)).expect_err("too old");
        let future = parse_at(signed_at() - TimeDelta::hours(2)).expect_err("in the future");

        assert!(matches!(too_old, SignatureError::DateOutOfWindow));
        assert!(matches!(future, SignatureError::DateOutOfWindow));
        assert_eq!(too_old.code(), "date_out_of_window");
    }

    #[test]
    fn a_post_whose_signature_does_not_cover_the_digest_is_refused() {
        let headers = signed(Method::GET, "https://b.example/inbox", None);

        let error = parse_signature(&Method::POST, "/inbox", &headers, signed_at()).expect_err("digest is not signed");

        assert!(matches!(&error, SignatureError::MissingSignedHeader(h) if h == "digest"));
    }

    #[test]
    fn only_rsa_sha256_and_hs2019_are_accepted() {
        let mut headers = signed(Method::GET, "https://b.example/x", None);
        replace_signature(&mut headers, "rsa-sha256", "hs2019");
        let hs2019 = parse_signature(&Method::GET, "/x", &headers, signed_at());
        assert!(hs2019.expect("hs2019 parses").verify(&public_key()));

        replace_signature(&mut headers, "hs2019", "ed25519");
        let error = parse_signature(&Method::GET, "/x", &headers, signed_at()).expect_err("ed");
        assert!(matches!(error, SignatureError::UnsupportedAlgorithm(a) if a == "ed25519"));
    }

    #[test]
    fn missing_or_rfc9421_signatures_are_named() {
        let mut headers = signed(Method::GET, "https://b.example/x", None);
        let parse = |h: &HeaderMap| parse_signature(&Method::GET, "/x", h, signed_at());
        headers.remove(SIGNATURE);
        assert!(matches!(parse(&headers), Err(SignatureError::MissingSignature)));
        let rfc9421 = HeaderValue::from_static("sig1=(\"@method\")");
        headers.insert(SIGNATURE_INPUT, rfc9421);
        assert!(matches!(parse(&headers), Err(SignatureError::Rfc9421Unsupported)));

        let mut headers = signed(Method::GET, "https://b.example/x", None);
        headers.remove(HOST);
        assert!(matches!(parse(&headers), Err(SignatureError::Malformed(_))));
        headers = signed(Method::GET, "https://b.example/x", None);
        headers.remove(DATE);
        assert!(matches!(parse(&headers), Err(SignatureError::MissingDate)));
    }
}
