//! Why a request got no answer. reqwest's own message is only "error sending request";
//! the cause is further down the chain of `std::error::Error::source()`. A
//! [`NetworkFailure`] keeps that whole chain as text and a stable code for it, telling TLS
//! failures apart (unknown issuer, name mismatch, expired) so that the log, the delivery
//! queue and `maillage doctor` say why a peer cannot be reached.

use std::error::Error;

/// What went wrong, as a stable code (`code()`) that logs and stored errors carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The peer's certificate chains to no CA we trust.
    TlsUnknownIssuer,
    /// The certificate is valid, but for other host names.
    TlsNameMismatch,
    /// The certificate has expired or is not valid yet.
    TlsExpired,
    /// Any other TLS failure (handshake, protocol, revoked or malformed certificate…).
    TlsOther,
    /// No answer in time.
    Timeout,
    /// The host name does not resolve.
    Dns,
    /// The connection could not be made (refused, unreachable…).
    Connect,
    /// Anything else on the way (a connection reset mid-body…).
    Other,
}

impl FailureKind {
    pub fn code(self) -> &'static str {
        match self {
            FailureKind::TlsUnknownIssuer => "tls_unknown_issuer",
            FailureKind::TlsNameMismatch => "tls_name_mismatch",
            FailureKind::TlsExpired => "tls_expired",
            FailureKind::TlsOther => "tls_other",
            FailureKind::Timeout => "timeout",
            FailureKind::Dns => "dns_failure",
            FailureKind::Connect => "connect_failed",
            FailureKind::Other => "network_error",
        }
    }

    pub fn is_tls(self) -> bool {
        matches!(
            self,
            FailureKind::TlsUnknownIssuer
                | FailureKind::TlsNameMismatch
                | FailureKind::TlsExpired
                | FailureKind::TlsOther
        )
    }
}

/// A request that failed on the way: the kind and every message of the cause chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {chain}", kind.code())]
pub struct NetworkFailure {
    pub kind: FailureKind,
    /// The messages of the error and its sources, joined by ": ".
    pub chain: String,
}

impl NetworkFailure {
    /// Classifies a transport error by walking its source chain.
    pub fn of(error: &(dyn Error + 'static)) -> NetworkFailure {
        let kind = sources(error).find_map(tls_error).map(classify_tls).unwrap_or_else(|| {
            match error.downcast_ref::<reqwest::Error>() {
                Some(e) if e.is_timeout() => FailureKind::Timeout,
                Some(e) if e.is_connect() => FailureKind::Connect,
                _ => FailureKind::Other,
            }
        });
        NetworkFailure { kind, chain: chain_text(error) }
    }

    /// A failed name lookup (the SSRF check resolves hosts itself).
    pub fn dns(error: &std::io::Error) -> NetworkFailure {
        NetworkFailure { kind: FailureKind::Dns, chain: chain_text(error) }
    }
}

fn sources<'a>(error: &'a (dyn Error + 'static)) -> impl Iterator<Item = &'a (dyn Error + 'static)> {
    std::iter::successors(Some(error), |&e| e.source())
}

/// The rustls error in this link of the chain, if any. An `io::Error` wrapping another
/// error reports the inner error's *source* as its own, skipping the inner error itself;
/// tokio-rustls wraps the rustls error in one `io::Error` and the connector wraps that in
/// another: look inside them.
fn tls_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(tls) = error.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    tls_error(error.downcast_ref::<std::io::Error>()?.get_ref()?)
}

fn classify_tls(error: &rustls::Error) -> FailureKind {
    use rustls::CertificateError as C;
    match error {
        rustls::Error::InvalidCertificate(certificate) => match certificate {
            C::UnknownIssuer => FailureKind::TlsUnknownIssuer,
            C::NotValidForName | C::NotValidForNameContext { .. } => FailureKind::TlsNameMismatch,
            C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. } => {
                FailureKind::TlsExpired
            }
            _ => FailureKind::TlsOther,
        },
        _ => FailureKind::TlsOther,
    }
}

/// The messages of the chain, each once: layers often repeat their source's message.
fn chain_text(error: &(dyn Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    for link in sources(error) {
        let text = link.to_string();
        if !parts.last().is_some_and(|previous| previous.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::CertificateError;

    /// An error the way reqwest nests it: a wrapper whose source is the connector's
    /// `io::Error`, around the `io::Error` tokio-rustls makes of the rustls error.
    #[derive(Debug, thiserror::Error)]
    #[error("error sending request")]
    struct Outer(#[source] std::io::Error);

    fn wrapped(certificate: CertificateError) -> NetworkFailure {
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, rustls::Error::InvalidCertificate(certificate));
        NetworkFailure::of(&Outer(std::io::Error::other(io)))
    }

    #[test]
    fn certificate_errors_get_their_stable_code() {
        assert_eq!(wrapped(CertificateError::UnknownIssuer).kind.code(), "tls_unknown_issuer");
        assert_eq!(wrapped(CertificateError::NotValidForName).kind.code(), "tls_name_mismatch");
        assert_eq!(wrapped(CertificateError::Expired).kind.code(), "tls_expired");
        assert_eq!(wrapped(CertificateError::NotValidYet).kind.code(), "tls_expired");
        assert_eq!(wrapped(CertificateError::Revoked).kind.code(), "tls_other");
    }

    #[test]
    fn the_whole_chain_is_kept_in_the_message() {
        let failure = wrapped(CertificateError::UnknownIssuer);
        assert_eq!(
            failure.to_string(),
            "tls_unknown_issuer: error sending request: invalid peer certificate: UnknownIssuer"
        );
    }

    #[test]
    fn an_error_without_tls_in_its_chain_is_not_called_tls() {
        let failure = NetworkFailure::of(&Outer(std::io::Error::from(std::io::ErrorKind::ConnectionReset)));
        assert_eq!(failure.kind, FailureKind::Other);
        assert!(!failure.kind.is_tls());
    }
}
