//! One harness for every integration test: a real node in this process, with its own
//! SQLite file and a loopback port, an API token with every scope, and
//! - the JSON API, one method per endpoint ([`api`], reached through `Deref`);
//! - what the node holds, read through `operations` as the pages and the API read it
//!   ([`state`]), and the waits built on those reads;
//! - the real `maillage` binary against its database ([`cli`]);
//! - for a node started `.stepped()`, its workers' steps, run by the test ([`steps`]):
//!   what a step did can be read as soon as it returns, with no polling.
//!
//! [`TestNode::spawn`] starts an anonymous node in a folder of its own;
//! [`TestNode::start`] a named node in a shared folder (a federation of several);
//! [`TestNode::builder`] anything else: settings overrides, a `localhost` host name, a
//! fixed port and database (a restart with the same identity), a client of its own.
//! Silent unless `TEST_LOG` is set.

pub mod api;
pub mod cli;
pub mod state;
pub mod steps;

pub use api::{sorted, Api, ApiErrorBody, Listing, Served};
pub use cli::{run_maillage, stderr_of};
pub use state::{eventually, eventually_within, follow};
pub use steps::run_until_idle;

use figment::providers::Serialized;
use maillage::operations::people::audit::Actor;
use maillage::operations::people::scopes::{Scope, Scopes};
use maillage::operations::{people::accounts, Node};
use maillage::settings::Settings;
use maillage::startup::Application;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;
use tempfile::TempDir;

/// A node started for a test.
pub struct TestNode {
    pub node: Node,
    /// `http://127.0.0.1:PORT` or `http://localhost:PORT` (no trailing slash).
    pub base: String,
    pub port: u16,
    /// A live API token named "tests", with every scope.
    pub token: String,
    /// The database file; it outlives the node (see [`TestNode::kill`]).
    pub db: PathBuf,
    /// A client that does not follow redirects (unless the test gave its own).
    pub http: reqwest::Client,
    /// Whether the test runs the workers' steps (no background workers).
    pub stepped: bool,
    api: Api,
    handle: actix_web::dev::ServerHandle,
    server: tokio::task::JoinHandle<()>,
    /// The folder of an anonymous node, removed with it.
    _temporary: Option<TempDir>,
}

/// Which host name a node calls itself by. Every node listens on 127.0.0.1; a node named
/// `localhost` is a different domain for the federation policy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Loopback,
    Localhost,
}

/// How to start a [`TestNode`].
pub struct NodeBuilder {
    folder: PathBuf,
    temporary: Option<TempDir>,
    username: Option<String>,
    host: Host,
    port: Option<u16>,
    db: Option<PathBuf>,
    overrides: Vec<(String, Value)>,
    settings: Option<(Settings, String)>,
    http: Option<reqwest::Client>,
    stepped: bool,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The repository root (where `config/` lives), whatever the working directory.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The development settings of a named test node on `port` with the database `db`.
pub fn named_settings(db: &Path, port: u16, username: &str) -> figment::Figment {
    Settings::figment(Some(&repo_path("config/dev.toml")))
        .merge(Serialized::default("server.port", port))
        .merge(Serialized::default("database.path", db))
        .merge(Serialized::default("node.username", username))
        .merge(Serialized::default("node.display_name", format!("Territoire {username}")))
        .merge(Serialized::default("node.territory", username))
        .merge(Serialized::default("federation.delivery_poll_interval", "100ms"))
}

/// The development settings of an anonymous test node with the database `db` (a port the
/// system picks).
pub fn anonymous_settings(db: &Path) -> figment::Figment {
    Settings::figment(Some(&repo_path("config/dev.toml")))
        .merge(Serialized::default("server.port", 0))
        .merge(Serialized::default("database.path", db))
}

/// An API token with every scope, as the tests' CLI would create it.
pub async fn token_with_every_scope(node: &Node) -> String {
    accounts::create_api_token(node, "tests", &Scopes::all(), &Actor::Cli("tests"))
        .await
        .expect("Failed to create an API token")
}

impl NodeBuilder {
    /// Settings overrides on top of the development settings (`("federation.policy",
    /// "blocklist")`…).
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> NodeBuilder {
        self.overrides.push((key.to_owned(), value.into()));
        self
    }

    /// No background workers: the test runs their steps ([`steps`]).
    pub fn stepped(mut self) -> NodeBuilder {
        self.stepped = true;
        self
    }

    pub fn host(mut self, host: Host) -> NodeBuilder {
        self.host = host;
        self
    }

    /// This port and this database: the same node again after a stop.
    pub fn again(mut self, db: PathBuf, port: u16) -> NodeBuilder {
        self.db = Some(db);
        self.port = Some(port);
        self
    }

    /// Complete settings of the test's own, reached at `base` with `http` (TLS tests).
    pub fn settings(mut self, settings: Settings, base: String, http: reqwest::Client) -> NodeBuilder {
        self.settings = Some((settings, base));
        self.http = Some(http);
        self
    }

    pub async fn start(self) -> TestNode {
        let (settings, base, port) = match self.settings {
            Some((settings, base)) => {
                let port = settings.server.port;
                (settings, base, port)
            }
            None => self.settings_from_parts(),
        };
        if std::env::var_os("TEST_LOG").is_some() {
            maillage::telemetry::init(&settings.log);
        }
        let db = settings.database.path.clone();
        let app = Application::build(settings).await.expect("the test node starts");
        let port = if port == 0 { app.port() } else { port };
        let base = if base.is_empty() { format!("http://127.0.0.1:{port}") } else { base };
        let node = app.node().clone();
        let token = token_with_every_scope(&node).await;
        let handle = app.handle();
        let stepped = self.stepped;
        let server = tokio::spawn(async move {
            let _ = if stepped { app.serve_without_workers().await } else { app.run_until_stopped().await };
        });
        let http = self.http.unwrap_or_else(|| {
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("an HTTP client")
        });
        let api = Api::new(base.clone(), http.clone(), Some(token.clone()));
        TestNode { node, base, port, token, db, http, stepped, api, handle, server, _temporary: self.temporary }
    }

    /// The settings of an anonymous node (port chosen by the system) or a named one.
    fn settings_from_parts(&self) -> (Settings, String, u16) {
        let Some(username) = &self.username else {
            let db = self.db.clone().unwrap_or_else(|| self.folder.join("n.db"));
            return (self.with_overrides(anonymous_settings(&db)), String::new(), 0);
        };
        let port = self.port.unwrap_or_else(free_port);
        let db = self.db.clone().unwrap_or_else(|| self.folder.join(format!("{username}.db")));
        let host = match self.host {
            Host::Loopback => "127.0.0.1",
            Host::Localhost => "localhost",
        };
        let base = format!("http://{host}:{port}");
        let figment =
            named_settings(&db, port, username).merge(Serialized::default("server.base_url", format!("{base}/")));
        (self.with_overrides(figment), base, port)
    }

    fn with_overrides(&self, mut figment: figment::Figment) -> Settings {
        for (key, value) in &self.overrides {
            figment = figment.merge(Serialized::default(key, value));
        }
        Settings::from_figment(figment).expect("the test settings must load")
    }
}

impl TestNode {
    /// A node named `username` whose files go to `folder`.
    pub fn builder(folder: &Path, username: &str) -> NodeBuilder {
        NodeBuilder {
            folder: folder.to_owned(),
            temporary: None,
            username: Some(username.to_owned()),
            host: Host::Loopback,
            port: None,
            db: None,
            overrides: Vec::new(),
            settings: None,
            http: None,
            stepped: false,
        }
    }

    /// An anonymous node (default name, a port the system picks) in a temporary folder.
    pub async fn spawn() -> TestNode {
        TestNode::anonymous().start().await
    }

    /// An anonymous node served without background workers ([`steps`]).
    pub async fn spawn_stepped() -> TestNode {
        TestNode::anonymous().stepped().start().await
    }

    fn anonymous() -> NodeBuilder {
        let temporary = tempfile::tempdir().expect("Failed to create a temporary folder");
        let mut builder = TestNode::builder(temporary.path(), "");
        builder.username = None;
        builder.temporary = Some(temporary);
        builder
    }

    /// A node named `username` whose files go to `folder`.
    pub async fn start(folder: &Path, username: &str) -> TestNode {
        TestNode::builder(folder, username).start().await
    }

    /// A node named `username` with settings overrides.
    pub async fn with_settings(folder: &Path, username: &str, overrides: &[(&str, Value)]) -> TestNode {
        let mut builder = TestNode::builder(folder, username);
        for (key, value) in overrides {
            builder = builder.set(key, value.clone());
        }
        builder.start().await
    }

    /// A node named `username` served without background workers: the test runs their
    /// steps ([`steps`]).
    pub async fn start_stepped(folder: &Path, username: &str) -> TestNode {
        TestNode::builder(folder, username).stepped().start().await
    }

    /// The node that used `db` on `port` before, started again.
    pub async fn start_on(db: PathBuf, port: u16, username: &str) -> TestNode {
        let folder = db.parent().expect("a database in a folder").to_owned();
        TestNode::builder(&folder, username).again(db, port).start().await
    }

    /// The folder holding the node's database (tests write their files beside it).
    pub fn folder(&self) -> &Path {
        self.db.parent().expect("a database in a folder")
    }

    pub fn actor(&self) -> String {
        self.node.actor_uri()
    }

    pub fn key_id(&self) -> String {
        self.node.key_id()
    }

    pub fn keys(&self) -> &maillage::federation::keys::NodeKeys {
        &self.node.keys
    }

    /// The `acct` handle for following this node.
    pub fn handle(&self) -> String {
        format!("{}@{}", self.node.settings.node.username, self.node.authority())
    }

    /// The API as a visitor without a token sees it.
    pub fn public(&self) -> Api {
        self.api.with_token(None)
    }

    /// The API called with another token (unknown, revoked…).
    pub fn with_token(&self, token: &str) -> Api {
        self.api.with_token(Some(token.to_owned()))
    }

    /// A new live token with only `scopes`.
    pub async fn token_with(&self, name: &str, scopes: &[Scope]) -> String {
        let scopes: Scopes = scopes.iter().copied().collect();
        accounts::create_api_token(&self.node, name, &scopes, &Actor::Cli("tests")).await.expect("a scoped token")
    }

    /// Runs the real `maillage` binary against this node's database.
    pub async fn run_cli(&self, args: &[&str]) -> Output {
        run_maillage(
            args,
            &[
                ("MAILLAGE__DATABASE__PATH", self.db.to_str().expect("a UTF-8 path")),
                ("MAILLAGE__SERVER__BASE_URL", &format!("{}/", self.base)),
            ],
        )
        .await
    }

    /// Stops the node abruptly: open connections are dropped and the workers are aborted
    /// wherever they are (mid-delivery included). Its database file stays.
    pub async fn kill(self) -> PathBuf {
        self.handle.stop(false).await;
        // Dropping `run_until_stopped` aborts the workers instead of letting them finish.
        self.server.abort();
        let _ = self.server.await;
        self.node.pool.close().await;
        self.db
    }
}

impl std::ops::Deref for TestNode {
    type Target = Api;

    /// `node.create_item(…)` calls the API with the node's token.
    fn deref(&self) -> &Api {
        &self.api
    }
}

/// Lets the node's clock (millisecond timestamps) move on, so that two writes made one after
/// the other get distinct update times. The node runs on the system clock.
pub async fn next_millisecond() {
    tokio::time::sleep(Duration::from_millis(2)).await;
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
    assert_eq!(response.status(), reqwest::StatusCode::SEE_OTHER, "login as {username}");
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a session cookie");
    cookie.split(';').next().expect("name=value").to_owned()
}
