//! The DNS resolver of the federation client under the production policy: it returns only
//! public addresses. `FederationClient::check_url` resolves a host and refuses it when any
//! address is private, but the connection then resolves the name again; a peer whose DNS
//! answers a public address to the check and `127.0.0.1` to the connection (DNS
//! rebinding) would reach inside. Resolving through this filter closes that gap: the
//! connection can only ever be made to an address the policy allows.

use super::client::is_public_address;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::SocketAddr;

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

#[cfg(test)]
mod tests {
    use super::*;

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
