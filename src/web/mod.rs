//! HTTP handlers by audience: `activitypub` (peers), `api` (JSON for programs), `pages`
//! (HTML for people).
//! Handlers parse the request, call one operation, and render its outcome.

pub mod activitypub;
pub mod api;
pub mod body;
pub mod client_address;
pub mod media;
pub mod ops;
pub mod pages;
pub mod uploads;
