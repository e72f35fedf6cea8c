//! The words a person reads, in French and English: the Project Fluent catalogues under
//! `src/locales/{fr,en}/` (page labels, validation messages, API, command-line and
//! operation messages), and the two ways to use them.
//!
//! - [`format`] renders a key in a language, for code that knows the language (the pages
//!   pick it per request, see `web::pages::views::i18n`).
//! - [`Message`] (built with [`msg!`](crate::msg)) is a key with its arguments, kept until
//!   someone reads it: its `Display` and its JSON form are French (the JSON API, the
//!   command line and the logs speak French), and [`Message::in_lang`] renders it in
//!   either language (the English pages).
//!
//! A leaf: it names nothing else in the crate, so `content` can word its validation
//! errors here. A key missing from a catalogue renders as the key itself; tests check that
//! both catalogues define the same keys and every key the sources use.

mod catalogue;
mod lang;
mod message;

pub use catalogue::{format, Arg};
pub use lang::Lang;
pub use message::{Message, Value};

#[cfg(test)]
mod tests;
