//! Why a file is refused before anything is stored: a stable code for programs and a
//! catalogue message (`validation.ftl`) for people, in either language.

use crate::content::errors::FieldError;
use crate::i18n::Message;
use crate::msg;

/// A file refused before anything is stored, with its stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaRefusal {
    /// A type the node does not take, named (a media type, `GIF`…).
    Unsupported(String),
    /// Content of no accepted type.
    Unrecognised(Unrecognised),
    Svg,
    Mismatch {
        found: &'static str,
        extension: String,
    },
    Polyglot,
    Corrupt(Damage),
    TooManyPixels {
        width: u32,
        height: u32,
        max_side: u32,
        max_megapixels: u64,
    },
    TooLarge {
        limit: u64,
    },
    BadFileName(String),
    Empty,
}

/// What a file of no accepted type holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrecognised {
    Binary,
    ControlCharacters,
    /// HTML or XML.
    Markup,
    OtherOpenDocument,
    Zip,
}

/// What is broken in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    PdfWithoutVersion,
    PdfWithoutEnd,
    /// The picture's header, with the decoder's words.
    ImageHeader(String),
    NoPixel,
    /// The picture, with the decoder's words.
    Image(String),
    /// Encoding the picture again failed, with the encoder's words.
    Reencoding(String),
    /// A reason the caller words (quoted in French whatever the page's language).
    Described(Message),
}

impl From<Message> for Damage {
    fn from(reason: Message) -> Damage {
        Damage::Described(reason)
    }
}

impl MediaRefusal {
    /// What a person reads.
    pub fn message(&self) -> Message {
        match self {
            MediaRefusal::Unsupported(found) => {
                msg!("validation-media_type_unsupported", content = "named", found = found)
            }
            MediaRefusal::Unrecognised(content) => {
                let content = match content {
                    Unrecognised::Binary => "binary",
                    Unrecognised::ControlCharacters => "control_characters",
                    Unrecognised::Markup => "markup",
                    Unrecognised::OtherOpenDocument => "other_opendocument",
                    Unrecognised::Zip => "zip",
                };
                msg!("validation-media_type_unsupported", content = content)
            }
            MediaRefusal::Svg => msg!("validation-media_svg_refused"),
            MediaRefusal::Mismatch { found, extension } => {
                msg!("validation-media_type_mismatch", found = *found, extension = extension)
            }
            MediaRefusal::Polyglot => msg!("validation-media_polyglot"),
            MediaRefusal::Corrupt(damage) => {
                let (damage, error) = match damage {
                    Damage::PdfWithoutVersion => ("pdf_version", None),
                    Damage::PdfWithoutEnd => ("pdf_end", None),
                    Damage::ImageHeader(e) => ("image_header", Some(e.clone())),
                    Damage::NoPixel => ("no_pixel", None),
                    Damage::Image(e) => ("image", Some(e.clone())),
                    Damage::Reencoding(e) => ("reencoding", Some(e.clone())),
                    Damage::Described(reason) => ("described", Some(reason.to_string())),
                };
                let message = msg!("validation-media_corrupt", damage = damage);
                match error {
                    Some(error) => message.with("error", error),
                    None => message,
                }
            }
            MediaRefusal::TooManyPixels { width, height, max_side, max_megapixels } => msg!(
                "validation-media_too_many_pixels",
                width = *width,
                height = *height,
                max_side = *max_side,
                max_megapixels = *max_megapixels
            ),
            MediaRefusal::TooLarge { limit } => msg!("validation-media_too_large", limit = *limit),
            MediaRefusal::BadFileName(name) => msg!("validation-media_bad_file_name", name = name),
            MediaRefusal::Empty => msg!("validation-media_empty"),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            MediaRefusal::Unsupported(_) | MediaRefusal::Unrecognised(_) => "media_type_unsupported",
            MediaRefusal::Svg => "media_svg_refused",
            MediaRefusal::Mismatch { .. } => "media_type_mismatch",
            MediaRefusal::Polyglot => "media_polyglot",
            MediaRefusal::Corrupt(_) => "media_corrupt",
            MediaRefusal::TooManyPixels { .. } => "media_too_many_pixels",
            MediaRefusal::TooLarge { .. } => "media_too_large",
            MediaRefusal::BadFileName(_) => "media_bad_file_name",
            MediaRefusal::Empty => "media_empty",
        }
    }

    /// The refusal as a field error of `path` (forms and import files).
    pub fn at(&self, path: &str) -> FieldError {
        FieldError { path: path.to_owned(), code: self.code(), message: self.message() }
    }
}

impl std::fmt::Display for MediaRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for MediaRefusal {}
