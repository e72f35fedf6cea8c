//! Nodes under test: real `Application`s in this process (each with its own SQLite file
//! in a scratch folder, on loopback), the real `maillage serve` binary as a child process
//! (for footprint and read load), and the baseline servers (an empty handler on the same
//! actix-web stack).

use actix_web::{web, App, HttpResponse, HttpServer};
use anyhow::Context;
use figment::providers::Serialized;
use maillage::operations::Node;
use maillage::settings::Settings;
use maillage::startup::Application;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// A folder removed when dropped (unless `MAILLAGE_BENCH_KEEP` is set).
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(label: &str) -> anyhow::Result<Scratch> {
        let base = std::env::var_os("MAILLAGE_BENCH_DIR").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        let path =
            base.join(format!("maillage-bench-{}-{label}-{}", std::process::id(), uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&path).with_context(|| format!("Failed to create {}", path.display()))?;
        Ok(Scratch { path })
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::env::var_os("MAILLAGE_BENCH_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

pub fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("Failed to find a free port")?;
    Ok(listener.local_addr()?.port())
}

/// Development settings (http and loopback allowed) for a node on `port`.
pub fn settings(db: &Path, port: u16, username: &str) -> anyhow::Result<Settings> {
    let figment = Settings::figment(Some(&repo_path("config/dev.toml")))
        .merge(Serialized::default("server.port", port))
        .merge(Serialized::default("database.path", db))
        .merge(Serialized::default("node.username", username))
        .merge(Serialized::default("node.display_name", format!("Territoire {username}")))
        .merge(Serialized::default("node.territory", username))
        .merge(Serialized::default("log.filter", "warn"));
    Settings::from_figment(figment).map_err(|e| anyhow::anyhow!("{e}"))
}

/// The repository root, where `config/` lives.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A node running in this process, stopped when [`RunningNode::stop`] is called.
pub struct RunningNode {
    pub node: Node,
    pub port: u16,
    pub db: PathBuf,
    handle: actix_web::dev::ServerHandle,
    server: tokio::task::JoinHandle<()>,
}

impl RunningNode {
    pub async fn start(db: PathBuf, port: u16, username: &str) -> anyhow::Result<RunningNode> {
        let app = Application::build(settings(&db, port, username)?).await.context("Failed to build a node")?;
        let node = app.node().clone();
        let port = app.port();
        let handle = app.handle();
        let server = tokio::spawn(async move {
            let _ = app.run_until_stopped().await;
        });
        Ok(RunningNode { node, port, db, handle, server })
    }

    pub fn address(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// `username@127.0.0.1:port`, for follows.
    pub fn handle_name(&self) -> String {
        format!("{}@127.0.0.1:{}", self.node.settings.node.username, self.port)
    }

    pub async fn stop(self) {
        self.handle.stop(false).await;
        let _ = self.server.await;
        self.node.pool.close().await;
    }
}

/// The empty handlers of the baselines: `POST /inbox` reads the body and answers 202,
/// `GET /` answers a short 200. Same actix-web version and defaults as the node.
pub fn baseline_app_server(listener: TcpListener) -> anyhow::Result<actix_web::dev::Server> {
    let server = HttpServer::new(|| {
        App::new()
            .app_data(web::PayloadConfig::new(1024 * 1024))
            .route(
                "/inbox",
                web::post().to(|body: web::Bytes| async move {
                    HttpResponse::Accepted().body(format!("{{\"received\":{}}}", body.len()))
                }),
            )
            .route("/", web::get().to(|| async { HttpResponse::Ok().body("ok") }))
    })
    .listen(listener)?
    .run();
    Ok(server)
}

/// A child process: the real `maillage serve`, or this binary's `baseline-server`.
pub struct Child {
    pub child: tokio::process::Child,
    pub address: SocketAddr,
}

impl Child {
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Resident set size now and its peak, in MB (10^6 bytes).
    pub fn rss_mb(&self) -> Option<(f64, f64)> {
        rss_mb_of(self.pid()?)
    }

    pub async fn stop(mut self) {
        if let Some(pid) = self.child.id() {
            // SIGTERM first, so the server drains; then make sure.
            let _ = std::process::Command::new("kill").arg("-TERM").arg(pid.to_string()).status();
            if tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await.is_err() {
                let _ = self.child.kill().await;
            }
        }
    }
}

/// VmRSS and VmHWM of a process, in MB (10^6 bytes), from /proc.
pub fn rss_mb_of(pid: u32) -> Option<(f64, f64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb * 1024.0 / 1e6)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// The release `maillage` binary beside this one.
pub fn maillage_binary() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("Failed to locate the bench binary")?;
    let path = me.with_file_name("maillage");
    if !path.exists() {
        anyhow::bail!("{} not found: build it with `cargo build --release` first", path.display());
    }
    Ok(path)
}

/// Spawns `maillage serve` on `db` and `port` (does not wait until it serves).
pub fn spawn_serve(db: &Path, port: u16) -> anyhow::Result<Child> {
    let mut command = tokio::process::Command::new(maillage_binary()?);
    for (key, _) in std::env::vars() {
        if key.starts_with("MAILLAGE__") {
            command.env_remove(key);
        }
    }
    command
        .arg("--config")
        .arg(repo_path("config/dev.toml"))
        .arg("serve")
        .env("MAILLAGE__DATABASE__PATH", db)
        .env("MAILLAGE__SERVER__PORT", port.to_string())
        .env("MAILLAGE__SERVER__HOST", "127.0.0.1")
        .env("MAILLAGE__LOG__FILTER", "warn")
        .env_remove("RUST_LOG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    let child = command.spawn().context("Failed to start maillage serve")?;
    Ok(Child { child, address: SocketAddr::from(([127, 0, 0, 1], port)) })
}

/// Spawns this binary as the baseline server on `port`.
pub fn spawn_baseline(port: u16) -> anyhow::Result<Child> {
    let me = std::env::current_exe().context("Failed to locate the bench binary")?;
    let child = tokio::process::Command::new(me)
        .arg("baseline-server")
        .arg("--port")
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .context("Failed to start the baseline server")?;
    Ok(Child { child, address: SocketAddr::from(([127, 0, 0, 1], port)) })
}
