//! The audit log: who changed what. Every operation a person causes (an editor in the
//! web forms, an API token, a `maillage` command) records one entry in the transaction of
//! the change itself, so an entry exists exactly when the change committed. A refused
//! or no-op request records nothing. Changes received from peers are not logged here:
//! replicas keep their origin and revisions, and the inbox keeps every activity.

use crate::content::ValidationErrors;
use crate::operations::{Node, OperationError};
use crate::storage::{self, timestamp};

pub use crate::storage::audit::AuditRow;
use anyhow::Context;
use sqlx::SqliteConnection;
use std::fmt;

/// Who caused a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in editor (web forms), by username.
    Editor(String),
    /// A JSON API client, by the name of its token.
    ApiToken(String),
    /// A `maillage` command (`import`, `token`, `demo`…), run by whoever holds the
    /// database file.
    Cli(&'static str),
    /// Someone not identified: a failed login.
    Anonymous,
}

impl Actor {
    /// The name shown in revision histories; an editor appears by username alone, as
    /// in revisions written before the audit log existed.
    pub fn revision_editor(&self) -> String {
        match self {
            Actor::Editor(username) => username.clone(),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Editor(username) => write!(f, "editor:{username}"),
            Actor::ApiToken(name) => write!(f, "api:{name}"),
            Actor::Cli(command) => write!(f, "cli:{command}"),
            Actor::Anonymous => f.write_str("anonymous"),
        }
    }
}

/// What was changed, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `item.create`: A new local item (draft or published); target: its URI.
    ItemCreate,
    /// `item.publish`: An existing item becomes public (draft or withdrawn to published or archived).
    ItemPublish,
    /// `item.update`: An item's document changed (new revision).
    ItemUpdate,
    /// `item.retract`: An item becomes withdrawn.
    ItemRetract,
    /// `item.reshare`: A replica was re-shared (Announce) to the followers.
    ItemReshare,
    /// `peer.follow`: A Follow sent to a peer; target: its actor URI.
    PeerFollow,
    /// `peer.unfollow`: Stopped following a peer.
    PeerUnfollow,
    /// `peer.approve`: A pending follower accepted.
    PeerApprove,
    /// `peer.reject`: A pending follower rejected.
    PeerReject,
    /// `peer.relay`: Relay mode of a followed peer switched on or off.
    PeerRelay,
    /// `token.create`: An API token made; target: its name.
    TokenCreate,
    /// `token.revoke`: An API token revoked.
    TokenRevoke,
    /// `account.create`: An editor account made; target: its username.
    AccountCreate,
    /// `account.update`: An editor's password or role reset.
    AccountUpdate,
    /// `session.login`: An editor signed in.
    SessionLogin,
    /// `session.login_failed`: A refused sign-in; target: the name typed.
    SessionLoginFailed,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::ItemCreate,
        Action::ItemPublish,
        Action::ItemUpdate,
        Action::ItemRetract,
        Action::ItemReshare,
        Action::PeerFollow,
        Action::PeerUnfollow,
        Action::PeerApprove,
        Action::PeerReject,
        Action::PeerRelay,
        Action::TokenCreate,
        Action::TokenRevoke,
        Action::AccountCreate,
        Action::AccountUpdate,
        Action::SessionLogin,
        Action::SessionLoginFailed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::ItemCreate => "item.create",
            Action::ItemPublish => "item.publish",
            Action::ItemUpdate => "item.update",
            Action::ItemRetract => "item.retract",
            Action::ItemReshare => "item.reshare",
            Action::PeerFollow => "peer.follow",
            Action::PeerUnfollow => "peer.unfollow",
            Action::PeerApprove => "peer.approve",
            Action::PeerReject => "peer.reject",
            Action::PeerRelay => "peer.relay",
            Action::TokenCreate => "token.create",
            Action::TokenRevoke => "token.revoke",
            Action::AccountCreate => "account.create",
            Action::AccountUpdate => "account.update",
            Action::SessionLogin => "session.login",
            Action::SessionLoginFailed => "session.login_failed",
        }
    }

    pub fn parse(code: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.code() == code)
    }
}

/// Longest target or actor text kept (a failed login's name is whatever was typed).
const MAX_TEXT_CHARS: usize = 300;

fn clipped(text: &str) -> String {
    text.chars().take(MAX_TEXT_CHARS).collect()
}

/// Records one entry in the transaction of the change it describes.
pub(crate) async fn record(
    conn: &mut SqliteConnection,
    node: &Node,
    actor: &Actor,
    action: Action,
    target: &str,
    detail: Option<serde_json::Value>,
) -> anyhow::Result<()> {
    let detail = detail.map(|d| d.to_string());
    storage::audit::insert_entry(
        conn,
        &storage::audit::NewEntry {
            at: &timestamp(node.clock.now()),
            actor: &clipped(&actor.to_string()),
            action: action.code(),
            target: &clipped(target),
            detail: detail.as_deref(),
        },
    )
    .await
    .context("Failed to record the audit entry")
}

/// Most entries one page holds.
pub const MAX_PAGE: i64 = 200;
pub const DEFAULT_PAGE: i64 = 50;

/// Which entries to list: newest first, optionally of one action or one actor, older
/// than a cursor from the previous page.
#[derive(Debug, Default)]
pub struct AuditFilter {
    pub action: Option<Action>,
    pub actor: Option<String>,
    /// The `next` cursor of the previous page.
    pub before: Option<String>,
    pub limit: Option<i64>,
}

pub struct AuditPage {
    pub entries: Vec<AuditRow>,
    /// Cursor of the next (older) page, when there may be one.
    pub next: Option<String>,
}

/// `at_id`, e.g. `2026-11-22T10:00:00.000Z_42`.
fn cursor_of(row: &AuditRow) -> String {
    format!("{}_{}", row.at, row.id)
}

fn parse_cursor(cursor: &str) -> Option<(String, i64)> {
    let (at, id) = cursor.rsplit_once('_')?;
    storage::parse_timestamp(at)?;
    Some((at.to_owned(), id.parse().ok()?))
}

/// Reads an `action` filter; an unknown code is a field error naming it.
pub fn parse_action(code: &str) -> Result<Action, ValidationErrors> {
    Action::parse(code).ok_or_else(|| {
        let known = Action::ALL.iter().map(|a| a.code()).collect::<Vec<_>>().join(", ");
        ValidationErrors::single(
            "action",
            "unknown_code",
            crate::msg!("op-unknown_code-action", code = code, known = known),
        )
    })
}

pub async fn list(node: &Node, filter: &AuditFilter) -> Result<AuditPage, OperationError> {
    let limit = filter.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ValidationErrors::single(
            "limit",
            "out_of_range",
            crate::msg!("op-out_of_range-limit", max = MAX_PAGE),
        )
        .into());
    }
    let invalid_cursor = || ValidationErrors::single("before", "invalid_cursor", crate::msg!("op-invalid_cursor"));
    let before = match filter.before.as_deref() {
        None => None,
        Some(cursor) => Some(parse_cursor(cursor).ok_or_else(invalid_cursor)?),
    };
    let query = storage::audit::EntryQuery {
        action: filter.action.map(Action::code),
        actor: filter.actor.as_deref(),
        before: before.as_ref().map(|(at, id)| (at.as_str(), *id)),
        limit: limit + 1,
    };
    let mut entries = storage::audit::list_entries(&node.pool, &query).await?;
    let more = entries.len() as i64 > limit;
    entries.truncate(limit as usize);
    let next = if more { entries.last().map(cursor_of) } else { None };
    Ok(AuditPage { entries, next })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_codes_are_unique_and_parse_back() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.code()), Some(*action));
        }
        let mut codes: Vec<_> = Action::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Action::ALL.len());
    }

    #[test]
    fn a_cursor_reads_back_and_garbage_does_not() {
        let row = AuditRow {
            id: 42,
            at: "2026-11-22T10:00:00.000Z".into(),
            actor: "cli:import".into(),
            action: "item.create".into(),
            target: String::new(),
            detail: None,
        };
        assert_eq!(parse_cursor(&cursor_of(&row)), Some(("2026-11-22T10:00:00.000Z".into(), 42)));
        for bad in ["", "42", "hier_3", "2026-11-22T10:00:00.000Z_x"] {
            assert_eq!(parse_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn actors_read_as_their_audit_codes() {
        assert_eq!(Actor::Editor("alice".into()).to_string(), "editor:alice");
        assert_eq!(Actor::Editor("alice".into()).revision_editor(), "alice");
        assert_eq!(Actor::ApiToken("outil".into()).to_string(), "api:outil");
        assert_eq!(Actor::Cli("import").revision_editor(), "cli:import");
    }
}
