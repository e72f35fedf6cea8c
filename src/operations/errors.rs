//! The outcomes an operation can fail with. The web layer maps each to its audience
//! (JSON status + code, or a form with field errors).

use crate::content::ValidationErrors;

#[derive(Debug, thiserror::Error)]
pub enum OperationError {
    #[error("{}", crate::msg!("op-invalid", errors = .0.to_string()))]
    Invalid(ValidationErrors),
    #[error("{}", crate::msg!("op-not_found"))]
    NotFound,
    /// A request that cannot apply to the current state (e.g. a slug already taken).
    #[error("{code}: {message}")]
    Conflict { code: &'static str, message: crate::i18n::Message },
    /// A file refused before anything was stored.
    #[error(transparent)]
    Media(crate::content::media::MediaRefusal),
    /// The node's files would exceed `media.quota_bytes`.
    #[error("{0}")]
    QuotaExceeded(crate::i18n::Message),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for OperationError {
    fn from(e: sqlx::Error) -> Self {
        OperationError::Internal(anyhow::Error::new(e).context("Database operation failed"))
    }
}

impl From<ValidationErrors> for OperationError {
    fn from(e: ValidationErrors) -> Self {
        OperationError::Invalid(e)
    }
}
