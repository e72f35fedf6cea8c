//! RSA key material: this node's own key pair and the public keys of remote actors.
//!
//! This module owns the two RSA operations federation needs, RSASSA-PKCS1-v1_5 with
//! SHA-256 signing (requests we send) and verification (requests we receive), and the
//! PEM forms keys travel in. It knows nothing about HTTP (`signatures` decides what gets
//! signed) and does not store keys (the caller persists [`NodeKeys::private_key_pem`]).
//!
//! aws-lc-rs is used for its constant-time, fast RSA (see FEDERATION.md).

use std::fmt;
use std::sync::Arc;

use anyhow::{bail, Context};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPair, KeySize, PublicKey};
use aws_lc_rs::signature::KeyPair as _; // the trait providing `public_key()`
use aws_lc_rs::signature::{ParsedPublicKey, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256};

const PRIVATE_KEY_TAG: &str = "PRIVATE KEY";
const PUBLIC_KEY_TAG: &str = "PUBLIC KEY";
const RSA_PUBLIC_KEY_TAG: &str = "RSA PUBLIC KEY";
const MIN_KEY_BITS: usize = 2048;

/// The node's RSA key pair with its PEM forms. Cloning shares the key (an `Arc`).
#[derive(Clone)]
pub struct NodeKeys {
    inner: Arc<NodeKeysInner>,
}

struct NodeKeysInner {
    key_pair: KeyPair,
    private_key_pem: String,
    public_key_pem: String,
}

impl NodeKeys {
    /// Generates a fresh RSA-2048 key pair.
    pub fn generate() -> anyhow::Result<Self> {
        let key_pair = KeyPair::generate(KeySize::Rsa2048).context("Failed to generate an RSA key pair")?;
        Self::from_key_pair(key_pair)
    }

    /// Loads a key pair from an unencrypted PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub fn from_private_pem(private_key_pem: &str) -> anyhow::Result<Self> {
        let pem = pem::parse(private_key_pem).context("Failed to read the private key PEM")?;
        if pem.tag() != PRIVATE_KEY_TAG {
            bail!("Expected a PKCS#8 `{PRIVATE_KEY_TAG}` PEM block, found `{}`", pem.tag());
        }
        let key_pair = KeyPair::from_pkcs8(pem.contents()).context("Failed to parse the RSA private key")?;
        Self::from_key_pair(key_pair)
    }

    fn from_key_pair(key_pair: KeyPair) -> anyhow::Result<Self> {
        let private_der: aws_lc_rs::encoding::Pkcs8V1Der<'_> =
            key_pair.as_der().context("Failed to encode the private key as PKCS#8")?;
        let public_der: aws_lc_rs::encoding::PublicKeyX509Der<'_> =
            key_pair.public_key().as_der().context("Failed to encode the public key as SubjectPublicKeyInfo")?;
        Ok(Self {
            inner: Arc::new(NodeKeysInner {
                private_key_pem: encode_pem(PRIVATE_KEY_TAG, private_der.as_ref()),
                public_key_pem: encode_pem(PUBLIC_KEY_TAG, public_der.as_ref()),
                key_pair,
            }),
        })
    }

    /// The PKCS#8 private key, for storage. Never publish it.
    pub fn private_key_pem(&self) -> &str {
        &self.inner.private_key_pem
    }

    /// The SubjectPublicKeyInfo public key, as published in an actor's `publicKeyPem`.
    pub fn public_key_pem(&self) -> &str {
        &self.inner.public_key_pem
    }

    /// Signs `message` with RSASSA-PKCS1-v1_5 and SHA-256.
    pub fn sign_rsa_sha256(&self, message: &[u8]) -> anyhow::Result<Vec<u8>> {
        let key_pair = &self.inner.key_pair;
        let mut signature = vec![0; key_pair.public_modulus_len()];
        // aws-lc-rs ignores the RNG for PKCS#1 v1.5; the parameter exists for ring compatibility.
        key_pair
            .sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), message, &mut signature)
            .context("Failed to sign with the node key")?;
        Ok(signature)
    }
}

impl fmt::Debug for NodeKeys {
    // Deliberately leaves the private key out, so it never reaches a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NodeKeys").field("public_key_pem", &self.inner.public_key_pem).finish_non_exhaustive()
    }
}

/// Unix line endings, as other servers publish `publicKeyPem` (the pem crate defaults to CRLF).
fn encode_pem(tag: &str, der: &[u8]) -> String {
    let config = pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF);
    pem::encode_config(&pem::Pem::new(tag, der), config)
}

/// Why a remote actor's public key could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the public key is not valid PEM")]
    Pem(#[from] pem::PemError),
    #[error("expected a `PUBLIC KEY` or `RSA PUBLIC KEY` PEM block, found `{0}`")]
    UnexpectedPemTag(String),
    #[error("the public key is not a valid RSA key")]
    InvalidKey,
    #[error("the RSA key has {0} bits; at least 2048 are required")]
    KeyTooShort(usize),
}

/// A remote actor's RSA public key, parsed once and ready to verify signatures.
#[derive(Clone, Debug)]
pub struct RemotePublicKey {
    key: ParsedPublicKey,
}

impl RemotePublicKey {
    /// Parses an SPKI (`PUBLIC KEY`) or PKCS#1 (`RSA PUBLIC KEY`) PEM block.
    ///
    /// aws-lc-rs accepts both DER structures for RSA, so no conversion is needed. Keys under
    /// 2048 bits are refused here: the verifier would reject every signature they make anyway.
    pub fn from_pem(public_key_pem: &str) -> Result<Self, KeyError> {
        let pem = pem::parse(public_key_pem.trim())?;
        if pem.tag() != PUBLIC_KEY_TAG && pem.tag() != RSA_PUBLIC_KEY_TAG {
            return Err(KeyError::UnexpectedPemTag(pem.tag().to_owned()));
        }
        let bits = PublicKey::from_der(pem.contents()).map_err(|_| KeyError::InvalidKey)?.modulus_len() * 8;
        if bits < MIN_KEY_BITS {
            return Err(KeyError::KeyTooShort(bits));
        }
        let key =
            ParsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, pem.contents()).map_err(|_| KeyError::InvalidKey)?;
        Ok(Self { key })
    }

    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    pub fn verify_rsa_sha256(&self, message: &[u8], signature: &[u8]) -> bool {
        self.key.verify_sig(message, signature).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A 1024-bit key made with `openssl genrsa 1024 | openssl rsa -pubout`.
    const RSA_1024_PUBLIC_PEM: &str = "-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDcw7aa3wtTZJYE3ay8ipgNpuze
73tfxsexbObxToVT65mjFAMJQr8KZc3zGzkg19ImHfkxAqdCDh//N5Fwr6IZ3i2I
0bCZWAtsiQ6i0A9+oOr/Bk9AfsD2FDf8xnvbh1a3ulUO8bEvxLFHLTx+6HZbmsQb
rpSse54l09lXOrELHwIDAQAB
-----END PUBLIC KEY-----
";

    fn node_keys() -> NodeKeys {
        NodeKeys::generate().expect("key generation works")
    }

    #[test]
    fn node_keys_are_cheap_to_share_across_threads() {
        fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}
        assert_send_sync_clone::<NodeKeys>();
        assert_send_sync_clone::<RemotePublicKey>();
    }

    #[test]
    fn generated_keys_survive_a_round_trip_through_their_private_pem() {
        let keys = node_keys();
        assert!(keys.private_key_pem().starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(keys.public_key_pem().starts_with("-----BEGIN PUBLIC KEY-----\n"));
        assert!(!keys.public_key_pem().contains('\r'));

        let reloaded = NodeKeys::from_private_pem(keys.private_key_pem()).expect("PEM reloads");

        assert_eq!(reloaded.public_key_pem(), keys.public_key_pem());
        let signature = reloaded.sign_rsa_sha256(b"hello").expect("signing works");
        let public = RemotePublicKey::from_pem(keys.public_key_pem()).expect("SPKI parses");
        assert!(public.verify_rsa_sha256(b"hello", &signature));
    }

    #[test]
    fn a_signature_verifies_with_both_spki_and_pkcs1_forms_of_the_public_key() {
        let keys = node_keys();
        let signature = keys.sign_rsa_sha256(b"message").expect("signing works");
        assert_eq!(signature.len(), 256);
        // `PublicKey::as_ref` is the PKCS#1 RSAPublicKey DER.
        let pkcs1_der = keys.inner.key_pair.public_key().as_ref().to_vec();
        let pkcs1_pem = encode_pem(RSA_PUBLIC_KEY_TAG, &pkcs1_der);

        for pem in [keys.public_key_pem(), pkcs1_pem.as_str()] {
            let public = RemotePublicKey::from_pem(pem).expect("public key parses");
            assert!(public.verify_rsa_sha256(b"message", &signature), "{pem}");
            assert!(!public.verify_rsa_sha256(b"messagE", &signature), "{pem}");
        }
    }

    #[test]
    fn a_signature_does_not_verify_with_another_nodes_key() {
        let signature = node_keys().sign_rsa_sha256(b"message").expect("signing works");
        let other = RemotePublicKey::from_pem(node_keys().public_key_pem()).expect("parses");
        assert!(!other.verify_rsa_sha256(b"message", &signature));
    }

    #[test]
    fn unusable_public_keys_are_refused_with_a_reason() {
        let keys = node_keys();
        assert!(matches!(RemotePublicKey::from_pem("not a key"), Err(KeyError::Pem(_))));
        assert!(matches!(
            RemotePublicKey::from_pem(keys.private_key_pem()),
            Err(KeyError::UnexpectedPemTag(tag)) if tag == "PRIVATE KEY"
        ));
        let garbage = encode_pem(PUBLIC_KEY_TAG, b"garbage");
        assert!(matches!(RemotePublicKey::from_pem(&garbage), Err(KeyError::InvalidKey)));
        assert!(matches!(RemotePublicKey::from_pem(RSA_1024_PUBLIC_PEM), Err(KeyError::KeyTooShort(1024))));
    }

    #[test]
    fn a_public_key_pem_is_not_accepted_as_a_private_key() {
        let keys = node_keys();
        assert!(NodeKeys::from_private_pem(keys.public_key_pem()).is_err());
        assert!(!format!("{keys:?}").contains("PRIVATE"));
    }
}
