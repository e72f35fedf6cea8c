//! Field-level validation errors: a path into the document, a stable code and a message
//! from the catalogues (`src/locales/*/validation.ftl`). The JSON API returns them in
//! French (422); forms show them beside each field in the page's language; the importer
//! prefixes them with the file and line.

use crate::i18n::Message;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// JSON-pointer-like dotted path, e.g. `project_sheet.funding[1].amount_eur`.
    pub path: String,
    /// Stable snake_case code, e.g. `required`, `unknown_code`, `too_long`.
    pub code: &'static str,
    /// What a person reads: French in JSON, either language on the pages.
    #[schema(value_type = String)]
    pub message: Message,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.code)
    }
}

/// Every problem found in one document; never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn single(path: impl Into<String>, code: &'static str, message: Message) -> Self {
        ValidationErrors(vec![FieldError { path: path.into(), code, message }])
    }

    /// The message for one field, if it has an error (forms show it beside the input).
    pub fn for_path(&self, path: &str) -> Option<&Message> {
        self.0.iter().find(|e| e.path == path).map(|e| &e.message)
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Collects errors while a document is walked, keeping track of the current path.
#[derive(Default)]
pub(crate) struct Collector {
    pub(crate) errors: Vec<FieldError>,
}

impl Collector {
    pub(crate) fn push(&mut self, path: impl Into<String>, code: &'static str, message: Message) {
        self.errors.push(FieldError { path: path.into(), code, message });
    }
}

/// Turns a serde failure (wrong type, unknown field, bad enum value, bad date) into a field
/// error with the path where it happened.
pub fn from_serde_path(path: String, error: &impl std::fmt::Display) -> FieldError {
    let path = if path == "." || path.is_empty() { "$".to_owned() } else { path };
    let (code, message) = super::serde_messages::field_error(&path, &error.to_string());
    FieldError { path, code, message }
}
