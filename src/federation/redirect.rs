//! Redirects of outgoing GETs: which answers are redirects, where they lead, how many
//! are followed, and what a document reached through a redirect may claim. Checking
//! each hop against the SSRF and federation policy is the client's job
//! ([`super::client::FederationClient`]); this module only reads the answers.

use super::client::FetchError;
use super::vocab::origin_of;
use reqwest::header::HeaderValue;
use reqwest::StatusCode;
use url::Url;

/// Redirects followed after the first request; one more is an error.
pub const MAX_REDIRECTS: usize = 5;

/// Where a redirect answer leads (its `Location`, resolved against the URL that gave
/// it); `None` when the answer is not a redirect. A redirect without a usable
/// `Location` is refused.
pub fn redirect_target(
    from: &Url,
    status: StatusCode,
    location: Option<&HeaderValue>,
) -> Result<Option<Url>, FetchError> {
    if !matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
        return Ok(None);
    }
    let refuse = || FetchError::Refused(from.to_string(), crate::msg!("federation-refused-bad_location"));
    let location = location.and_then(|l| l.to_str().ok()).ok_or_else(refuse)?;
    from.join(location).map(Some).map_err(|_| refuse())
}

/// A document reached through a redirect speaks for the server that served it only: its
/// `id`, if any, must be on that server (otherwise an open redirect on one server would
/// let another pass its documents off as the first one's).
pub fn check_served_id(served_by: &Url, document: &serde_json::Value) -> Result<(), FetchError> {
    let Some(id) = document.get("id").and_then(serde_json::Value::as_str) else {
        return Ok(());
    };
    if origin_of(id).is_some() && origin_of(id) == Some(served_by.origin().ascii_serialization()) {
        Ok(())
    } else {
        Err(FetchError::Refused(served_by.to_string(), crate::msg!("federation-refused-redirected_id")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("a URL")
    }

    #[test]
    fn redirects_resolve_their_location_against_the_hop_that_gave_it() {
        let from = url("https://a.test/users/x");
        let relative = HeaderValue::from_static("/actor");
        let absolute = HeaderValue::from_static("http://169.254.169.254/latest/meta-data");
        assert_eq!(
            redirect_target(&from, StatusCode::MOVED_PERMANENTLY, Some(&relative)).expect("followed"),
            Some(url("https://a.test/actor"))
        );
        assert_eq!(
            redirect_target(&from, StatusCode::TEMPORARY_REDIRECT, Some(&absolute)).expect("followed"),
            Some(url("http://169.254.169.254/latest/meta-data"))
        );
        assert_eq!(redirect_target(&from, StatusCode::OK, Some(&relative)).expect("not a redirect"), None);
        assert_eq!(redirect_target(&from, StatusCode::NOT_MODIFIED, None).expect("not a redirect"), None);
        assert!(matches!(
            redirect_target(&from, StatusCode::FOUND, None),
            Err(FetchError::Refused(_, reason))
                if reason.to_string() == "la redirection n'a pas d'en-tête Location valide"
        ));
    }

    #[test]
    fn a_redirected_document_may_only_claim_an_id_on_the_server_that_served_it() {
        let served_by = url("https://b.test/uploads/actor.json");
        assert!(check_served_id(&served_by, &json!({ "id": "https://b.test/actor" })).is_ok());
        assert!(check_served_id(&served_by, &json!({ "subject": "acct:x@a.test" })).is_ok());
        for claimed in ["https://a.test/actor", "http://b.test/actor", "https://b.test:8443/actor", "urn:x"] {
            assert!(
                matches!(check_served_id(&served_by, &json!({ "id": claimed })), Err(FetchError::Refused(..))),
                "{claimed} must be refused"
            );
        }
    }
}
