//! Receiving an activity in the inbox, in a fixed order: Digest → parse → signature
//! (Date window, signed for our host, key of the `keyId` actor, one refetch on failure)
//! → signer is the actor, object on the actor's server, object addressed to Public (one
//! rule for every path: [`crate::federation::inbound`]) → dedupe by activity id → record,
//! with the replica it carries, in a group commit ([`super::ingest`]). The handler answers
//! 202 once that commit is durable; what needs more than the payload is applied
//! afterwards ([`super::apply`]).

use super::ingest::{self, Entry, Recorded};
use super::replicas::{prepare_replica, PreparedReplica};
use crate::federation::article::parse_article;
use crate::federation::inbound::{parse_activity, IdRules, InboundActivity, InboundKind, Refusal, Voucher};
use crate::federation::signatures::{parse_signature, verify_digest, SignatureError};
use crate::operations::remote::actors::{actor, refetch_actor, RemoteActor};
use crate::operations::Node;
use reqwest::header::{HeaderMap, HOST};
use reqwest::Method;
use serde_json::Value;
use url::Url;

/// Why an incoming request was refused: the kind of refusal (`web` maps it to an HTTP
/// status), a stable code and a message for the sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRejection {
    pub reason: RejectionReason,
    pub code: &'static str,
    pub message: String,
}

/// The kinds of refusal, as a sender has to act on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectionReason {
    /// The body is not JSON, or not an activity this node can read.
    Malformed,
    /// The signature, the digest or the signer's key do not vouch for the request.
    Unauthenticated,
    /// The actor's domain is not one this node federates with, or the activity speaks
    /// for someone its signer may not speak for.
    Forbidden,
    /// A valid activity about something this node does not keep (not public).
    NotKept,
    /// It could not be stored now: the sender should try again later.
    Unavailable,
}

impl InboxRejection {
    fn new(reason: RejectionReason, code: &'static str, message: impl Into<String>) -> Self {
        InboxRejection { reason, code, message: message.into() }
    }
}

impl From<SignatureError> for InboxRejection {
    fn from(e: SignatureError) -> Self {
        InboxRejection::new(RejectionReason::Unauthenticated, e.code(), e.to_string())
    }
}

/// What the inbox did with a valid request.
#[derive(Debug, PartialEq, Eq)]
pub enum Received {
    /// Recorded, and applied in the same commit when `applied` (else the inbox worker
    /// applies it).
    Recorded { activity_id: String, applied: bool },
    /// Seen before: nothing to do.
    Duplicate,
}

/// Verifies and records an activity POSTed to an inbox.
pub async fn receive_activity(
    node: &Node,
    path_and_query: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Received, InboxRejection> {
    verify_digest(headers, body)?;
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        InboxRejection::new(
            RejectionReason::Malformed,
            "invalid_json",
            crate::msg!("op-invalid_json", error = e.to_string()),
        )
    })?;
    let activity = parse_activity(&value, id_rules(node))?;
    if !node.client.policy().peers.allows_url(&activity.actor) {
        return Err(InboxRejection::new(
            RejectionReason::Forbidden,
            "domain_blocked",
            crate::msg!("op-domain_blocked-actor"),
        ));
    }
    let key = verify_signature(node, &Method::POST, path_and_query, headers).await?;
    let vouched = activity.vouched_by(Voucher::Signature { signer: key.uri })?;
    let activity = &vouched.activity;
    if let InboundKind::Update(change) = &activity.kind {
        if !change.public && !holds_replica_of(node, &change.object_id, &activity.actor).await {
            return Err(Refusal::NotPublic.into());
        }
    }

    let peer = crate::federation::vocab::authority_of(&activity.actor).unwrap_or_default();
    match crate::operations::remote::peers::revive_peer(node, &peer).await {
        Ok(true) => {
            node.wake_delivery();
            node.sync_signal.notify_one();
        }
        Ok(false) => {}
        // The activity is still recorded: reviving the peer is a side effect the next
        // request or the delivery worker's own retries will catch up with.
        Err(e) => tracing::warn!(peer, error = format!("{e:#}"), "failed to revive a peer"),
    }
    let entry = Entry {
        activity_id: activity.id.clone(),
        actor: activity.actor.clone(),
        kind: activity.type_name.clone(),
        payload: String::from_utf8_lossy(body).into_owned(),
        replica: embedded_replica(node, activity),
    };
    let recorded = ingest::record(node, entry).await.map_err(|e| {
        tracing::error!(error = format!("{e:#}"), "failed to record an incoming activity");
        InboxRejection::new(RejectionReason::Unavailable, "storage_unavailable", crate::msg!("op-storage_unavailable"))
    })?;
    Ok(match recorded {
        Recorded::Applied => Received::Recorded { activity_id: activity.id.clone(), applied: true },
        Recorded::Pending => Received::Recorded { activity_id: activity.id.clone(), applied: false },
        Recorded::Duplicate => Received::Duplicate,
    })
}

/// The replica a public Create or Update carries embedded, validated and rendered here
/// (in the request, in parallel with others) so that the group commit only writes it.
/// Anything else, or an object that is not a valid item, is left to the inbox worker.
fn embedded_replica(node: &Node, activity: &InboundActivity) -> Option<PreparedReplica> {
    let (InboundKind::Create(change) | InboundKind::Update(change)) = &activity.kind else { return None };
    if !change.public {
        return None;
    }
    let article = parse_article(change.embedded.as_ref()?).ok()?;
    prepare_replica(node, &activity.actor, article).ok()
}

/// An Update that narrows an item's audience is recorded only to withdraw a replica we
/// hold of it from that actor; otherwise there is nothing public to change.
async fn holds_replica_of(node: &Node, uri: &str, actor: &str) -> bool {
    crate::operations::items::queries::item_by_uri(node, uri)
        .await
        .is_ok_and(|item| item.origin.as_deref() == Some(actor))
}

/// Which ids this node accepts from peers: plain http only where it may fetch over http.
pub fn id_rules(node: &Node) -> IdRules {
    IdRules { allow_http: node.client.policy().allow_http }
}

impl From<Refusal> for InboxRejection {
    fn from(refusal: Refusal) -> Self {
        let reason = match refusal {
            Refusal::ActorMismatch { .. } => RejectionReason::Unauthenticated,
            Refusal::NotTheOwner { .. } | Refusal::OriginMismatch(_) => RejectionReason::Forbidden,
            Refusal::NotPublic => RejectionReason::NotKept,
            _ => RejectionReason::Malformed,
        };
        InboxRejection::new(reason, refusal.code(), refusal.to_string())
    }
}

/// Checks the request's HTTP Signature (Date window, signed `Host` is ours, key of the
/// `keyId` actor, one key refetch on failure, key owned by its actor) and the federation
/// policy; returns the signing actor.
pub async fn verify_signature(
    node: &Node,
    method: &Method,
    path_and_query: &str,
    headers: &HeaderMap,
) -> Result<RemoteActor, InboxRejection> {
    let signature = parse_signature(method, path_and_query, headers, node.clock.now())?;
    check_signed_host(&node.base_url, headers)?;
    let signer = signature.actor_url_hint();
    if !node.client.policy().peers.allows_url(&signer) {
        return Err(InboxRejection::new(
            RejectionReason::Forbidden,
            "domain_blocked",
            crate::msg!("op-domain_blocked-signer"),
        ));
    }
    let mut key = actor(node, &signer).await.map_err(|e| {
        InboxRejection::new(
            RejectionReason::Unauthenticated,
            "key_unavailable",
            crate::msg!("op-key_unavailable", signer = &signer, error = format!("{e:#}")),
        )
    })?;
    if !signature.verify(&key.public_key) {
        key = refetch_actor(node, &signer).await.map_err(|e| {
            InboxRejection::new(
                RejectionReason::Unauthenticated,
                "key_unavailable",
                crate::msg!("op-key_unavailable-refetch", signer = &signer, error = format!("{e:#}")),
            )
        })?;
        if !signature.verify(&key.public_key) {
            return Err(SignatureError::BadSignature.into());
        }
    }
    if key.key_id != signature.key_id() && key.uri != signature.key_id() {
        return Err(InboxRejection::new(
            RejectionReason::Unauthenticated,
            "key_not_owned",
            crate::msg!("op-key_not_owned", key = signature.key_id(), actor = &key.uri),
        ));
    }
    Ok(key)
}

/// The signed `Host` (the signature covers it) must be this node's public host, as in
/// `server.base_url`: a request signed for another server, captured there and replayed
/// here, is refused before any key is fetched. Behind a reverse proxy the proxy must pass
/// the client's `Host` on (`deploy/nginx.conf`).
fn check_signed_host(base_url: &Url, headers: &HeaderMap) -> Result<(), InboxRejection> {
    let signed = headers.get(HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    // Parsed as an authority of our scheme, so that case and a default port written out
    // (`a.test:443`) do not matter.
    let as_url = Url::parse(&format!("{}://{signed}/", base_url.scheme())).ok();
    let same = as_url.as_ref().is_some_and(|url| {
        url.host_str() == base_url.host_str()
            && url.port_or_known_default() == base_url.port_or_known_default()
            && url.path() == "/"
    });
    if same {
        return Ok(());
    }
    let ours = base_url.host_str().unwrap_or_default();
    let ours = base_url.port().map_or(ours.to_owned(), |port| format!("{ours}:{port}"));
    Err(InboxRejection::new(
        RejectionReason::Unauthenticated,
        "signature_host_mismatch",
        crate::msg!("op-signature_host_mismatch", signed = signed, ours = ours),
    ))
}

#[cfg(test)]
mod tests {
    use super::{check_signed_host, RejectionReason};
    use reqwest::header::{HeaderMap, HeaderValue, HOST};

    fn host(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_str(value).expect("a header value"));
        headers
    }

    #[test]
    fn a_signature_is_good_only_for_our_own_host() {
        let public = url::Url::parse("https://territoire.example.org/").expect("a URL");
        for ours in ["territoire.example.org", "Territoire.Example.Org", "territoire.example.org:443"] {
            assert!(check_signed_host(&public, &host(ours)).is_ok(), "{ours}");
        }
        let dev = url::Url::parse("http://127.0.0.1:8081/").expect("a URL");
        assert!(check_signed_host(&dev, &host("127.0.0.1:8081")).is_ok());
        for (base, other) in [
            (&public, "ailleurs.example.org"),
            (&public, "territoire.example.org:8443"),
            (&public, "territoire.example.org.evil.test"),
            (&public, "territoire.example.org/inbox"),
            (&dev, "127.0.0.1:8082"),
            (&dev, "localhost:8081"),
            (&dev, "127.0.0.1"),
        ] {
            let refused = check_signed_host(base, &host(other)).expect_err(other);
            assert_eq!(
                (refused.reason, refused.code),
                (RejectionReason::Unauthenticated, "signature_host_mismatch"),
                "{other}"
            );
        }
        assert!(check_signed_host(&public, &HeaderMap::new()).is_err(), "no Host at all");
    }
}
