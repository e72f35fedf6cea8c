//! ActivityPub between territory nodes: wire types, HTTP Signatures, keys, fetching,
//! WebFinger and the inbox checks. No actix here: handlers in `web::activitypub` call in.

pub mod keys;
pub mod signatures;
