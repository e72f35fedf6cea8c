//! The item forms: `/edit/new?kind=…` and `/edit/{slug}` (GET shows, POST saves,
//! previews or adds rows), and retraction (`/edit/{slug}/retract`). A form with errors is
//! shown again as typed, with each error beside its input and nothing saved (422).

use super::form_parse::{self, FormAction, ParsedForm};
use super::form_spec::field_type;
use super::form_view::{self, PartView, SectionView, SummaryItem};
use super::place_picker::PLACE_SEARCH;
use crate::content::markdown::render_markdown_with_heading_offset;
use crate::content::{validate, FieldError, ItemDocument, Kind};
use crate::operations::outbound::update::UpdateOutcome;
use crate::operations::{items::queries, outbound::publish, outbound::retract, outbound::update, Node, OperationError};
use crate::web::pages::public::item::{resolve_references, BODY_HEADING_OFFSET};
use crate::web::pages::public::item_view::ItemView;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::{self, t, t1};
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::{require_editor, see_other, Editor};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use anyhow::Context;
use askama::Template;
use serde_json::{json, Value};

use crate::web::pages::public::item_view::Block;

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

/// Where the form is: a new item, or an existing one (its slug and state).
struct Target {
    slug: Option<String>,
    title: String,
    public: bool,
    /// The stored document of an existing item.
    current: Option<ItemDocument>,
}

struct Rendered {
    /// Why the last upload was refused (shown in the files panel).
    file_error: Option<String>,
    tree: Value,
    errors: Vec<FieldError>,
    extra_rows: usize,
    notice: Option<String>,
    preview: Option<ItemView>,
}

fn form_page(node: &Node, editor: &Editor, kind: Kind, target: &Target, r: Rendered) -> FormPage {
    let creating = target.slug.is_none();
    let view = form_view::build(kind, &r.tree, &r.errors, creating, r.extra_rows, &node.vocab);
    let (heading, action) = match &target.slug {
        None => (t1("editor-new-heading", "kind", i18n::kind(kind).to_lowercase()), "/edit/new".to_owned()),
        Some(slug) => (t1("editor-edit-heading", "title", &target.title), format!("/edit/{slug}")),
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
        public_href: target.slug.as_ref().filter(|_| target.public).map(|s| format!("/items/{s}")),
        retract_href: target.slug.as_ref().map(|s| format!("/edit/{s}/retract")),
        files: match (&target.slug, &target.current) {
            (Some(slug), Some(current)) => {
                Some(super::files::FilesPanel::build(slug, current, &node.vocab, r.file_error))
            }
            _ => None,
        },
    }
}

#[derive(Template)]
#[template(path = "editor/choose_kind.html")]
struct ChooseKindPage {
    layout: Layout,
    kinds: Vec<(&'static str, String)>,
}

fn query_value(req: &HttpRequest, key: &str) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned())
}

pub async fn new_form(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let Some(kind) = query_value(&req, "kind").as_deref().and_then(Kind::parse) else {
        let page = ChooseKindPage {
            layout: editor.layout(&node),
            kinds: Kind::ALL.into_iter().map(|k| (k.code(), i18n::kind(k))).collect(),
        };
        return render(StatusCode::OK, &page);
    };
    let tree = json!({"kind": kind.code(), "language": "fr", "lifecycle": "draft", "license": "CC-BY-SA-4.0"});
    let target = Target { slug: None, title: String::new(), public: false, current: None };
    let page = form_page(
        &node,
        &editor,
        kind,
        &target,
        Rendered { tree, errors: Vec::new(), extra_rows: 0, notice: None, preview: None, file_error: None },
    );
    render(StatusCode::OK, &page)
}

pub async fn edit_form(
    node: web::Data<Node>,
    req: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let item = queries::local_item(&node, &slug).await?;
    let tree = super::form_parse::document_tree(&item.document).context("Failed to serialize an item for its form")?;
    let notice = match query_value(&req, "etat").as_deref() {
        Some("enregistre") => Some(t1("editor-saved", "revision", item.revision.to_string())),
        Some("inchange") => Some(t("editor-unchanged")),
        Some("fichier") => Some(t1("editor-file-added", "revision", item.revision.to_string())),
        Some("fichier-retire") => Some(t1("editor-file-removed", "revision", item.revision.to_string())),
        _ => None,
    };
    let target = Target {
        slug: Some(item.slug.clone()),
        title: item.document.title.clone(),
        public: item.lifecycle.is_public(),
        current: Some(item.document),
    };
    let page = form_page(
        &node,
        &editor,
        item.kind,
        &target,
        Rendered { tree, errors: Vec::new(), extra_rows: 0, notice, preview: None, file_error: None },
    );
    render(StatusCode::OK, &page)
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
    let tree = super::form_parse::document_tree(&item.document).context("Failed to serialize an item for its form")?;
    let target = Target {
        slug: Some(item.slug.clone()),
        title: item.document.title.clone(),
        public: item.lifecycle.is_public(),
        current: Some(item.document),
    };
    let rendered =
        Rendered { tree, errors: Vec::new(), extra_rows: 0, notice: None, preview: None, file_error: Some(message) };
    render(status, &form_page(node, editor, item.kind, &target, rendered))
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
    let target = Target { slug: None, title: String::new(), public: false, current: None };
    handle_post(&node, &editor, kind, &target, form).await
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
    let target = Target {
        slug: Some(item.slug.clone()),
        title: item.document.title.clone(),
        public: item.lifecycle.is_public(),
        current: Some(item.document),
    };
    handle_post(&node, &editor, item.kind, &target, form).await
}

/// What a POST of the form does: add rows, preview, or save.
async fn handle_post(
    node: &Node,
    editor: &Editor,
    kind: Kind,
    target: &Target,
    mut form: ParsedForm,
) -> Result<HttpResponse, PageError> {
    // The kind comes from the item (or the new form), never from a tampered input.
    if let Value::Object(map) = &mut form.tree {
        map.insert("kind".to_owned(), Value::String(kind.code().to_owned()));
    }
    let again = |tree: Value, errors: Vec<FieldError>, extra_rows: usize, preview: Option<ItemView>| {
        form_page(
            node,
            editor,
            kind,
            target,
            Rendered { tree, errors, extra_rows, notice: None, preview, file_error: None },
        )
    };
    if form.action == FormAction::AddRows {
        let page = again(form.tree, Vec::new(), form.extra_rows + ROWS_PER_CLICK, None);
        return render(StatusCode::OK, &page);
    }
    if form.action == FormAction::FindPlace {
        // Shown again with the places found as boxes to tick (read by the form view).
        if let Value::Object(map) = &mut form.tree {
            map.insert(PLACE_SEARCH.to_owned(), Value::String(form.place_search.clone()));
        }
        return render(StatusCode::OK, &again(form.tree, Vec::new(), form.extra_rows, None));
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
                        more.0.into_iter().filter(|e| !errors_has_path(&errors, &e.path)).collect();
                    errors.extend(more);
                }
            }
            return render(StatusCode::UNPROCESSABLE_ENTITY, &again(form.tree, errors, form.extra_rows, None));
        }
    };

    if let Some(current) = &target.current {
        keep_code_order(&mut document, current);
        // Files are added and removed in their own panel; the item form keeps them.
        document.media = current.media.clone();
    }

    match form.action {
        FormAction::Preview => match validate(document, &node.vocab) {
            Ok(valid) => {
                let doc = valid.document();
                let refs = resolve_references(node, doc).await?;
                let preview = ItemView::build(
                    doc,
                    render_markdown_with_heading_offset(&doc.body, BODY_HEADING_OFFSET),
                    &node.vocab,
                    &refs,
                );
                render(StatusCode::OK, &again(form.tree, Vec::new(), form.extra_rows, Some(preview)))
            }
            Err(errors) => render(StatusCode::UNPROCESSABLE_ENTITY, &again(form.tree, errors.0, form.extra_rows, None)),
        },
        FormAction::Save | FormAction::AddRows | FormAction::FindPlace => {
            let outcome = match &target.slug {
                None => {
                    publish::create_item(node, document, &editor.actor()).await.map(|item| (item.slug, "enregistre"))
                }
                Some(slug) => {
                    update::replace_item(node, slug, document, &editor.actor()).await.map(|outcome| match outcome {
                        UpdateOutcome::Changed(item) => (item.slug, "enregistre"),
                        UpdateOutcome::Unchanged(item) => (item.slug, "inchange"),
                    })
                }
            };
            match outcome {
                Ok((slug, state)) => Ok(see_other(&format!("/edit/{slug}?etat={state}"))),
                Err(OperationError::Invalid(errors)) => {
                    render(StatusCode::UNPROCESSABLE_ENTITY, &again(form.tree, errors.0, form.extra_rows, None))
                }
                Err(OperationError::Conflict { message, .. }) => {
                    let error = FieldError { path: "$".to_owned(), code: "conflict", message };
                    render(StatusCode::CONFLICT, &again(form.tree, vec![error], form.extra_rows, None))
                }
                Err(other) => Err(other.into()),
            }
        }
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

fn errors_has_path(errors: &[FieldError], path: &str) -> bool {
    errors.iter().any(|e| e.path == path)
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
    let csrf =
        url::form_urlencoded::parse(&body).find(|(k, _)| k == "_csrf").map(|(_, v)| v.into_owned()).unwrap_or_default();
    editor.check_csrf(&csrf)?;
    let item = retract::retract_item(&node, &slug, &editor.actor()).await?;
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("retire", &item.slug);
    Ok(see_other(&format!("/edit?{}", query.finish())))
}
