//! The JSON API, one method per endpoint, as a client with or without a token calls it;
//! and what it answers, parsed: a served item, a page of items, a refusal.

use chrono::{DateTime, Utc};
use maillage::content::ItemDocument;
use reqwest::{Response, StatusCode};
use serde::Serialize;
use serde_json::Value;

/// Calls the JSON API as one kind of client: with the node's token, without any token, or
/// with a token of the test's choosing.
#[derive(Clone)]
pub struct Api {
    pub address: String,
    client: reqwest::Client,
    token: Option<String>,
}

impl Api {
    pub fn new(address: String, client: reqwest::Client, token: Option<String>) -> Api {
        Api { address, client, token }
    }

    /// The same client with another token (or none).
    pub fn with_token(&self, token: Option<String>) -> Api {
        Api { token, ..self.clone() }
    }
}

impl Api {
    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let builder = self.client.request(method, format!("{}{path}", self.address));
        match &self.token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    async fn send(builder: reqwest::RequestBuilder) -> Response {
        builder.send().await.expect("Failed to send the request")
    }

    /// `POST /api/v1/items`
    pub async fn create_item(&self, body: &impl Serialize) -> Response {
        Self::send(self.request(reqwest::Method::POST, "/api/v1/items").json(body)).await
    }

    /// `POST /api/v1/items` with a raw body and content type.
    pub async fn create_item_raw(&self, content_type: &str, body: impl Into<reqwest::Body>) -> Response {
        Self::send(
            self.request(reqwest::Method::POST, "/api/v1/items")
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(body),
        )
        .await
    }

    /// `GET /api/v1/items/{slug}`
    pub async fn get_item(&self, slug: &str) -> Response {
        Self::send(self.request(reqwest::Method::GET, &format!("/api/v1/items/{slug}"))).await
    }

    /// `PUT /api/v1/items/{slug}`
    pub async fn put_item(&self, slug: &str, body: &impl Serialize) -> Response {
        Self::send(self.request(reqwest::Method::PUT, &format!("/api/v1/items/{slug}")).json(body)).await
    }

    /// `PATCH /api/v1/items/{slug}` (JSON merge patch)
    pub async fn patch_item(&self, slug: &str, patch: &Value) -> Response {
        Self::send(
            self.request(reqwest::Method::PATCH, &format!("/api/v1/items/{slug}"))
                .header(reqwest::header::CONTENT_TYPE, "application/merge-patch+json")
                .body(patch.to_string()),
        )
        .await
    }

    /// `DELETE /api/v1/items/{slug}` (retract)
    pub async fn retract_item(&self, slug: &str) -> Response {
        Self::send(self.request(reqwest::Method::DELETE, &format!("/api/v1/items/{slug}"))).await
    }

    /// `GET /api/v1/items?{query}`
    pub async fn list_items(&self, query: &[(&str, &str)]) -> Response {
        Self::send(self.request(reqwest::Method::GET, "/api/v1/items").query(query)).await
    }

    /// `GET {path}` as given by the API (e.g. a `next` link).
    pub async fn get_path(&self, path: &str) -> Response {
        Self::send(self.request(reqwest::Method::GET, path)).await
    }

    /// `GET /api/v1/items/{slug}/revisions`
    pub async fn revisions(&self, slug: &str) -> Response {
        Self::send(self.request(reqwest::Method::GET, &format!("/api/v1/items/{slug}/revisions"))).await
    }

    /// `GET /api/v1/vocabularies/{name}`
    pub async fn vocabulary(&self, name: &str) -> Response {
        Self::send(self.request(reqwest::Method::GET, &format!("/api/v1/vocabularies/{name}"))).await
    }

    /// `GET /api/v1/peers`
    pub async fn peers(&self) -> Response {
        Self::send(self.request(reqwest::Method::GET, "/api/v1/peers")).await
    }

    /// `POST /api/v1/following`
    pub async fn follow(&self, target: &str) -> Response {
        let body = serde_json::json!({ "target": target });
        Self::send(self.request(reqwest::Method::POST, "/api/v1/following").json(&body)).await
    }

    /// `DELETE /api/v1/following`
    pub async fn unfollow(&self, target: &str) -> Response {
        let body = serde_json::json!({ "target": target });
        Self::send(self.request(reqwest::Method::DELETE, "/api/v1/following").json(&body)).await
    }

    /// `POST /api/v1/followers/answer`
    pub async fn answer_follower(&self, actor: &str, accept: bool) -> Response {
        let body = serde_json::json!({ "actor": actor, "accept": accept });
        Self::send(self.request(reqwest::Method::POST, "/api/v1/followers/answer").json(&body)).await
    }

    /// `POST /api/v1/following/relay`
    pub async fn relay(&self, actor: &str, relay: bool) -> Response {
        let body = serde_json::json!({ "actor": actor, "relay": relay });
        Self::send(self.request(reqwest::Method::POST, "/api/v1/following/relay").json(&body)).await
    }

    /// `POST /api/v1/reshares`
    pub async fn reshare(&self, uri: &str) -> Response {
        let body = serde_json::json!({ "uri": uri });
        Self::send(self.request(reqwest::Method::POST, "/api/v1/reshares").json(&body)).await
    }

    /// `GET /api/v1/audit?{query}`
    pub async fn audit(&self, query: &[(&str, &str)]) -> Response {
        Self::send(self.request(reqwest::Method::GET, "/api/v1/audit").query(query)).await
    }

    /// A list that must succeed.
    pub async fn list_ok(&self, query: &[(&str, &str)]) -> Listing {
        Listing::expect(self.list_items(query).await).await
    }
}

/// An item as the API serves it: the document, and the read-only `meta` beside it.
#[derive(Debug, Clone)]
pub struct Served {
    pub document: ItemDocument,
    pub meta: Value,
}

impl Served {
    pub async fn expect(response: Response, status: StatusCode) -> Served {
        let actual = response.status();
        let text = response.text().await.expect("Failed to read the body");
        assert_eq!(actual, status, "unexpected status; body: {text}");
        Served::from_json(serde_json::from_str(&text).expect("the API answers JSON"))
    }

    pub fn from_json(value: Value) -> Served {
        let meta = value.get("meta").cloned().expect("a served item has meta");
        let mut document: ItemDocument = serde_json::from_value(value).expect("a served item is an item document");
        document.meta = None;
        Served { document, meta }
    }

    pub fn slug(&self) -> &str {
        self.document.slug.as_deref().expect("a served item has a slug")
    }

    pub fn revision(&self) -> i64 {
        self.meta["revision"].as_i64().expect("meta.revision is a number")
    }

    pub fn created(&self) -> DateTime<Utc> {
        serde_json::from_value(self.meta["created"].clone()).expect("meta.created is a timestamp")
    }

    pub fn updated(&self) -> DateTime<Utc> {
        serde_json::from_value(self.meta["updated"].clone()).expect("meta.updated is a timestamp")
    }
}

/// `GET /api/v1/items` as parsed JSON.
#[derive(Debug)]
pub struct Listing {
    pub items: Vec<Served>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub pages: i64,
    pub next: Option<String>,
}

impl Listing {
    pub async fn expect(response: Response) -> Listing {
        let status = response.status();
        let text = response.text().await.expect("Failed to read the body");
        assert_eq!(status, StatusCode::OK, "unexpected status; body: {text}");
        let body: Value = serde_json::from_str(&text).expect("the API answers JSON");
        let number = |key: &str| body[key].as_i64().unwrap_or_else(|| panic!("`{key}` is a number in {body}"));
        Listing {
            items: body["items"]
                .as_array()
                .expect("`items` is an array")
                .iter()
                .cloned()
                .map(Served::from_json)
                .collect(),
            total: number("total"),
            page: number("page"),
            per_page: number("per_page"),
            pages: number("pages"),
            next: body["next"].as_str().map(str::to_owned),
        }
    }

    pub fn slugs(&self) -> Vec<&str> {
        self.items.iter().map(Served::slug).collect()
    }

    /// The slugs, sorted: for filters, where the order is not the point.
    pub fn sorted_slugs(&self) -> Vec<&str> {
        let mut slugs = self.slugs();
        slugs.sort_unstable();
        slugs
    }
}

/// The `{"error": {code, message, fields}}` body of a refused request.
#[derive(Debug)]
pub struct ApiErrorBody {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    /// (path, code) of each field error, in the order given.
    pub fields: Vec<(String, String)>,
}

impl ApiErrorBody {
    pub async fn from(response: Response) -> ApiErrorBody {
        let status = response.status();
        let text = response.text().await.expect("Failed to read the body");
        let body: Value =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("an error is JSON, got {status}: {text}"));
        let error = &body["error"];
        let field = |f: &Value, key: &str| {
            f[key].as_str().unwrap_or_else(|| panic!("field error without {key}: {f}")).to_owned()
        };
        ApiErrorBody {
            status,
            code: error["code"].as_str().unwrap_or_else(|| panic!("no error code in {body}")).to_owned(),
            message: error["message"].as_str().unwrap_or_else(|| panic!("no error message in {body}")).to_owned(),
            fields: error["fields"]
                .as_array()
                .map(|fields| fields.iter().map(|f| (field(f, "path"), field(f, "code"))).collect())
                .unwrap_or_default(),
        }
    }

    /// The field errors as sorted (path, code) pairs, to compare with an expected set.
    pub fn sorted_fields(&self) -> Vec<(&str, &str)> {
        let mut fields: Vec<_> = self.fields.iter().map(|(p, c)| (p.as_str(), c.as_str())).collect();
        fields.sort_unstable();
        fields
    }
}

/// Sorts (path, code) pairs for comparison with [`ApiErrorBody::sorted_fields`].
pub fn sorted<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut pairs = pairs.to_vec();
    pairs.sort_unstable();
    pairs
}
