//! Editors (password login, server-side sessions) and API tokens. Secrets are random,
//! shown once, and stored as hashes: argon2id for passwords, SHA-256 for high-entropy
//! tokens (they need no slow hash and must be looked up by value). Each token carries
//! its [`Scopes`]. Account and token changes and sign-ins are written to the audit log.

use super::audit::{self, Action, Actor};
use super::scopes::{Scope, Scopes};
use crate::operations::{Node, OperationError};
use crate::storage::{self, timestamp};

pub use crate::storage::accounts::ApiTokenRow;
pub use crate::storage::states::EditorRole;
use anyhow::Context;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;

const SESSION_DAYS: i64 = 14;
pub const TOKEN_PREFIX: &str = "mlg_";

fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn sha256_hex(secret: &str) -> String {
    hex::encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, secret.as_bytes()))
}

/// Creates an API token named `name` with `scopes`; the returned secret is the only copy.
pub async fn create_api_token(
    node: &Node,
    name: &str,
    scopes: &Scopes,
    actor: &Actor,
) -> Result<String, OperationError> {
    if name.trim().is_empty() {
        return Err(OperationError::Conflict { code: "invalid_name", message: crate::msg!("op-invalid_name") });
    }
    if scopes.is_empty() {
        return Err(OperationError::Conflict {
            code: "missing_scope",
            message: crate::msg!("op-missing_scope", scopes = Scope::known_codes()),
        });
    }
    let token = format!("{TOKEN_PREFIX}{}", random_secret());
    let name = name.trim();
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let id = storage::accounts::insert_api_token(
        &mut tx,
        name,
        &sha256_hex(&token),
        &scopes.to_stored(),
        &timestamp(node.clock.now()),
    )
    .await
    .context("Failed to store the API token")?;
    let detail = serde_json::json!({ "id": id, "scopes": scopes.to_stored() });
    audit::record(&mut tx, node, actor, Action::TokenCreate, name, Some(detail)).await?;
    tx.commit().await.context("Failed to commit the API token")?;
    Ok(token)
}

/// A live API token: its name and what it may do.
#[derive(Debug, Clone)]
pub struct ApiTokenHolder {
    pub name: String,
    pub scopes: Scopes,
}

/// The live token matching `token`, if any.
pub async fn authenticate_api_token(node: &Node, token: &str) -> Result<Option<ApiTokenHolder>, OperationError> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let row =
        storage::accounts::touch_live_api_token(&node.pool, &sha256_hex(token), &timestamp(node.clock.now())).await?;
    Ok(row.map(|token| ApiTokenHolder { name: token.name, scopes: Scopes::from_stored(&token.scopes) }))
}

pub async fn list_api_tokens(node: &Node) -> Result<Vec<ApiTokenRow>, OperationError> {
    Ok(storage::accounts::list_api_tokens(&node.pool).await?)
}

pub async fn revoke_api_token(node: &Node, id: i64, actor: &Actor) -> Result<(), OperationError> {
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let name = storage::accounts::revoke_api_token(&mut tx, id, &timestamp(node.clock.now()))
        .await?
        .ok_or(OperationError::NotFound)?;
    audit::record(&mut tx, node, actor, Action::TokenRevoke, &name, Some(serde_json::json!({ "id": id }))).await?;
    tx.commit().await.context("Failed to commit the revocation")?;
    Ok(())
}

/// Creates an editor, or resets their password and role.
pub async fn set_editor(
    node: &Node,
    username: &str,
    password: &str,
    role: &str,
    actor: &Actor,
) -> Result<(), OperationError> {
    if username.trim().is_empty() || password.chars().count() < 10 {
        return Err(OperationError::Conflict { code: "weak_credentials", message: crate::msg!("op-weak_credentials") });
    }
    let Some(role) = EditorRole::parse(role) else {
        return Err(OperationError::Conflict { code: "invalid_role", message: crate::msg!("op-invalid_role") });
    };
    let salt = SaltString::generate(&mut OsRng);
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("Failed to hash the password: {e}"))?
        .to_string();
    let username = username.trim();
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let action = if storage::accounts::editor_exists(&mut tx, username).await? {
        Action::AccountUpdate
    } else {
        Action::AccountCreate
    };
    storage::accounts::upsert_editor(&mut tx, username, &hash, role, &timestamp(node.clock.now())).await?;
    audit::record(&mut tx, node, actor, action, username, Some(serde_json::json!({ "role": role.as_str() }))).await?;
    tx.commit().await.context("Failed to commit the editor account")?;
    Ok(())
}

/// A signed-in editor.
#[derive(Debug, Clone)]
pub struct Session {
    pub username: String,
    pub role: EditorRole,
    pub csrf_token: String,
}

/// What a login attempt gave.
#[derive(Debug)]
pub enum LoginOutcome {
    /// The cookie secret of the new session.
    Success(String),
    Refused,
    /// Too many failures: retry after this many seconds.
    Throttled(i64),
}

/// Checks a password and opens a session, unless `client` failed too often, on this
/// account or on any ([`super::login_throttle`]). Successes and refusals are audited;
/// throttled attempts are not (they check nothing).
pub async fn log_in(
    node: &Node,
    client: std::net::IpAddr,
    username: &str,
    password: &str,
) -> Result<LoginOutcome, OperationError> {
    let now = node.clock.now();
    if let Some(wait) = node.login_throttle.locked_for(client, username, now) {
        return Ok(LoginOutcome::Throttled(wait));
    }
    let check = check_password_and_open_session(node, username, password).await?;
    let reason = match check {
        PasswordCheck::Opened(secret) => {
            node.login_throttle.record_success(client, username);
            return Ok(LoginOutcome::Success(secret));
        }
        PasswordCheck::UnknownAccount => "unknown_account",
        PasswordCheck::WrongPassword => "wrong_password",
    };
    node.login_throttle.record_failure(client, username, now);
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    let detail = serde_json::json!({ "reason": reason });
    audit::record(&mut tx, node, &Actor::Anonymous, Action::SessionLoginFailed, username.trim(), Some(detail)).await?;
    tx.commit().await.context("Failed to commit the refused login")?;
    Ok(LoginOutcome::Refused)
}

enum PasswordCheck {
    /// The cookie secret of the new session.
    Opened(String),
    UnknownAccount,
    WrongPassword,
}

async fn check_password_and_open_session(
    node: &Node,
    username: &str,
    password: &str,
) -> Result<PasswordCheck, OperationError> {
    let Some(editor) = storage::accounts::find_editor(&node.pool, username.trim()).await? else {
        return Ok(PasswordCheck::UnknownAccount);
    };
    let password = password.to_owned();
    let stored_hash = editor.password_hash.clone();
    let ok = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored_hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .context("Password check task failed")?;
    if !ok {
        return Ok(PasswordCheck::WrongPassword);
    }
    let secret = random_secret();
    let expires = node.clock.now() + chrono::Duration::days(SESSION_DAYS);
    let mut tx = storage::begin_write(&node.pool).await.context("Failed to start a transaction")?;
    storage::accounts::insert_session(&mut tx, &sha256_hex(&secret), editor.id, &random_secret(), &timestamp(expires))
        .await?;
    let actor = Actor::Editor(editor.username.clone());
    audit::record(&mut tx, node, &actor, Action::SessionLogin, &editor.username, None).await?;
    tx.commit().await.context("Failed to commit the new session")?;
    Ok(PasswordCheck::Opened(secret))
}

pub async fn session(node: &Node, secret: &str) -> Result<Option<Session>, OperationError> {
    let row =
        storage::accounts::find_live_session(&node.pool, &sha256_hex(secret), &timestamp(node.clock.now())).await?;
    Ok(row.map(|r| Session { username: r.username, role: r.role, csrf_token: r.csrf_token }))
}

pub async fn log_out(node: &Node, secret: &str) -> Result<(), OperationError> {
    Ok(storage::accounts::delete_session(&node.pool, &sha256_hex(secret)).await?)
}
