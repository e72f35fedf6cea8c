//! The states and roles a row can hold, as its text column holds them: follows,
//! deliveries and catch-ups, and editors' roles.

use serde::Serialize;

/// What an editor may do: every editor writes items; an administrator also manages the
/// node's peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, Serialize)]
#[sqlx(rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum EditorRole {
    Editor,
    Admin,
}

impl EditorRole {
    pub fn as_str(self) -> &'static str {
        match self {
            EditorRole::Editor => "editor",
            EditorRole::Admin => "admin",
        }
    }

    /// The role a person names (`maillage editor add --role …`).
    pub fn parse(text: &str) -> Option<EditorRole> {
        match text {
            "editor" => Some(EditorRole::Editor),
            "admin" => Some(EditorRole::Admin),
            _ => None,
        }
    }
}

/// Where a follow stands: a peer's follow of us (`followers`) or ours of a peer
/// (`following`). Followers are never `Rejected`: a refused follow is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, Serialize)]
#[sqlx(rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum FollowState {
    Pending,
    Accepted,
    Rejected,
}

/// Where one delivery of an activity to one inbox stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, Serialize)]
#[sqlx(rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    Pending,
    Delivered,
    /// Given up after the last retry, or refused for good (4xx).
    Failed,
    /// The inbox answered 410: its followers were removed.
    Gone,
}

/// Where the catch-up with a followed peer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, Serialize)]
#[sqlx(rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum SyncState {
    Pending,
    Running,
    Done,
    Failed,
}

impl SyncState {
    /// The state as stored and as the API and exports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncState::Pending => "pending",
            SyncState::Running => "running",
            SyncState::Done => "done",
            SyncState::Failed => "failed",
        }
    }
}
