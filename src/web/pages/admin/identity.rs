//! `/admin/identite`: the territory's logo (the actor's `icon`, shown beside its items)
//! and banner (the actor's `image`), uploaded by an administrator through plain multipart
//! forms. A picture is re-encoded like any other; the previous one is released.

use crate::operations::remote::actor_pictures::{self, ActorImage, ActorPicture, ActorPictures};
use crate::operations::{Node, OperationError};
use crate::web::media::href;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::{self, t};
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::{require_editor, see_other, Editor};
use crate::web::uploads::{receive, SizeLimits};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

#[derive(Template)]
#[template(path = "admin/identity.html")]
struct IdentityPage {
    layout: Layout,
    /// (form path segment, heading, current picture).
    sections: Vec<(&'static str, String, Option<String>)>,
    notice: Option<String>,
    error: Option<String>,
}

async fn page(
    node: &Node,
    editor: &Editor,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let ActorPictures { logo, banner } = actor_pictures::actor_pictures(node).await?;
    let src = |p: Option<ActorPicture>| p.map(|p| href(&p.sha256));
    let sections = vec![("logo", t("identity-logo"), src(logo)), ("banniere", t("identity-banner"), src(banner))];
    let page = IdentityPage { layout: editor.layout(node), sections, notice, error };
    render(status, &page)
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    editor.require_admin()?;
    let saved = req.query_string().contains("etat=enregistre");
    page(&node, &editor, StatusCode::OK, saved.then(|| t("identity-saved")), None).await
}

/// `POST /admin/identite/{logo|banniere}`.
pub async fn upload(
    node: web::Data<Node>,
    req: HttpRequest,
    role: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let role = match role.as_str() {
        "logo" => ActorImage::Logo,
        "banniere" => ActorImage::Banner,
        _ => return Err(PageError::NotFound),
    };
    let received = match receive(&req, payload, SizeLimits::pictures_only(&node)).await {
        Ok(received) => received,
        Err(e) => {
            let error = e.message().in_lang(i18n::lang());
            return page(&node, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, Some(error)).await;
        }
    };
    editor.check_csrf(&received.field("_csrf").unwrap_or_default())?;
    editor.require_admin()?;
    let upload = match received.into_upload() {
        Ok(upload) => upload,
        Err(e) => {
            let error = e.message().in_lang(i18n::lang());
            return page(&node, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, Some(error)).await;
        }
    };
    match actor_pictures::set_actor_image(&node, role, upload).await {
        Ok(()) => Ok(see_other("/admin/identite?etat=enregistre")),
        Err(OperationError::Media(refusal)) => {
            page(&node, &editor, StatusCode::UNPROCESSABLE_ENTITY, None, Some(i18n::shown(&refusal.message()))).await
        }
        Err(OperationError::QuotaExceeded(message)) => {
            page(&node, &editor, StatusCode::INSUFFICIENT_STORAGE, None, Some(i18n::shown(&message))).await
        }
        Err(other) => Err(other.into()),
    }
}
