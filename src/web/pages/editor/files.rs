//! The files of an item in the editor: a panel under the item form lists them (each with
//! a "remove" button) and a plain multipart form adds one, without JavaScript:
//! `POST /edit/{slug}/fichiers` and `POST /edit/{slug}/fichiers/{sha256}/retirer`. A refused
//! file comes back as the edit page with the reason above the panel, nothing stored.

use crate::content::media::type_label;
use crate::content::vocabulary::names;
use crate::content::{ItemDocument, Vocabularies};
use crate::operations::{outbound::attachments, Node, OperationError};
use crate::web::media::href;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n;
use crate::web::pages::views::item_media::human_size;
use crate::web::pages::views::session::{csrf_field, require_editor, see_other, Editor};
use crate::web::uploads::{receive, SizeLimits, UploadError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

/// One attached file in the panel.
pub struct FileEntry {
    pub title: String,
    pub details: String,
    pub thumbnail: Option<String>,
    pub href: String,
    pub remove_action: String,
}

/// The panel of an existing item.
pub struct FilesPanel {
    pub upload_action: String,
    pub entries: Vec<FileEntry>,
    /// (code, label) of the licences.
    pub licenses: Vec<(String, String)>,
    /// Why the last upload was refused.
    pub error: Option<String>,
}

impl FilesPanel {
    pub fn build(slug: &str, doc: &ItemDocument, vocab: &Vocabularies, error: Option<String>) -> FilesPanel {
        let entries = doc
            .media
            .iter()
            .map(|m| {
                let mut details = vec![type_label(&m.file.media_type).to_owned(), human_size(m.file.size)];
                if m.cover {
                    details.push(i18n::t("editor-file-cover"));
                }
                if m.is_image() && m.alt.is_none() {
                    details.push(i18n::t("editor-file-no-alt"));
                }
                FileEntry {
                    title: m.title.clone(),
                    details: details.join(" · "),
                    thumbnail: m.thumbnail.as_ref().map(|t| href(&t.sha256)),
                    href: href(&m.file.sha256),
                    remove_action: format!("/edit/{slug}/fichiers/{}/retirer", m.file.sha256),
                }
            })
            .collect();
        let licenses = vocab
            .get(names::LICENSE)
            .map(|v| {
                v.terms
                    .iter()
                    .map(|t| (t.code.clone(), i18n::term(vocab, names::LICENSE, &t.code).to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        FilesPanel { upload_action: format!("/edit/{slug}/fichiers"), entries, licenses, error }
    }
}

/// `POST /edit/{slug}/fichiers`: adds the uploaded file to the item.
pub async fn upload(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let received = match receive(&req, payload, SizeLimits::of(&node)).await {
        Ok(received) => received,
        Err(e) => return refused(&node, &editor, &slug, status_of(&e), e.message().in_lang(i18n::lang())).await,
    };
    editor.check_csrf(&received.field("_csrf").unwrap_or_default())?;
    let upload = match received.into_upload() {
        Ok(upload) => upload,
        Err(e) => return refused(&node, &editor, &slug, status_of(&e), e.message().in_lang(i18n::lang())).await,
    };
    match attachments::attach(&node, &slug, upload, &editor.actor()).await {
        Ok(_) => Ok(see_other(&format!("/edit/{slug}?etat=fichier#fichiers"))),
        Err(OperationError::Media(refusal)) => {
            let status = if refusal.code() == "media_too_large" {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            refused(&node, &editor, &slug, status, i18n::shown(&refusal.message())).await
        }
        Err(OperationError::Invalid(errors)) => {
            let message = errors.0.iter().map(|e| i18n::shown(&e.message)).collect::<Vec<_>>().join(" ");
            refused(&node, &editor, &slug, StatusCode::UNPROCESSABLE_ENTITY, message).await
        }
        Err(OperationError::QuotaExceeded(message)) => {
            refused(&node, &editor, &slug, StatusCode::INSUFFICIENT_STORAGE, i18n::shown(&message)).await
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /edit/{slug}/fichiers/{sha256}/retirer`: removes a file from the item.
pub async fn remove(
    node: web::Data<Node>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    editor.check_csrf(&csrf_field(&body))?;
    let (slug, sha256) = path.into_inner();
    attachments::detach(&node, &slug, &sha256, &editor.actor()).await?;
    Ok(see_other(&format!("/edit/{slug}?etat=fichier-retire#fichiers")))
}

fn status_of(e: &UploadError) -> StatusCode {
    match e {
        UploadError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
        UploadError::NotMultipart => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

async fn refused(
    node: &Node,
    editor: &Editor,
    slug: &str,
    status: StatusCode,
    message: String,
) -> Result<HttpResponse, PageError> {
    super::forms::edit_page_with_file_error(node, editor, slug, status, message).await
}
