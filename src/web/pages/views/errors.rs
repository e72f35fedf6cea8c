//! The HTML error type of the pages: a friendly 404 (in the page's language), a 410 for a
//! retracted item (when and by which node), a 403 for a refused form, and a 500 page that
//! says nothing about the cause (the full chain goes to the log). Every error page carries
//! the node's name.

use crate::operations::OperationError;
use crate::web::pages::views::i18n::{self, t};
use crate::web::pages::views::layout::{html_response, Layout};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("page not found")]
    NotFound,
    /// A retracted item: when (already formatted) and by which node.
    #[error("retracted by {by} on {on}")]
    Retracted { on: String, by: String },
    /// A refused request (bad CSRF token…), with the explanation shown (already translated).
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// A request that cannot apply (e.g. a conflict reported by an operation).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// An editor page visited without a session: redirect to this login URL.
    #[error("login required")]
    LoginRequired(String),
    /// Figures still being prepared (the facet sets load after a start): try again soon.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<OperationError> for PageError {
    fn from(e: OperationError) -> Self {
        match e {
            OperationError::NotFound => PageError::NotFound,
            OperationError::Conflict { message, .. } => PageError::BadRequest(i18n::shown(&message)),
            OperationError::Invalid(errors) => {
                PageError::BadRequest(errors.0.iter().map(|e| i18n::shown(&e.message)).collect::<Vec<_>>().join(" "))
            }
            OperationError::Media(refusal) => PageError::BadRequest(i18n::shown(&refusal.message())),
            OperationError::QuotaExceeded(message) => PageError::BadRequest(i18n::shown(&message)),
            OperationError::Internal(cause) => PageError::Internal(cause),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    status: u16,
    heading: String,
    message: String,
    show_links: bool,
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::Retracted { .. } => StatusCode::GONE,
            PageError::Forbidden(_) => StatusCode::FORBIDDEN,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::LoginRequired(_) => StatusCode::SEE_OTHER,
            PageError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let (heading, message) = match self {
            PageError::LoginRequired(login) => {
                return HttpResponse::SeeOther()
                    .insert_header((actix_web::http::header::LOCATION, login.as_str()))
                    .finish();
            }
            PageError::NotFound => (t("error-not-found"), t("error-not-found-message")),
            PageError::Retracted { on, by } => (
                t("error-retracted"),
                i18n::t_with("error-retracted-message", &[("date", on.as_str().into()), ("node", by.as_str().into())]),
            ),
            PageError::Forbidden(message) => (t("error-forbidden"), message.clone()),
            PageError::BadRequest(message) => (t("error-bad-request"), message.clone()),
            PageError::Unavailable(message) => (t("error-unavailable"), message.clone()),
            PageError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error while serving a page");
                (t("error-internal"), t("error-internal-message"))
            }
        };
        let status = self.status_code();
        let page = ErrorPage {
            layout: Layout::bare(),
            status: status.as_u16(),
            heading: heading.clone(),
            message,
            show_links: true,
        };
        match page.render() {
            Ok(html) if status == StatusCode::SERVICE_UNAVAILABLE => {
                let mut response = html_response(status, html);
                response.headers_mut().insert(
                    actix_web::http::header::RETRY_AFTER,
                    actix_web::http::header::HeaderValue::from_static("5"),
                );
                response
            }
            Ok(html) => html_response(status, html),
            Err(e) => {
                tracing::error!(error = %e, "failed to render the error page");
                HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(heading)
            }
        }
    }
}

/// The default service: any path nobody serves.
pub async fn not_found() -> Result<HttpResponse, PageError> {
    Err(PageError::NotFound)
}
