//! The message a page shows for a validation error: the error's catalogue message
//! (`validation.ftl`) in the request's language. The JSON API shows the same message in
//! French.

use crate::content::FieldError;
use crate::web::pages::views::i18n;

/// The message shown for `error` in the request's language.
pub fn shown(error: &FieldError) -> String {
    error.message.in_lang(i18n::lang())
}
