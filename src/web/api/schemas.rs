//! The bodies the API answers with that are not operations' own types: errors, an item
//! with its `meta`, a page of items. Handlers build them; `openapi` describes them.

use crate::content::{FieldError, ItemDocument};
use crate::operations::items::model::ItemMeta;
use serde::Serialize;
use utoipa::ToSchema;

/// Every error of the API.
#[derive(Serialize, ToSchema)]
pub struct ApiErrorBody {
    pub error: ApiErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// Stable snake_case code, e.g. `validation_failed`, `unauthorized`, `insufficient_scope`, `not_found`.
    pub code: String,
    /// French message.
    pub message: String,
    /// One entry per field for `validation_failed` (absent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// An item as the API serves it: the document and read-only `meta`.
#[derive(Serialize, ToSchema)]
pub struct ItemWithMeta {
    #[serde(flatten)]
    pub document: ItemDocument,
    pub meta: ItemMeta,
}

/// One page of items.
#[derive(Serialize, ToSchema)]
pub struct ItemListBody {
    pub items: Vec<ItemWithMeta>,
    pub total: i64,
    /// False when `total` estimates a very large search result.
    pub total_exact: bool,
    pub page: i64,
    pub per_page: i64,
    pub pages: i64,
    /// Link to the next page, when there is one.
    pub next: Option<String>,
}
