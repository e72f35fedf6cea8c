//! Signing and verifying requests: signatures, digests, the Date window.

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

    let signature = parse_signature(&Method::GET, "/notes?page=2", &headers, signed_at()).expect("signature parses");

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
