//! Outgoing HTTP for federation: signed GETs of ActivityPub documents and signed POSTs
//! to inboxes, every one checked against the SSRF policy first, with timeouts and a cap
//! on response size. GETs follow a few redirects, each hop checked like the first URL
//! ([`super::redirect`]); POSTs follow none. TLS trusts the roots of [`super::tls`]; a
//! request that gets no answer keeps its whole cause, classified ([`NetworkFailure`]).

mod outcome;

use super::failure::NetworkFailure;
use super::keys::NodeKeys;
use super::redirect::{check_served_id, redirect_target, MAX_REDIRECTS};
use super::resolver::is_public_address;
use super::signatures::{sign_request, sign_request_with_digest};
use super::tls::TrustSummary;
use super::vocab::ACTIVITY_JSON;
use crate::clock::{Clock, SystemClock};
use crate::i18n::Message;
use outcome::classify;
pub use outcome::{parse_retry_after, DeliveryOutcome};
use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE, ETAG, IF_NONE_MATCH, RETRY_AFTER, USER_AGENT};
use reqwest::{Method, StatusCode};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// Where outgoing requests may go.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// Peers we may talk to at all.
    pub peers: super::policy::FederationPolicy,
    pub allow_http: bool,
    pub allow_private_addresses: bool,
    pub timeout: Duration,
    pub max_response_bytes: usize,
}

/// How connections are made, beside the policy: the static hosts table and the CA
/// certificates trusted besides the bundled roots and the system's store.
#[derive(Debug, Clone)]
pub struct Transport {
    /// Host name → address, used instead of DNS (like curl's `--resolve`); a port in the
    /// URL wins over the entry's, port 0 means the scheme's. The operator wrote these
    /// entries: their addresses pass the SSRF check even when private.
    pub resolve: BTreeMap<String, SocketAddr>,
    pub extra_roots: rustls::RootCertStore,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL, and why (a `federation-refused-…` message).
    #[error("{}", crate::msg!("federation-url_refused", url = .0, reason = .1.to_string()))]
    Refused(String, Message),
    #[error("{}", crate::msg!("federation-request_failed", url = .0, error = .1.to_string()))]
    Network(String, NetworkFailure),
    #[error("{}", crate::msg!("federation-http_status", url = .0, status = *.1))]
    Status(String, u16),
    #[error("{}", crate::msg!("federation-response_too_large", url = .0))]
    TooLarge(String),
    #[error("{}", crate::msg!("federation-not_json", url = .0, error = .1))]
    NotJson(String, String),
    #[error("{}", crate::msg!("federation-signing_failed", error = .0))]
    Signing(String),
    #[error("{}", crate::msg!("federation-too_many_redirects", url = .0, max = MAX_REDIRECTS))]
    TooManyRedirects(String),
}

/// A signing HTTP client for one node.
#[derive(Clone)]
pub struct FederationClient {
    http: reqwest::Client,
    keys: NodeKeys,
    key_id: String,
    policy: FetchPolicy,
    resolve: BTreeMap<String, SocketAddr>,
    trust: TrustSummary,
    /// Dates the signatures and reads `Retry-After` dates: the node's clock.
    clock: Arc<dyn Clock>,
}

/// The answer to a conditional GET.
#[derive(Debug)]
pub enum Conditional {
    NotModified,
    Changed { document: serde_json::Value, etag: Option<String> },
}

impl FederationClient {
    /// A client with no hosts table and no extra CA.
    pub fn new(keys: NodeKeys, key_id: String, policy: FetchPolicy) -> anyhow::Result<FederationClient> {
        let transport = Transport { resolve: BTreeMap::new(), extra_roots: rustls::RootCertStore::empty() };
        Self::with_transport(keys, key_id, policy, transport)
    }

    pub fn with_transport(
        keys: NodeKeys,
        key_id: String,
        policy: FetchPolicy,
        transport: Transport,
    ) -> anyhow::Result<FederationClient> {
        let (tls, trust) = super::tls::client_config(&transport.extra_roots)?;
        let mut builder = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .timeout(policy.timeout)
            .connect_timeout(policy.timeout)
            // reqwest would follow redirects without our address check: GETs follow them
            // by hand (`get_following_redirects`), POSTs not at all.
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(8);
        if !policy.allow_private_addresses {
            // The connection resolves the name again after `check_url`: it may only use
            // public addresses (no DNS rebinding past the check).
            builder = builder.dns_resolver(std::sync::Arc::new(super::resolver::PublicOnlyResolver));
        }
        // Entries of the hosts table bypass the resolver above (reqwest consults them first).
        for (host, address) in &transport.resolve {
            builder = builder.resolve(host, *address);
        }
        let http = builder.build()?;
        Ok(FederationClient {
            http,
            keys,
            key_id,
            policy,
            resolve: transport.resolve,
            trust,
            clock: Arc::new(SystemClock),
        })
    }

    /// The same client, dating what it signs with `clock`.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> FederationClient {
        self.clock = clock;
        self
    }

    pub fn policy(&self) -> &FetchPolicy {
        &self.policy
    }

    /// How many roots the client trusts, by source.
    pub fn trust(&self) -> TrustSummary {
        self.trust
    }

    /// Checks scheme and resolved addresses against the policy.
    pub async fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        let refuse = |why| Err(FetchError::Refused(url.to_string(), why));
        match url.scheme() {
            "https" => {}
            "http" if self.policy.allow_http => {}
            _ => return refuse(crate::msg!("federation-refused-https_only")),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return refuse(crate::msg!("federation-refused-userinfo"));
        }
        let Some(host) = url.host_str() else { return refuse(crate::msg!("federation-refused-no_host")) };
        if !self.policy.peers.allows_host(host) {
            return refuse(crate::msg!("federation-refused-policy"));
        }
        if self.policy.allow_private_addresses || self.resolve.contains_key(host) {
            return Ok(());
        }
        let port = url.port_or_known_default().unwrap_or(443);
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let addresses = tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| FetchError::Network(url.to_string(), NetworkFailure::dns(&e)))?;
        for address in addresses {
            if !is_public_address(address.ip()) {
                return refuse(crate::msg!("federation-refused-private_address"));
            }
        }
        Ok(())
    }

    /// Signed GET of an ActivityPub document.
    pub async fn fetch_json(&self, url: &str) -> Result<serde_json::Value, FetchError> {
        match self.fetch_json_if_changed(url, None).await? {
            Conditional::Changed { document, .. } => Ok(document),
            Conditional::NotModified => Err(FetchError::Status(url.to_owned(), 304)),
        }
    }

    /// Signed conditional GET: with the ETag of the last answer, an unchanged document
    /// costs one round trip and no body.
    pub async fn fetch_json_if_changed(&self, url: &str, etag: Option<&str>) -> Result<Conditional, FetchError> {
        let accept = format!("{ACTIVITY_JSON}, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
        let (served_by, response) = self
            .get_following_redirects(url, |hop| {
                // The signature covers the host and the path: each hop is signed anew.
                let signed = sign_request(&self.keys, &self.key_id, &Method::GET, hop, None, self.clock.now())
                    .map_err(|e| FetchError::Signing(e.to_string()))?;
                let mut request =
                    self.http.get(hop.clone()).headers(signed).header(ACCEPT, &accept).header(USER_AGENT, user_agent());
                if let Some(etag) = etag {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                Ok(request)
            })
            .await?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(Conditional::NotModified);
        }
        if !response.status().is_success() {
            return Err(FetchError::Status(url.to_owned(), response.status().as_u16()));
        }
        let etag = response.headers().get(ETAG).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let bytes = self.read_limited(url, response).await?;
        let document: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| FetchError::NotJson(url.to_owned(), e.to_string()))?;
        if Url::parse(url).ok().as_ref() != Some(&served_by) {
            check_served_id(&served_by, &document)?;
        }
        Ok(Conditional::Changed { document, etag })
    }

    /// Plain GET of JSON (WebFinger and NodeInfo are not signed).
    pub async fn fetch_plain_json(&self, url: &str, accept: &str) -> Result<serde_json::Value, FetchError> {
        let (_, response) = self
            .get_following_redirects(url, |hop| {
                Ok(self.http.get(hop.clone()).header(ACCEPT, accept).header(USER_AGENT, user_agent()))
            })
            .await?;
        if !response.status().is_success() {
            return Err(FetchError::Status(url.to_owned(), response.status().as_u16()));
        }
        let bytes = self.read_limited(url, response).await?;
        serde_json::from_slice(&bytes).map_err(|e| FetchError::NotJson(url.to_owned(), e.to_string()))
    }

    /// Plain GET of a file (a picture or document of a replicated item), through the same
    /// policy as every request, reading at most `max_bytes` (the answer is refused beyond).
    pub async fn fetch_file(&self, url: &str, max_bytes: usize) -> Result<Vec<u8>, FetchError> {
        let (_, mut response) = self
            .get_following_redirects(url, |hop| Ok(self.http.get(hop.clone()).header(USER_AGENT, user_agent())))
            .await?;
        if !response.status().is_success() {
            return Err(FetchError::Status(url.to_owned(), response.status().as_u16()));
        }
        if response.content_length().is_some_and(|length| length > max_bytes as u64) {
            return Err(FetchError::TooLarge(url.to_owned()));
        }
        let mut body = Vec::new();
        while let Some(chunk) =
            response.chunk().await.map_err(|e| FetchError::Network(url.to_owned(), NetworkFailure::of(&e)))?
        {
            if body.len() + chunk.len() > max_bytes {
                return Err(FetchError::TooLarge(url.to_owned()));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// GETs `url`, following at most [`MAX_REDIRECTS`] redirects. Every hop, the first
    /// included, is checked against the policy (scheme, federation policy, resolved
    /// addresses) before it is requested; `request` builds the request for a hop.
    /// Returns the URL that finally answered, and its answer.
    async fn get_following_redirects(
        &self,
        url: &str,
        request: impl Fn(&Url) -> Result<reqwest::RequestBuilder, FetchError>,
    ) -> Result<(Url, reqwest::Response), FetchError> {
        let mut hop = Url::parse(url)
            .map_err(|_| FetchError::Refused(url.to_owned(), crate::msg!("federation-refused-not_a_url")))?;
        for _ in 0..=MAX_REDIRECTS {
            self.check_url(&hop).await?;
            let response =
                request(&hop)?.send().await.map_err(|e| FetchError::Network(hop.to_string(), failed(&hop, &e)))?;
            match redirect_target(&hop, response.status(), response.headers().get(reqwest::header::LOCATION))? {
                Some(next) => {
                    tracing::debug!(from = %hop, to = %next, "following a redirect");
                    hop = next;
                }
                None => return Ok((hop, response)),
            }
        }
        Err(FetchError::TooManyRedirects(url.to_owned()))
    }

    async fn read_limited(&self, url: &str, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let mut body = Vec::new();
        while let Some(chunk) =
            response.chunk().await.map_err(|e| FetchError::Network(url.to_owned(), NetworkFailure::of(&e)))?
        {
            if body.len() + chunk.len() > self.policy.max_response_bytes {
                return Err(FetchError::TooLarge(url.to_owned()));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// Signed POST of an activity to an inbox.
    pub async fn deliver(&self, inbox: &str, body: &[u8]) -> DeliveryOutcome {
        let digest = super::signatures::digest_header(body);
        self.deliver_prepared(inbox, bytes::Bytes::copy_from_slice(body), &digest).await
    }

    /// [`FederationClient::deliver`] of a body shared by several deliveries, whose
    /// `Digest` header is computed once.
    pub async fn deliver_prepared(&self, inbox: &str, body: bytes::Bytes, digest: &str) -> DeliveryOutcome {
        let parsed = match Url::parse(inbox) {
            Ok(u) => u,
            Err(_) => return DeliveryOutcome::Rejected { status: None, error: format!("not a URL: {inbox}") },
        };
        if let Err(e) = self.check_url(&parsed).await {
            return match e {
                FetchError::Refused(..) => DeliveryOutcome::Rejected { status: None, error: e.to_string() },
                FetchError::Network(_, failure) => {
                    DeliveryOutcome::Retry { status: None, error: failure.to_string(), retry_after: None }
                }
                other => DeliveryOutcome::Retry { status: None, error: other.to_string(), retry_after: None },
            };
        }
        let now = self.clock.now();
        let signed = match sign_request_with_digest(&self.keys, &self.key_id, &Method::POST, &parsed, Some(digest), now)
        {
            Ok(h) => h,
            Err(e) => return DeliveryOutcome::Rejected { status: None, error: format!("signing failed: {e}") },
        };
        // No redirect is followed here: it would send this signed body on to another
        // host. A peer must give its inbox's canonical URL; a 3xx answer is a permanent
        // rejection (`classify`).
        let result = self
            .http
            .post(parsed.clone())
            .headers(signed)
            .header(CONTENT_TYPE, HeaderValue::from_static(ACTIVITY_JSON))
            .header(USER_AGENT, user_agent())
            .body(body)
            .send()
            .await;
        match result {
            Err(e) => {
                DeliveryOutcome::Retry { status: None, error: failed(&parsed, &e).to_string(), retry_after: None }
            }
            Ok(response) => classify(response.status(), response.headers().get(RETRY_AFTER), now),
        }
    }
}

/// The failure of a request to `url`, logged at `warn` when it is TLS: a certificate
/// problem does not heal by retrying, the operator has to see it.
fn failed(url: &Url, error: &reqwest::Error) -> NetworkFailure {
    let failure = NetworkFailure::of(error);
    if failure.kind.is_tls() {
        tracing::warn!(%url, code = failure.kind.code(), cause = %failure.chain, "TLS connection to a peer failed");
    } else {
        tracing::debug!(%url, code = failure.kind.code(), cause = %failure.chain, "request failed");
    }
    failure
}

fn user_agent() -> String {
    format!("maillage/{} (+https://www.gnu.org/licenses/agpl-3.0.html)", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests;
