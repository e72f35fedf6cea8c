//! The DNS resolver of the federation client under the production policy: it returns only
//! public addresses. `FederationClient::check_url` resolves a host and refuses it when any
//! address is private, but the connection then resolves the name again; a peer whose DNS
//! answers a public address to the check and `127.0.0.1` to the connection (DNS
//! rebinding) would reach inside. Resolving through this filter closes that gap: the
//! connection can only ever be made to an address the policy allows. The address rule
//! itself ([`is_public_address`]) lives here too.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, SocketAddr};

/// Resolves with the system resolver and keeps public addresses only.
#[derive(Debug, Default)]
pub struct PublicOnlyResolver;

impl Resolve for PublicOnlyResolver {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let resolved = tokio::net::lookup_host((host.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = public_only(resolved);
            if public.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

fn public_only(addresses: impl Iterator<Item = SocketAddr>) -> Vec<SocketAddr> {
    addresses.filter(|a| is_public_address(a.ip())).collect()
}

/// Public unicast addresses only: no loopback, private, link-local, multicast,
/// unspecified, documentation or carrier-grade NAT ranges.
pub fn is_public_address(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_broadcast()
                || v4.is_unspecified()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1])))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_address(IpAddr::V4(v4));
            }
            let s = v6.segments();
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_loopback_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "169.254.1.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "100.64.0.1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public_address(ip.parse().expect("ip")), "{ip} must be refused");
        }
        assert!(is_public_address("193.51.24.1".parse().expect("ip")));
    }

    #[test]
    fn private_loopback_and_link_local_answers_are_dropped() {
        let answers: Vec<SocketAddr> = ["127.0.0.1:0", "10.1.2.3:0", "169.254.169.254:0", "[::1]:0", "93.184.215.14:0"]
            .iter()
            .map(|a| a.parse().expect("a socket address"))
            .collect();
        let kept = public_only(answers.into_iter());
        assert_eq!(kept, vec!["93.184.215.14:0".parse::<SocketAddr>().expect("a socket address")]);
    }

    #[tokio::test]
    async fn a_name_that_resolves_only_to_loopback_is_refused() {
        let name: Name = "localhost".parse().expect("a host name");
        let error = PublicOnlyResolver.resolve(name).await.err().expect("refused");
        assert!(error.to_string().contains("no public address"), "{error}");
    }
}
