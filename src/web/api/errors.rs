//! The JSON API's one error type: an HTTP status, a stable snake_case code, a French
//! message and, for validation, one entry per field. Internal causes go to the log only.

use crate::content::media::MediaRefusal;
use crate::content::{FieldError, ValidationErrors};
use crate::operations::people::scopes::Scope;
use crate::operations::OperationError;
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// The `WWW-Authenticate` challenge of a 401 or 403 (RFC 6750 §3).
    pub challenge: Option<String>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fields: &'a [FieldError],
}

impl From<crate::web::body::BodyRefused> for ApiError {
    fn from(refused: crate::web::body::BodyRefused) -> ApiError {
        ApiError::new(refused.status, refused.code, refused.message)
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into(), fields: Vec::new(), challenge: None }
    }

    pub fn unauthorized() -> ApiError {
        ApiError {
            challenge: Some(r#"Bearer realm="maillage""#.to_owned()),
            ..ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", crate::msg!("api-unauthorized"))
        }
    }

    /// A live token that lacks the scope the route requires.
    pub fn insufficient_scope(scope: Scope) -> ApiError {
        ApiError {
            challenge: Some(format!(r#"Bearer realm="maillage", error="insufficient_scope", scope="{scope}""#)),
            ..ApiError::new(
                StatusCode::FORBIDDEN,
                "insufficient_scope",
                crate::msg!("api-insufficient_scope", scope = scope.code()),
            )
        }
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", crate::msg!("api-not_found"))
    }

    /// A refused file: 413 when it is too large, 422 otherwise; the code names the reason.
    pub fn media(refusal: &MediaRefusal) -> ApiError {
        let status = match refusal {
            MediaRefusal::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError { fields: vec![refusal.at("file")], ..ApiError::new(status, refusal.code(), refusal.to_string()) }
    }

    pub fn validation(errors: ValidationErrors) -> ApiError {
        ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            message: crate::msg!("api-validation_failed", n = errors.0.len()).to_string(),
            fields: errors.0,
            challenge: None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        if let Some(challenge) = &self.challenge {
            response.insert_header((header::WWW_AUTHENTICATE, challenge.as_str()));
        }
        response.json(Body { error: Inner { code: self.code, message: &self.message, fields: &self.fields } })
    }
}

impl From<OperationError> for ApiError {
    fn from(e: OperationError) -> Self {
        match e {
            OperationError::Invalid(errors) => ApiError::validation(errors),
            OperationError::NotFound => ApiError::not_found(),
            OperationError::Conflict { code, message } => ApiError::new(StatusCode::CONFLICT, code, message),
            OperationError::Media(refusal) => ApiError::media(&refusal),
            OperationError::QuotaExceeded(message) => {
                ApiError::new(StatusCode::INSUFFICIENT_STORAGE, "media_quota_exceeded", message)
            }
            OperationError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error in the JSON API");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", crate::msg!("api-internal_error"))
            }
        }
    }
}
