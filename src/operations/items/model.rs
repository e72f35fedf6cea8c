//! `Item`: an item as operations hand it to the web layer, the CLI and federation, built
//! from a storage row by one named conversion ([`Item::from_row`]).

use crate::content::{ItemDocument, Kind, Lifecycle};
use crate::federation::article::media_url;
use crate::storage::{items::ItemRow, parse_timestamp};
use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone)]
pub struct Item {
    pub id: i64,
    pub uri: String,
    pub slug: String,
    /// `None` for a local item, else the origin actor id.
    pub origin: Option<String>,
    /// The human page at the origin (replicas).
    pub origin_url: Option<String>,
    pub kind: Kind,
    pub lifecycle: Lifecycle,
    pub document: ItemDocument,
    pub body_html: String,
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub refreshed_at: Option<DateTime<Utc>>,
}

/// Read-only facts served beside the document (`meta` in the JSON API).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ItemMeta {
    pub id: String,
    pub url: String,
    pub local: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    pub revision: i64,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub review_overdue: bool,
    /// Where this node serves each attached file (its own copy, for a replica).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileLink>,
}

/// An attached file as this node serves it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FileLink {
    pub sha256: String,
    pub url: String,
}

/// Who reads an item: anyone (pages, the API without a token, feeds, exports, peers) or
/// the node's editors, who also see the contact details withheld from the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Editors,
}

/// The JSON API shape of an item: the document plus `meta`.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView<'a> {
    #[serde(flatten)]
    pub document: Cow<'a, ItemDocument>,
    pub meta: ItemMeta,
}

impl Item {
    pub fn from_row(row: ItemRow) -> anyhow::Result<Item> {
        let document: ItemDocument = serde_json::from_str(&row.document)
            .with_context(|| format!("Failed to read the stored document of item {}", row.uri))?;
        let time = |field: &str, text: &str| {
            parse_timestamp(text).with_context(|| format!("Bad {field} timestamp on item {}", row.uri))
        };
        Ok(Item {
            id: row.id,
            kind: Kind::parse(&row.kind).with_context(|| format!("Unknown kind {}", row.kind))?,
            lifecycle: Lifecycle::parse(&row.lifecycle)
                .with_context(|| format!("Unknown lifecycle {}", row.lifecycle))?,
            created_at: time("created", &row.created_at)?,
            updated_at: time("updated", &row.updated_at)?,
            published_at: row.published_at.as_deref().and_then(parse_timestamp),
            refreshed_at: row.refreshed_at.as_deref().and_then(parse_timestamp),
            uri: row.uri,
            slug: row.slug,
            origin: row.origin,
            origin_url: row.origin_url,
            document,
            body_html: row.body_html,
            revision: row.revision,
        })
    }

    pub fn is_local(&self) -> bool {
        self.origin.is_none()
    }

    /// A published item whose planned review date has passed may be stale.
    pub fn review_overdue(&self, today: NaiveDate) -> bool {
        self.lifecycle == Lifecycle::Published && self.document.review_due.is_some_and(|due| due < today)
    }

    /// The human page: ours for a local item, the origin's for a replica.
    pub fn page_url(&self) -> &str {
        self.origin_url.as_deref().unwrap_or(&self.uri)
    }

    /// `base_url`: this node's origin, where it serves the item's files.
    pub fn meta(&self, today: NaiveDate, base_url: &str) -> ItemMeta {
        let files = self
            .document
            .media
            .iter()
            .flat_map(|m| m.digests())
            .map(|sha256| FileLink { sha256: sha256.to_owned(), url: media_url(base_url, sha256) })
            .collect();
        ItemMeta {
            files,
            id: self.uri.clone(),
            url: self.page_url().to_owned(),
            local: self.is_local(),
            origin: self.origin.clone(),
            revision: self.revision,
            created: self.created_at,
            updated: self.updated_at,
            review_overdue: self.review_overdue(today),
        }
    }

    /// The document as `audience` may read it.
    pub fn document_for(&self, audience: Audience) -> Cow<'_, ItemDocument> {
        match audience {
            Audience::Editors => Cow::Borrowed(&self.document),
            Audience::Public if self.document.has_withheld_details() => Cow::Owned(self.document.public_view()),
            Audience::Public => Cow::Borrowed(&self.document),
        }
    }

    pub fn view(&self, today: NaiveDate, audience: Audience, base_url: &str) -> ItemView<'_> {
        ItemView { document: self.document_for(audience), meta: self.meta(today, base_url) }
    }
}
