//! Attached files: pictures and documents, their stored form and their descriptions.

use super::checks::*;
use super::{MAX_SUMMARY_CHARS, MAX_TITLE_CHARS};
use crate::content::errors::Collector;
use crate::content::media::{check_file_name, is_image_type, is_sha256, MediaFile, MediaKind, StoredFile, ACCEPTED};
use crate::content::vocabulary::{names, Vocabularies};
use crate::msg;

/// Attachments: each names a stored file by its digest; a picture needs an alternative
/// text to be published; one cover at most, and only a picture.
pub(super) fn media(c: &mut Collector, vocab: &Vocabularies, files: &[MediaFile], strict: bool) {
    list_len(c, "media", files.len());
    if files.iter().filter(|m| m.cover).count() > 1 {
        c.push("media", "too_many_covers", msg!("validation-too_many_covers"));
    }
    for (i, m) in files.iter().enumerate() {
        let path = |field: &str| format!("media[{i}].{field}");
        let Some(kind) = m.kind else {
            c.push(path("kind"), "required", msg!("validation-required-media-kind"));
            continue;
        };
        text(c, &path("title"), &m.title, MAX_TITLE_CHARS, true, msg!("validation-required-media-title"));
        if let Some(l) = &m.license {
            code(c, vocab, &path("license"), names::LICENSE, l);
        }
        if let Some(credit) = &m.credit {
            length(c, &path("credit"), credit, MAX_TITLE_CHARS);
        }
        if let Some(name) = &m.file_name {
            if let Err(refusal) = check_file_name(name) {
                c.errors.push(refusal.at(&path("file_name")));
            }
        }
        let is_image = kind == MediaKind::Image;
        match m.alt.as_deref() {
            Some(alt) => {
                text(c, &path("alt"), alt, MAX_SUMMARY_CHARS * 2, is_image && strict, msg!("validation-required-alt"))
            }
            None if is_image && strict => c.push(path("alt"), "required", msg!("validation-required-alt")),
            None => {}
        }
        if m.cover && !is_image {
            c.push(path("cover"), "cover_not_an_image", msg!("validation-cover_not_an_image"));
        }
        stored_file(c, &path("file"), &m.file, is_image);
        match (&m.thumbnail, is_image) {
            (Some(t), true) => stored_file(c, &path("thumbnail"), t, true),
            (None, true) => c.push(path("thumbnail"), "required", msg!("validation-required-thumbnail")),
            (Some(_), false) => c.push(path("thumbnail"), "not_allowed", msg!("validation-not_allowed-thumbnail")),
            (None, false) => {}
        }
    }
}

fn stored_file(c: &mut Collector, path: &str, file: &StoredFile, image: bool) {
    if !is_sha256(&file.sha256) {
        c.push(format!("{path}.sha256"), "invalid_digest", msg!("validation-invalid_digest"));
    }
    let accepted = ACCEPTED.iter().any(|(t, _, _)| *t == file.media_type);
    if !accepted || is_image_type(&file.media_type) != image {
        c.push(
            format!("{path}.media_type"),
            "media_type_unsupported",
            msg!("validation-media_type_unsupported-here", media_type = &file.media_type),
        );
    }
    if image && (file.width.unwrap_or(0) == 0 || file.height.unwrap_or(0) == 0) {
        c.push(format!("{path}.width"), "required", msg!("validation-required-dimensions"));
    }
}
