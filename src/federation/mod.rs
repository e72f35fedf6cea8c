//! ActivityPub between territory nodes: wire vocabulary, the Article form of an item,
//! keys and HTTP Signatures, the signing HTTP client (with the SSRF policy, its redirects,
//! its TLS trust and the classified causes of its failures) and WebFinger. No actix
//! here: handlers in `web::activitypub` and the operations call in.

pub mod article;
pub mod client;
pub mod failure;
pub mod inbound;
pub mod keys;
pub mod policy;
pub mod redirect;
mod resolver;
pub mod signatures;
pub mod tls;
pub mod vocab;
pub mod webfinger;
