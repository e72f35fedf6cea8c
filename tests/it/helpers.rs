//! A real node per test: its own temporary SQLite file, a random port, an API token, and
//! one helper method per endpoint. Silent unless `TEST_LOG` is set.

use chrono::{DateTime, Utc};
use figment::providers::Serialized;
use maillage::content::ItemDocument;
use maillage::operations::people::audit::Actor;
use maillage::operations::people::scopes::{Scope, Scopes};
use maillage::operations::{people::accounts, Node};
use maillage::settings::Settings;
use maillage::startup::Application;
use reqwest::{Response, StatusCode};
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

/// An API token with every scope, as the tests' CLI would create it.
pub async fn token_with_every_scope(node: &Node) -> String {
    accounts::create_api_token(node, "tests", &Scopes::all(), &Actor::Cli("tests"))
        .await
        .expect("Failed to create an API token")
}

/// Signs `username` in through the login form of the node at `address`; returns the
/// session cookie as `name=value`.
pub async fn sign_in(http: &reqwest::Client, address: &str, username: &str, password: &str) -> String {
    let response = http
        .post(format!("{address}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("username={username}&password={}", password.replace(' ', "+")))
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "login as {username}");
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}

/// The repository root (where `config/` lives), whatever the working directory.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Development settings with a free port and the given database file.
pub fn test_settings(database: &Path) -> Settings {
    let figment = Settings::figment(Some(&repo_path("config/dev.toml")))
        .merge(Serialized::default("server.port", 0))
        .merge(Serialized::default("database.path", database));
    Settings::from_figment(figment).expect("the test settings must load")
}

/// Calls the JSON API as one kind of client: with the node's token, without any token, or
/// with a token of the test's choosing.
#[derive(Clone)]
pub struct Api {
    pub address: String,
    client: reqwest::Client,
    token: Option<String>,
}

pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub port: u16,
    pub node: Node,
    /// A live API token named "tests".
    pub token: String,
    pub db_path: PathBuf,
    api: Api,
    /// Holds the database file (and anything a test writes beside it) until the end.
    pub dir: TempDir,
}

pub async fn spawn_app() -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        let settings = Settings::from_figment(Settings::figment(None)).expect("defaults load");
        maillage::telemetry::init(&settings.log);
    }
    let dir = tempfile::tempdir().expect("Failed to create a temporary folder");
    let db_path = dir.path().join("n.db");
    let application = Application::build(test_settings(&db_path)).await.expect("Failed to build the node");
    let port = application.port();
    let node = application.node().clone();
    tokio::spawn(application.run_until_stopped());

    let token = token_with_every_scope(&node).await;
    let address = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("Failed to build the HTTP client");
    let api = Api { address: address.clone(), client, token: Some(token.clone()) };
    TestApp { address, port, node, token, db_path, api, dir }
}

impl std::ops::Deref for TestApp {
    type Target = Api;

    /// `app.create_item(…)` calls the API with the node's token.
    fn deref(&self) -> &Api {
        &self.api
    }
}

impl TestApp {
    /// The API as a visitor without a token sees it.
    pub fn public(&self) -> Api {
        Api { token: None, ..self.api.clone() }
    }

    /// The API called with another token (unknown, revoked…).
    pub fn with_token(&self, token: &str) -> Api {
        Api { token: Some(token.to_owned()), ..self.api.clone() }
    }

    /// A new live token with only `scopes`.
    pub async fn token_with(&self, name: &str, scopes: &[Scope]) -> String {
        let scopes: Scopes = scopes.iter().copied().collect();
        accounts::create_api_token(&self.node, name, &scopes, &Actor::Cli("tests")).await.expect("a scoped token")
    }

    /// Every audit entry as (actor, action, target), oldest first.
    pub async fn audit_rows(&self) -> Vec<(String, String, String)> {
        sqlx::query_as("SELECT actor, action, target FROM audit_log ORDER BY id")
            .fetch_all(&self.node.pool)
            .await
            .expect("Failed to read the audit log")
    }

    /// How many rows the tables that an item write touches hold.
    pub async fn row_counts(&self) -> RowCounts {
        let count = |table: &'static str| {
            let pool = self.node.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
                    .fetch_one(&pool)
                    .await
                    .unwrap_or_else(|e| panic!("Failed to count {table}: {e}"))
            }
        };
        RowCounts {
            items: count("items").await,
            item_revisions: count("item_revisions").await,
            item_terms: count("item_terms").await,
        }
    }

    /// Creates an item that must be accepted, and returns it as served.
    pub async fn create_ok(&self, doc: &ItemDocument) -> Served {
        let response = self.create_item(doc).await;
        Served::expect(response, StatusCode::CREATED).await
    }

    /// The item as the token holder reads it; it must exist.
    pub async fn get_ok(&self, slug: &str) -> Served {
        Served::expect(self.get_item(slug).await, StatusCode::OK).await
    }

    /// Runs the real `maillage` binary against this node's database.
    pub async fn run_cli(&self, args: &[&str]) -> Output {
        run_maillage(
            args,
            &[
                ("MAILLAGE__DATABASE__PATH", self.db_path.to_str().expect("a UTF-8 path")),
                ("MAILLAGE__SERVER__BASE_URL", &format!("{}/", self.address)),
            ],
        )
        .await
    }
}

/// Lets the node's clock (millisecond timestamps) move on, so that two writes made one after
/// the other get distinct update times. The node runs on the system clock.
pub async fn next_millisecond() {
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
}

/// Runs the `maillage` binary with a clean `MAILLAGE__*` environment plus `env`.
pub async fn run_maillage(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_maillage"));
    for (key, _) in std::env::vars() {
        if key.starts_with("MAILLAGE") {
            command.env_remove(key);
        }
    }
    command.env_remove("RUST_LOG").env("MAILLAGE__LOG__FILTER", "warn");
    command.args(args).envs(env.iter().copied()).current_dir(env!("CARGO_MANIFEST_DIR")).kill_on_drop(true);
    let output = tokio::time::timeout(std::time::Duration::from_secs(60), command.output())
        .await
        .expect("maillage did not finish within a minute")
        .expect("Failed to run the maillage binary");
    output
}

pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCounts {
    pub items: i64,
    pub item_revisions: i64,
    pub item_terms: i64,
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
