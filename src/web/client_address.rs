//! The address a request comes from: the connection's peer, or, when that peer is a
//! trusted reverse proxy (`server.trusted_proxies`), the last entry of the
//! `X-Forwarded-For` it appended. Earlier entries are whatever the client wrote, so
//! they are never believed.

use actix_web::HttpRequest;
use std::net::{IpAddr, Ipv4Addr};

pub fn client_address(req: &HttpRequest, trusted_proxies: &[IpAddr]) -> IpAddr {
    // No peer address only happens in handler unit tests; they all share one address.
    let peer = req.peer_addr().map(|a| a.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if !trusted_proxies.contains(&peer) {
        return peer;
    }
    req.headers()
        .get_all("x-forwarded-for")
        .last()
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.rsplit(',').next())
        .and_then(|last| last.trim().parse().ok())
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn from(peer: &str, forwarded: &[&str]) -> HttpRequest {
        let mut request = TestRequest::default().peer_addr(format!("{peer}:4000").parse().expect("a socket address"));
        for value in forwarded {
            request = request.append_header(("x-forwarded-for", *value));
        }
        request.to_http_request()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_and_only_for_the_hop_it_added() {
        let proxies = [ip("127.0.0.1")];
        assert_eq!(client_address(&from("203.0.113.7", &["198.51.100.2"]), &proxies), ip("203.0.113.7"));
        assert_eq!(client_address(&from("127.0.0.1", &["198.51.100.2"]), &[]), ip("127.0.0.1"));
        assert_eq!(client_address(&from("127.0.0.1", &["10.9.9.9, 198.51.100.2"]), &proxies), ip("198.51.100.2"));
        assert_eq!(client_address(&from("127.0.0.1", &["10.9.9.9", "198.51.100.2"]), &proxies), ip("198.51.100.2"));
        assert_eq!(client_address(&from("127.0.0.1", &["2001:db8::1"]), &proxies), ip("2001:db8::1"));
        assert_eq!(client_address(&from("127.0.0.1", &["n'importe quoi"]), &proxies), ip("127.0.0.1"));
        assert_eq!(client_address(&from("127.0.0.1", &[]), &proxies), ip("127.0.0.1"));
    }
}
