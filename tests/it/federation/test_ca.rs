//! A certificate authority the test makes itself, and the certificates it issues for
//! host names such as `a.test`, written as PEM files that node settings can name.

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};
use std::path::{Path, PathBuf};

pub struct TestCa {
    issuer: CertifiedIssuer<'static, KeyPair>,
    /// The CA's own certificate, in PEM: what a node adds to `federation.extra_ca_certs`.
    pub certificate: PathBuf,
    dir: PathBuf,
    /// The CA's name as a file name, in the names of the files it issues.
    slug: String,
}

/// A server certificate (chain) and its key, as PEM files.
pub struct Issued {
    pub certificate: PathBuf,
    pub key: PathBuf,
}

impl TestCa {
    /// A new CA named `name`, its certificate written in `dir`.
    pub fn new(dir: &Path, name: &str) -> TestCa {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let issuer = CertifiedIssuer::self_signed(params, KeyPair::generate().expect("a CA key")).expect("a CA");
        let slug = name.replace(' ', "-");
        let certificate = dir.join(format!("{slug}.ca.pem"));
        std::fs::write(&certificate, issuer.pem()).expect("Failed to write the CA certificate");
        TestCa { issuer, certificate, dir: dir.to_owned(), slug }
    }

    /// A certificate for `host`, signed by this CA.
    pub fn issue(&self, host: &str) -> Issued {
        let params = CertificateParams::new(vec![host.to_owned()]).expect("certificate parameters");
        let key = KeyPair::generate().expect("a server key");
        let certificate = params.signed_by(&key, &self.issuer).expect("a signed certificate");
        let file = |extension: &str| self.dir.join(format!("{host}.{}.{extension}", self.slug));
        let issued = Issued { certificate: file("crt.pem"), key: file("key.pem") };
        std::fs::write(&issued.certificate, certificate.pem()).expect("Failed to write the certificate");
        std::fs::write(&issued.key, key.serialize_pem()).expect("Failed to write the key");
        issued
    }
}
