//! Turns an [`ItemDocument`] into a [`ValidItem`], or says precisely what is wrong.
//!
//! Formats (codes, URLs, dates, lengths, numbers) are checked for every item; the fields
//! marked "R" in DATA-MODEL.md are required only when the item is published or archived,
//! so that a draft can be saved half-written.
//!
//! The checks are in `checks` (one field: text, codes, URLs, dates, amounts), `kinds` (the
//! section of each kind of item), `media` (attached files) and `details` (the detailed
//! facts every kind can carry).

mod checks;
mod details;
mod kinds;
mod media;

use super::errors::{Collector, ValidationErrors};
use super::item::*;
use super::slug::is_valid_slug;
use super::territory::{self, Author};
use super::vocabulary::{names, Vocabularies};
use crate::msg;
use checks::*;

pub use checks::is_partial_date;
pub(crate) use checks::{code, length, text};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 200_000;
pub const MAX_TEXT_CHARS: usize = 20_000;
pub const MAX_LIST_LEN: usize = 200;

/// A document that passed validation. Only [`validate`] builds one.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidItem(ItemDocument);

impl ValidItem {
    pub fn document(&self) -> &ItemDocument {
        &self.0
    }

    pub fn into_document(self) -> ItemDocument {
        self.0
    }

    pub fn kind(&self) -> Kind {
        // validate() refuses a document without a kind.
        self.0.kind.unwrap_or(Kind::ProjectSheet)
    }

    /// Sets the slug the node chose (a `slugify` output, which is always valid).
    pub fn set_slug(&mut self, slug: String) {
        debug_assert!(is_valid_slug(&slug));
        self.0.slug = Some(slug);
    }

    /// Records the first publication time of a public item that has none.
    pub fn stamp_published(&mut self, now: chrono::DateTime<chrono::Utc>) {
        if self.0.lifecycle.is_public() && self.0.published.is_none() {
            self.0.published = Some(now);
        }
    }

    /// Keeps an earlier publication time across edits.
    pub fn keep_published(&mut self, earlier: Option<chrono::DateTime<chrono::Utc>>) {
        if self.0.published.is_none() {
            self.0.published = earlier;
        }
    }
}

/// Checks every field; on success the returned item is normalized (trimmed strings, the
/// `meta` echo dropped, the other kinds' sections removed).
pub fn validate(doc: ItemDocument, vocab: &Vocabularies) -> Result<ValidItem, ValidationErrors> {
    validate_as(doc, vocab, Author::Local)
}

/// [`validate`] for a peer's document: what only its own node can check (a code this
/// node's reference does not know yet, a point outside France) is kept, not refused.
pub fn validate_replica(doc: ItemDocument, vocab: &Vocabularies) -> Result<ValidItem, ValidationErrors> {
    validate_as(doc, vocab, Author::Peer)
}

fn validate_as(mut doc: ItemDocument, vocab: &Vocabularies, author: Author) -> Result<ValidItem, ValidationErrors> {
    let mut c = Collector::default();
    doc.meta = None;
    trim_envelope(&mut doc);
    let strict = doc.lifecycle.is_public();

    let Some(kind) = doc.kind else {
        c.push("kind", "required", msg!("validation-required-kind"));
        return Err(ValidationErrors(c.errors));
    };
    if let Some(slug) = &doc.slug {
        if !is_valid_slug(slug) {
            c.push("slug", "invalid_slug", msg!("validation-invalid_slug"));
        }
    }
    text(&mut c, "title", &doc.title, MAX_TITLE_CHARS, strict, msg!("validation-required-title"));
    if doc.title.trim().is_empty() && !strict {
        c.push("title", "required", msg!("validation-required-title-draft"));
    }
    text(&mut c, "summary", &doc.summary, MAX_SUMMARY_CHARS, strict, msg!("validation-required-summary"));
    text(&mut c, "body", &doc.body, MAX_BODY_CHARS, strict, msg!("validation-required-body"));
    language(&mut c, "language", &doc.language);
    for (i, t) in doc.translations.iter().enumerate() {
        language(&mut c, &format!("translations[{i}].language"), &t.language);
        length(&mut c, &format!("translations[{i}].title"), &t.title, MAX_TITLE_CHARS);
        length(&mut c, &format!("translations[{i}].summary"), &t.summary, MAX_SUMMARY_CHARS);
        length(&mut c, &format!("translations[{i}].body"), &t.body, MAX_BODY_CHARS);
    }
    match &doc.license {
        Some(l) => code(&mut c, vocab, "license", names::LICENSE, l),
        None if strict => c.push("license", "required", msg!("validation-required-license")),
        None => {}
    }
    if strict && doc.authors.is_empty() {
        c.push("authors", "required", msg!("validation-required-authors"));
    }
    list_len(&mut c, "authors", doc.authors.len());
    for (i, a) in doc.authors.iter().enumerate() {
        text(&mut c, &format!("authors[{i}].name"), &a.name, MAX_TITLE_CHARS, true, msg!("validation-required-name"));
    }
    territory::check(&mut c, vocab, &doc.territory, strict, author);
    codes(&mut c, vocab, "pillars", names::PILLAR, &doc.pillars);
    codes(&mut c, vocab, "activity_domains", names::ACTIVITY_DOMAIN, &doc.activity_domains);
    codes(&mut c, vocab, "resources", names::RESOURCE, &doc.resources);
    codes(&mut c, vocab, "food_themes", names::FOOD_THEME, &doc.food_themes);
    codes(&mut c, vocab, "target_audiences", names::TARGET_AUDIENCE, &doc.target_audiences);
    list_len(&mut c, "tags", doc.tags.len());
    for (i, t) in doc.tags.iter().enumerate() {
        text(&mut c, &format!("tags[{i}]"), t, 60, true, msg!("validation-required-tag"));
    }
    list_len(&mut c, "documents", doc.documents.len());
    for (i, d) in doc.documents.iter().enumerate() {
        text(
            &mut c,
            &format!("documents[{i}].title"),
            &d.title,
            MAX_TITLE_CHARS,
            true,
            msg!("validation-required-document-title"),
        );
        url(&mut c, &format!("documents[{i}].url"), &d.url);
        if let Some(l) = &d.license {
            code(&mut c, vocab, &format!("documents[{i}].license"), names::LICENSE, l);
        }
        optional_code(&mut c, vocab, &format!("documents[{i}].kind"), names::DOCUMENT_KIND, d.kind.as_deref());
    }
    media::media(&mut c, vocab, &doc.media, strict);
    urls(&mut c, "inspired_by", &doc.inspired_by);
    details::envelope(&mut c, vocab, &doc);
    if let (Some(reviewed), Some(due)) = (doc.last_reviewed, doc.review_due) {
        if due < reviewed {
            c.push("review_due", "invalid_date", msg!("validation-invalid_date-review"));
        }
    }

    match kind {
        Kind::ProjectSheet => {
            doc.good_practice = None;
            doc.experience = None;
            match &doc.project_sheet {
                Some(p) => kinds::project_sheet(&mut c, vocab, p, strict),
                None if strict => c.push("project_sheet", "required", msg!("validation-required-project_sheet")),
                None => {}
            }
        }
        Kind::GoodPractice => {
            doc.project_sheet = None;
            doc.experience = None;
            match &doc.good_practice {
                Some(g) => kinds::good_practice(&mut c, vocab, g, strict),
                None if strict => c.push("good_practice", "required", msg!("validation-required-good_practice")),
                None => {}
            }
        }
        Kind::Experience => {
            doc.project_sheet = None;
            doc.good_practice = None;
            match &doc.experience {
                Some(e) => kinds::experience(&mut c, vocab, e, strict),
                None if strict => c.push("experience", "required", msg!("validation-required-experience")),
                None => {}
            }
        }
    }

    if c.errors.is_empty() {
        Ok(ValidItem(doc))
    } else {
        Err(ValidationErrors(c.errors))
    }
}

fn trim_envelope(doc: &mut ItemDocument) {
    for s in [&mut doc.title, &mut doc.summary, &mut doc.language] {
        *s = s.trim().to_owned();
    }
    doc.body = doc.body.trim_start_matches(['\n', '\r']).trim_end().to_owned();
    doc.territory.normalise();
    for t in &mut doc.tags {
        *t = t.trim().to_owned();
    }
}
