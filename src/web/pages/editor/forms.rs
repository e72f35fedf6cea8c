//! The item forms: `/edit/new?kind=…` and `/edit/{slug}` (GET shows, POST saves,
//! previews, adds rows or finds a place), and retraction (`/edit/{slug}/retract`). A form with errors is
//! shown again as typed, with each error beside its input and nothing saved (422).

use super::form_parse::{self, FormAction, ParsedForm};
use super::form_spec::field_type;
use super::form_view::{self, PartView, SectionView, SummaryItem};
use super::place_picker::PLACE_SEARCH;
use crate::content::markdown::render_markdown_with_heading_offset;
use crate::content::{validate, FieldError, ItemDocument, Kind};
use crate::operations::outbound::update::UpdateOutcome;
use crate::operations::{items::queries, outbound::publish, outbound::retract, outbound::update};
use crate::operations::{Item, Node, OperationError};
use crate::web::pages::public::item::{resolve_references, BODY_HEADING_OFFSET};
use crate::web::pages::public::item_view::{Block, ItemView};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::{self, t, t1};
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::{require_editor, see_other, Editor};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use anyhow::Context;
use askama::Template;
use serde_json::{json, Value};

/// Rows one click on "Ajouter des lignes" (add rows) adds to every list.
const ROWS_PER_CLICK: usize = 3;

#[derive(Template)]
#[template(path = "editor/form.html")]
struct FormPage {
    layout: Layout,
    heading: String,
    action: String,
    kind_code: &'static str,
    kind_label: String,
    sections: Vec<SectionView>,
    summary: Vec<SummaryItem>,
    extra_rows: usize,
    notice: Option<String>,
    preview: Option<ItemView>,
    public_href: Option<String>,
    retract_href: Option<String>,
    /// The files of an existing item.
    files: Option<super::files::FilesPanel>,
}

/// What one showing of the form adds to its values: errors, notices, a preview.
#[derive(Default)]
struct Rendered {
    /// Why the last upload was refused (shown in the files panel).
    file_error: Option<String>,
    errors: Vec<FieldError>,
    extra_rows: usize,
    notice: Option<String>,
    preview: Option<ItemView>,
}

/// The form of a new item of `kind` (`item` is `None`) or of a stored item, filled with
/// `tree` (the document as stored, or as typed).
fn form_page(node: &Node, editor: &Editor, kind: Kind, item: Option<&Item>, tree: &Value, r: Rendered) -> FormPage {
    let view = form_view::build(kind, tree, &r.errors, item.is_none(), r.extra_rows, &node.vocab);
    let (heading, action) = match item {
        None => (t1("editor-new-heading", "kind", i18n::kind(kind).to_lowercase()), "/edit/new".to_owned()),
        Some(item) => (t1("editor-edit-heading", "title", &item.document.title), format!("/edit/{}", item.slug)),
    };
    FormPage {
        layout: editor.layout(node),
        heading,
        action,
        kind_code: kind.code(),
        kind_label: i18n::kind(kind),
        sections: view.sections,
        summary: view.summary,
        extra_rows: r.extra_rows,
        notice: r.notice,
        preview: r.preview,
        public_href: item.filter(|i| i.lifecycle.is_public()).map(|i| format!("/items/{}", i.slug)),
        retract_href: item.map(|i| format!("/edit/{}/retract", i.slug)),
        files: item.map(|i| super::files::FilesPanel::build(&i.slug, &i.document, &node.vocab, r.file_error)),
    }
}

/// The form of a stored item, filled with its stored document.
fn stored_form(
    node: &Node,
    editor: &Editor,
    item: &Item,
    status: StatusCode,
    notice: Option<String>,
    file_error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let tree = form_parse::document_tree(&item.document).context("Failed to serialize an item for its form")?;
    let rendered = Rendered { notice, file_error, ..Default::default() };
    render(status, &form_page(node, editor, item.kind, Some(item), &tree, rendered))
}

#[derive(Template)]
#[template(path = "editor/choose_kind.html")]
struct ChooseKindPage {
    layout: Layout,
    kinds: Vec<(&'static str, String)>,
}

/// The value of `key` in an urlencoded query or form body.
fn urlencoded_value(urlencoded: &[u8], key: &str) -> Option<String> {
    url::form_urlencoded::parse(urlencoded).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

pub async fn new_form(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let Some(kind) = urlencoded_value(req.query_string().as_bytes(), "kind").as_deref().and_then(Kind::parse) else {
        let page = ChooseKindPage {
            layout: editor.layout(&node),
            kinds: Kind::ALL.into_iter().map(|k| (k.code(), i18n::kind(k))).collect(),
        };
        return render(StatusCode::OK, &page);
    };
    let tree = json!({"kind": kind.code(), "language": "fr", "lifecycle": "draft", "license": "CC-BY-SA-4.0"});
    render(StatusCode::OK, &form_page(&node, &editor, kind, None, &tree, Rendered::default()))
}

pub async fn edit_form(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let item = queries::local_item(&node, &slug).await?;
    let notice = match urlencoded_value(req.query_string().as_bytes(), "etat").as_deref() {
        Some("enregistre") => Some(t1("editor-saved", "revision", item.revision.to_string())),
        Some("inchange") => Some(t("editor-unchanged")),
        Some("fichier") => Some(t1("editor-file-added", "revision", item.revision.to_string())),
        Some("fichier-retire") => Some(t1("editor-file-removed", "revision", item.revision.to_string())),
        _ => None,
    };
    stored_form(&node, &editor, &item, StatusCode::OK, notice, None)
}

/// The edit page of `slug` with a refused file's reason above its files panel.
pub(super) async fn edit_page_with_file_error(
    node: &Node,
    editor: &Editor,
    slug: &str,
    status: StatusCode,
    message: String,
) -> Result<HttpResponse, PageError> {
    let item = queries::local_item(node, slug).await?;
    stored_form(node, editor, &item, status, None, Some(message))
}

pub async fn create(node: web::Data<Node>, req: HttpRequest, body: web::Bytes) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let form = form_parse::parse_form(&body, field_type);
    editor.check_csrf(&form.csrf)?;
    let kind = form
        .tree
        .get("kind")
        .and_then(Value::as_str)
        .and_then(Kind::parse)
        .ok_or_else(|| PageError::BadRequest(t("editor-missing-kind")))?;
    handle_post(&node, &editor, kind, None, form).await
}

pub async fn update(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let form = form_parse::parse_form(&body, field_type);
    editor.check_csrf(&form.csrf)?;
    let item = queries::local_item(&node, &slug).await?;
    handle_post(&node, &editor, item.kind, Some(&item), form).await
}

/// What a POST of the form does: add rows, find a place, preview, or save.
async fn handle_post(
    node: &Node,
    editor: &Editor,
    kind: Kind,
    item: Option<&Item>,
    mut form: ParsedForm,
) -> Result<HttpResponse, PageError> {
    if let Value::Object(map) = &mut form.tree {
        // The kind comes from the item (or the new form), never from a tampered input.
        map.insert("kind".to_owned(), Value::String(kind.code().to_owned()));
        if form.action == FormAction::FindPlace {
            // Shown again with the places found as boxes to tick (read by the form view).
            map.insert(PLACE_SEARCH.to_owned(), Value::String(form.place_search.clone()));
        }
    }
    if form.action == FormAction::AddRows {
        form.extra_rows += ROWS_PER_CLICK;
    }
    // The form shown again as posted.
    let again = |status: StatusCode, errors: Vec<FieldError>, preview: Option<ItemView>| {
        let rendered = Rendered { errors, extra_rows: form.extra_rows, preview, ..Default::default() };
        render(status, &form_page(node, editor, kind, item, &form.tree, rendered))
    };
    if matches!(form.action, FormAction::AddRows | FormAction::FindPlace) {
        return again(StatusCode::OK, Vec::new(), None);
    }

    let decoded = form_parse::decode(&form.tree, field_type);
    let mut document = match (decoded.document, decoded.errors.is_empty()) {
        (Some(doc), true) => doc,
        (doc, _) => {
            // Report the rest of the document's problems along with the decoding ones.
            let mut errors = decoded.errors;
            if let Some(doc) = doc {
                if let Err(more) = validate(doc, &node.vocab) {
                    let more: Vec<FieldError> =
                        more.0.into_iter().filter(|e| !errors.iter().any(|known| known.path == e.path)).collect();
                    errors.extend(more);
                }
            }
            return again(StatusCode::UNPROCESSABLE_ENTITY, errors, None);
        }
    };

    if let Some(current) = item.map(|i| &i.document) {
        keep_code_order(&mut document, current);
        // Files are added and removed in their own panel; the item form keeps them.
        document.media = current.media.clone();
    }

    if form.action == FormAction::Preview {
        return match validate(document, &node.vocab) {
            Ok(valid) => {
                let doc = valid.document();
                let refs = resolve_references(node, doc).await?;
                let body = render_markdown_with_heading_offset(&doc.body, BODY_HEADING_OFFSET);
                let preview = ItemView::build(doc, body, &node.vocab, &refs);
                again(StatusCode::OK, Vec::new(), Some(preview))
            }
            Err(errors) => again(StatusCode::UNPROCESSABLE_ENTITY, errors.0, None),
        };
    }
    let outcome = match item {
        None => publish::create_item(node, document, &editor.actor()).await.map(|item| (item.slug, "enregistre")),
        Some(item) => {
            update::replace_item(node, &item.slug, document, &editor.actor()).await.map(|outcome| match outcome {
                UpdateOutcome::Changed(item) => (item.slug, "enregistre"),
                UpdateOutcome::Unchanged(item) => (item.slug, "inchange"),
            })
        }
    };
    match outcome {
        Ok((slug, state)) => Ok(see_other(&format!("/edit/{slug}?etat={state}"))),
        Err(OperationError::Invalid(errors)) => again(StatusCode::UNPROCESSABLE_ENTITY, errors.0, None),
        Err(OperationError::Conflict { message, .. }) => {
            let error = FieldError { path: "$".to_owned(), code: "conflict", message };
            again(StatusCode::CONFLICT, vec![error], None)
        }
        Err(other) => Err(other.into()),
    }
}

/// Checkboxes list codes in vocabulary order; an edit keeps the stored order of the codes
/// that stay (the first pillar may matter to the author) and appends the new ones, so that
/// saving an untouched form changes nothing.
fn keep_code_order(document: &mut ItemDocument, current: &ItemDocument) {
    fn reorder(new: &mut Vec<String>, old: &[String]) {
        let mut ordered: Vec<String> = old.iter().filter(|c| new.contains(c)).cloned().collect();
        ordered.extend(new.iter().filter(|c| !old.contains(c)).cloned());
        *new = ordered;
    }
    reorder(&mut document.pillars, &current.pillars);
    reorder(&mut document.activity_domains, &current.activity_domains);
    reorder(&mut document.resources, &current.resources);
    reorder(&mut document.food_themes, &current.food_themes);
    reorder(&mut document.target_audiences, &current.target_audiences);
}

#[derive(Template)]
#[template(path = "editor/retract.html")]
struct RetractPage {
    layout: Layout,
    title: String,
    slug: String,
    already: bool,
}

pub async fn retract_form(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let item = queries::local_item(&node, &slug).await?;
    let page = RetractPage {
        layout: editor.layout(&node),
        title: item.document.title.clone(),
        already: item.lifecycle == crate::content::Lifecycle::Withdrawn,
        slug: item.slug,
    };
    render(StatusCode::OK, &page)
}

pub async fn retract(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    editor.check_csrf(&urlencoded_value(&body, "_csrf").unwrap_or_default())?;
    let item = retract::retract_item(&node, &slug, &editor.actor()).await?;
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("retire", &item.slug);
    Ok(see_other(&format!("/edit?{}", query.finish())))
}
