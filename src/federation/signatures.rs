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
    #[error("{}", crate::msg!("federation-signature_missing"))]
    MissingSignature,
    #[error("{}", crate::msg!("federation-signature_rfc9421_unsupported"))]
    Rfc9421Unsupported,
    #[error("{}", crate::msg!("federation-signature_malformed", detail = .0))]
    Malformed(String),
    #[error("{}", crate::msg!("federation-signature_algorithm_unsupported", algorithm = .0))]
    UnsupportedAlgorithm(String),
    #[error("{}", crate::msg!("federation-signature_header_not_signed", header = .0))]
    MissingSignedHeader(String),
    #[error("{}", crate::msg!("federation-date_missing"))]
    MissingDate,
    #[error("{}", crate::msg!("federation-date_out_of_window"))]
    DateOutOfWindow,
    #[error("{}", crate::msg!("federation-digest_missing"))]
    MissingDigest,
    #[error("{}", crate::msg!("federation-digest_mismatch"))]
    DigestMismatch,
    #[error("{}", crate::msg!("federation-signature_invalid"))]
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
mod tests;
