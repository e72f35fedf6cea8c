//! `/edit`: the node's own items in every lifecycle (drafts first), with links to edit
//! them, and the items whose review date has passed.

use crate::content::{Kind, Lifecycle};
use crate::operations::items::queries::{self, ItemFilter};
use crate::operations::{node::stats, Node};
use crate::web::pages::views::cards::CardView;
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::i18n::{self, t, t1};
use crate::web::pages::views::layout::{render, Layout};
use crate::web::pages::views::session::require_editor;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

/// Items listed per lifecycle.
const PER_SECTION: i64 = 100;

pub struct DashboardItem {
    pub card: CardView,
    pub edit_href: String,
    pub public_href: Option<String>,
}

pub struct LifecycleSection {
    pub id: &'static str,
    pub title: String,
    pub total: i64,
    pub truncated: bool,
    pub items: Vec<DashboardItem>,
}

#[derive(Template)]
#[template(path = "editor/dashboard.html")]
struct DashboardPage {
    layout: Layout,
    notice: Option<String>,
    overdue_reviews: i64,
    kinds: Vec<(&'static str, String)>,
    sections: Vec<LifecycleSection>,
}

fn section_title(lifecycle: Lifecycle) -> String {
    match lifecycle {
        Lifecycle::Draft => t("editor-section-drafts"),
        Lifecycle::Published => t("editor-section-published"),
        Lifecycle::Archived => t("editor-section-archived"),
        Lifecycle::Withdrawn => t("editor-section-withdrawn"),
    }
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let editor = require_editor(&node, &req).await?;
    let mut sections = Vec::new();
    for lifecycle in Lifecycle::ALL {
        // One query per lifecycle: without a lifecycle, a list shows public items only.
        let filter = ItemFilter {
            lifecycle: Some(lifecycle),
            local_only: true,
            page: 1,
            per_page: PER_SECTION,
            ..ItemFilter::default()
        };
        let list = queries::list_items(&node, &filter, true).await?;
        let items = list
            .items
            .iter()
            .map(|(item, _)| DashboardItem {
                card: CardView::build(&node, item, None),
                edit_href: format!("/edit/{}", item.slug),
                public_href: item.lifecycle.is_public().then(|| format!("/items/{}", item.slug)),
            })
            .collect();
        let truncated = list.total > list.items.len() as i64;
        sections.push(LifecycleSection {
            id: lifecycle.code(),
            title: section_title(lifecycle),
            total: list.total,
            truncated,
            items,
        });
    }
    let notice = url::form_urlencoded::parse(req.query_string().as_bytes()).find_map(|(k, v)| match k.as_ref() {
        "retire" => Some(t1("editor-retracted-notice", "slug", v.into_owned())),
        _ => None,
    });
    let page = DashboardPage {
        layout: editor.layout(&node),
        notice,
        overdue_reviews: stats::node_stats(&node).await?.overdue_reviews,
        kinds: Kind::ALL.into_iter().map(|k| (k.code(), i18n::kind(k))).collect(),
        sections,
    };
    render(StatusCode::OK, &page)
}
