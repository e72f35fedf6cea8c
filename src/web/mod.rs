//! HTTP handlers by audience: `api` (JSON for programs), `pages` (HTML for people).
//! Handlers parse the request, call one operation, and render its outcome.

pub mod api;
pub mod pages;
