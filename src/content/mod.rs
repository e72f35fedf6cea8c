//! The content model: the three kinds of item, their fields, the controlled vocabularies,
//! validation, Markdown rendering and item files. Pure: no I/O, no storage, no HTTP; it
//! names only `i18n`, where its messages are worded.

pub mod details;
pub mod errors;
pub mod files;
pub mod geography;
pub mod images;
pub mod item;
pub mod kinds;
pub mod markdown;
pub mod media;
pub mod projections;
pub mod search;
pub mod serde_messages;
pub mod slug;
pub mod tabular;
pub mod territory;
pub mod validate;
pub mod vocabulary;

pub use crate::i18n::Lang;
pub use details::Objective;
pub use errors::{FieldError, ValidationErrors};
pub use item::{ItemDocument, Kind, Lifecycle};
pub use validate::{validate, validate_replica, ValidItem};
pub use vocabulary::Vocabularies;

#[cfg(test)]
mod tests;
