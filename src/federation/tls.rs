//! TLS material of the node: the one crypto provider every TLS configuration is built
//! with (ring, named explicitly: a process-wide default could be installed by any
//! dependency), the roots the federation client trusts (the bundled webpki roots, the
//! system's store and the operator's extra CAs), and PEM files read with errors that name
//! the setting and the path. The server side of the optional HTTPS listener is built in
//! `startup` from the same pieces.

use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::RootCertStore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The crypto provider of every TLS configuration the node builds.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A PEM file named in the settings that cannot be used. The message is French: it stops
/// the start and is read by the operator.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::msg!(
    "federation-pem_setting", key = *.key, path = .path.display().to_string(), problem = .problem
))]
pub struct PemFileError {
    pub key: &'static str,
    pub path: PathBuf,
    pub problem: String,
}

fn read_pem(key: &'static str, path: &Path) -> Result<Vec<u8>, PemFileError> {
    std::fs::read(path).map_err(|e| PemFileError {
        key,
        path: path.to_owned(),
        problem: crate::msg!("federation-pem_unreadable", error = e.to_string()).into(),
    })
}

/// Every certificate of a PEM file (a chain or a bundle); at least one.
pub fn read_certificates(key: &'static str, path: &Path) -> Result<Vec<CertificateDer<'static>>, PemFileError> {
    let bytes = read_pem(key, path)?;
    let problem = |problem: String| PemFileError { key, path: path.to_owned(), problem };
    let certificates = CertificateDer::pem_slice_iter(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| problem(crate::msg!("federation-pem_invalid", error = e.to_string()).into()))?;
    if certificates.is_empty() {
        return Err(problem(crate::msg!("federation-pem_no_certificate").into()));
    }
    Ok(certificates)
}

/// The private key of a PEM file (PKCS#8, PKCS#1 or SEC1).
pub fn read_private_key(key: &'static str, path: &Path) -> Result<PrivateKeyDer<'static>, PemFileError> {
    let bytes = read_pem(key, path)?;
    PrivateKeyDer::from_pem_slice(&bytes).map_err(|e| PemFileError {
        key,
        path: path.to_owned(),
        problem: crate::msg!("federation-pem_no_private_key", error = e.to_string()).into(),
    })
}

/// The CA certificates of `federation.extra_ca_certs`, each file holding one or more.
pub fn extra_roots(paths: &[PathBuf]) -> Result<RootCertStore, PemFileError> {
    const KEY: &str = "federation.extra_ca_certs";
    let mut roots = RootCertStore::empty();
    for path in paths {
        for certificate in read_certificates(KEY, path)? {
            roots.add(certificate).map_err(|e| PemFileError {
                key: KEY,
                path: path.clone(),
                problem: crate::msg!("federation-pem_unusable_ca", error = e.to_string()).into(),
            })?;
        }
    }
    Ok(roots)
}

/// Where the roots of the federation client come from, for `maillage doctor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrustSummary {
    pub bundled: usize,
    pub system: usize,
    pub extra: usize,
}

/// The client configuration of outgoing requests: the bundled webpki roots, the system's
/// store (`SSL_CERT_FILE` and `SSL_CERT_DIR` when set, as OpenSSL does) and `extra`.
/// A system store that cannot be read is logged, not fatal: the bundled roots remain.
pub fn client_config(extra: &RootCertStore) -> anyhow::Result<(rustls::ClientConfig, TrustSummary)> {
    let mut roots = RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let bundled = roots.len();
    let native = rustls_native_certs::load_native_certs();
    for error in &native.errors {
        tracing::warn!(error = %error, "a certificate of the system's trust store could not be read");
    }
    let (system, _) = roots.add_parsable_certificates(native.certs);
    roots.roots.extend(extra.roots.iter().cloned());
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok((config, TrustSummary { bundled, system, extra: extra.len() }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_missing_ca_file_names_the_setting_and_the_path() {
        let error = extra_roots(&[PathBuf::from("/nonexistent/ca.pem")]).expect_err("a missing file is refused");
        assert_eq!(error.key, "federation.extra_ca_certs");
        let message = error.to_string();
        assert!(message.contains("federation.extra_ca_certs") && message.contains("/nonexistent/ca.pem"), "{message}");
        assert!(message.contains("illisible"), "the message is French: {message}");
    }

    #[test]
    fn a_file_without_certificates_is_refused() {
        let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
        file.write_all(b"not a certificate\n").expect("written");
        let error = extra_roots(&[file.path().to_owned()]).expect_err("no certificate in the file");
        assert!(error.problem.contains("aucun certificat"), "{error}");
    }

    fn ca_pem(name: &str) -> String {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("parameters");
        params.distinguished_name.push(rcgen::DnType::CommonName, name);
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.self_signed(&rcgen::KeyPair::generate().expect("a key")).expect("a CA").pem()
    }

    #[test]
    fn every_ca_of_a_bundle_file_is_trusted_beside_the_bundled_roots() {
        let mut bundle = tempfile::NamedTempFile::new().expect("a temporary file");
        write!(bundle, "{}{}", ca_pem("Autorité régionale"), ca_pem("Autorité locale")).expect("written");
        let extra = extra_roots(&[bundle.path().to_owned()]).expect("a valid bundle");
        let (_, summary) = client_config(&extra).expect("a client configuration");
        assert_eq!(summary.extra, 2);
        assert_eq!(summary.bundled, webpki_roots::TLS_SERVER_ROOTS.len());
    }
}
