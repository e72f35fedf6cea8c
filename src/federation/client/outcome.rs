//! How a delivery went, read from the inbox's answer: delivered, gone, to retry (and
//! when, from `Retry-After`), or refused for good.

use chrono::{DateTime, Utc};
use reqwest::header::HeaderValue;
use reqwest::StatusCode;
use std::time::Duration;

/// How a delivery went, as the queue needs to know it.
#[derive(Debug)]
pub enum DeliveryOutcome {
    Delivered,
    /// Try again later; `retry_after` when the peer said when.
    Retry {
        status: Option<u16>,
        error: String,
        retry_after: Option<Duration>,
    },
    /// 410: the recipient no longer exists.
    Gone,
    /// Any other 4xx, or a URL our policy refuses: never retried.
    Rejected {
        status: Option<u16>,
        error: String,
    },
}

pub(super) fn classify(status: StatusCode, retry_after: Option<&HeaderValue>, now: DateTime<Utc>) -> DeliveryOutcome {
    let code = status.as_u16();
    if status.is_success() {
        DeliveryOutcome::Delivered
    } else if code == 410 {
        DeliveryOutcome::Gone
    } else if code == 408 || code == 429 || status.is_server_error() {
        DeliveryOutcome::Retry {
            status: Some(code),
            error: format!("HTTP {code}"),
            retry_after: retry_after.and_then(|value| parse_retry_after(value, now)),
        }
    } else {
        DeliveryOutcome::Rejected { status: Some(code), error: format!("HTTP {code}") }
    }
}

/// `Retry-After`: delay in seconds, or an HTTP date (its distance from `now`).
pub fn parse_retry_after(value: &HeaderValue, now: DateTime<Utc>) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let delta = at.with_timezone(&Utc) - now;
    Some(delta.to_std().unwrap_or(Duration::ZERO))
}
