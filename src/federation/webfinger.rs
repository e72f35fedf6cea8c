//! WebFinger: resolving `user@host` handles to actor URLs, and the JRD we serve.

use super::client::{FederationClient, FetchError};
use serde_json::{json, Value};

/// `acct:user@host[:port]` or `@user@host` or `user@host` → (user, host).
pub fn parse_handle(handle: &str) -> Option<(String, String)> {
    let handle = handle.trim().trim_start_matches("acct:").trim_start_matches('@');
    let (user, host) = handle.split_once('@')?;
    if user.is_empty() || host.is_empty() || host.contains('/') || host.contains('@') {
        return None;
    }
    Some((user.to_owned(), host.to_ascii_lowercase()))
}

/// The JRD document for our actor.
pub fn jrd(subject: &str, actor: &str, profile: &str) -> Value {
    json!({
        "subject": subject,
        "aliases": [actor],
        "links": [
            { "rel": "self", "type": "application/activity+json", "href": actor },
            { "rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": profile }
        ]
    })
}

/// Resolves a handle to its actor URL with the peer's WebFinger endpoint.
pub async fn resolve_handle(client: &FederationClient, handle: &str) -> Result<String, FetchError> {
    let (user, host) = parse_handle(handle)
        .ok_or_else(|| FetchError::Refused(handle.to_owned(), crate::msg!("federation-refused-not_a_handle")))?;
    let scheme = if client.policy().allow_http { "http" } else { "https" };
    let mut url = url::Url::parse(&format!("{scheme}://{host}/.well-known/webfinger"))
        .map_err(|_| FetchError::Refused(handle.to_owned(), crate::msg!("federation-refused-invalid_host")))?;
    url.query_pairs_mut().append_pair("resource", &format!("acct:{user}@{host}"));
    let jrd = client.fetch_plain_json(url.as_str(), "application/jrd+json, application/json").await?;
    jrd.get("links")
        .and_then(Value::as_array)
        .and_then(|links| {
            links.iter().find(|l| {
                l.get("rel").and_then(Value::as_str) == Some("self")
                    && l.get("type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.contains("activity+json") || t.contains("ld+json"))
            })
        })
        .and_then(|l| l.get("href").and_then(Value::as_str))
        .map(str::to_owned)
        .ok_or_else(|| FetchError::NotJson(url.to_string(), "no ActivityPub self link".into()))
}

#[cfg(test)]
mod tests {
    use super::parse_handle;

    #[test]
    fn handles_are_parsed_with_their_port() {
        assert_eq!(parse_handle("@marseille@127.0.0.1:8081"), Some(("marseille".into(), "127.0.0.1:8081".into())));
        assert_eq!(parse_handle("acct:ariege@Ariege.Example"), Some(("ariege".into(), "ariege.example".into())));
        assert_eq!(parse_handle("https://a.test/actor"), None);
    }
}
