//! The client's URL checks and how answers are classified for the queue.

use super::*;
use chrono::{DateTime, Utc};

fn production_client() -> FederationClient {
    let policy = FetchPolicy {
        peers: crate::federation::policy::FederationPolicy::default(),
        allow_http: false,
        allow_private_addresses: false,
        timeout: Duration::from_secs(1),
        max_response_bytes: 1024,
    };
    FederationClient::new(NodeKeys::generate().expect("keys"), "https://a.test/actor#main-key".into(), policy)
        .expect("a client")
}

/// Every hop of a redirect goes through `check_url` before it is requested: these are
/// the hops a hostile peer would redirect to, and why each is refused.
#[tokio::test]
async fn the_production_policy_refuses_redirect_hops_to_internal_addresses() {
    let client = production_client();
    let private = "l'hôte désigne une adresse privée, locale ou de liaison (refusée en production)";
    for (hop, why) in [
        ("https://127.0.0.1/actor", private),
        ("https://127.0.0.1:8080/actor", private),
        ("https://10.0.0.7/inbox", private),
        ("https://169.254.169.254/latest/meta-data/", private),
        ("https://[::1]/actor", private),
        ("https://[::ffff:10.0.0.1]/actor", private),
        ("http://169.254.169.254/latest/meta-data/", "seul https est accepté"),
        ("file:///etc/passwd", "seul https est accepté"),
        ("https://user:secret@a.test/actor", "identifiants refusés dans une URL"),
    ] {
        match client.check_url(&Url::parse(hop).expect("a URL")).await {
            Err(FetchError::Refused(url, reason)) => {
                assert_eq!(reason.to_string(), why, "{hop}");
                assert_eq!(Url::parse(&url).ok(), Url::parse(hop).ok(), "the refusal names the hop");
            }
            other => panic!("{hop} must be refused, got {other:?}"),
        }
    }
}

#[test]
fn responses_are_classified_for_the_queue() {
    assert!(matches!(classify(StatusCode::ACCEPTED, None, Utc::now()), DeliveryOutcome::Delivered));
    assert!(matches!(classify(StatusCode::GONE, None, Utc::now()), DeliveryOutcome::Gone));
    let retry_after = HeaderValue::from_static("120");
    match classify(StatusCode::TOO_MANY_REQUESTS, Some(&retry_after), Utc::now()) {
        DeliveryOutcome::Retry { retry_after, .. } => assert_eq!(retry_after, Some(Duration::from_secs(120))),
        other => panic!("expected a retry, got {other:?}"),
    }
    assert!(matches!(classify(StatusCode::FORBIDDEN, None, Utc::now()), DeliveryOutcome::Rejected { .. }));
    assert!(matches!(classify(StatusCode::BAD_GATEWAY, None, Utc::now()), DeliveryOutcome::Retry { .. }));
}

#[test]
fn a_retry_after_date_is_read_against_the_clock_given() {
    let now = DateTime::parse_from_rfc3339("2026-12-04T10:00:00Z").expect("a date").with_timezone(&Utc);
    let value = HeaderValue::from_static("Fri, 04 Dec 2026 10:02:00 GMT");
    assert_eq!(parse_retry_after(&value, now), Some(Duration::from_secs(120)));
    let past = HeaderValue::from_static("Fri, 04 Dec 2026 09:00:00 GMT");
    assert_eq!(parse_retry_after(&past, now), Some(Duration::ZERO));
}
